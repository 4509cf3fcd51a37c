using CommunitySafety.CaseManagement.Cases;

namespace CommunitySafety.CaseManagement.Audit;

/// <summary>Granted: answered below 400. Refused: a 4xx (401, 403, 400, 404, 409…). Failed: a 5xx.</summary>
public enum AccessOutcome { Granted, Refused, Failed }

/// <summary>
/// One request to case data, about one case (or none): who (token subject, name, organisation, roles; none for a
/// request without a valid token), when, what (method and route), which case (and subject), how it was answered, and
/// for a search a keyed hash of what was searched for. A request that concerns several cases has one entry per case,
/// sharing <see cref="RequestId"/>. Written by <see cref="CaseAccessAuditMiddleware"/> only; no endpoint changes it.
/// </summary>
/// <param name="Id">The entry's id.</param>
/// <param name="RequestId">The request it records (shared by the entries of a request about several cases).</param>
/// <param name="At">When the request came in.</param>
/// <param name="UserSubject">The token's subject; null without a valid token.</param>
/// <param name="UserName">The user's name from the token.</param>
/// <param name="OrganisationId">The user's organisation.</param>
/// <param name="Roles">The user's roles.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Route">The route template of the endpoint called.</param>
/// <param name="CaseId">The case concerned; null when none.</param>
/// <param name="SubjectId">The subject of the case concerned, when the request is about one.</param>
/// <param name="Status">The answer's status code; null while a write committed with its entry has not been answered yet.</param>
/// <param name="Outcome">How it was answered (granted, refused or failed).</param>
/// <param name="SearchHash">For a search: a keyed hash of what was searched for; null otherwise.</param>
public sealed record AuditEntry(
    Guid Id, string RequestId, DateTimeOffset At, string? UserSubject, string? UserName, Guid? OrganisationId, IReadOnlyList<string> Roles,
    string Method, string Route, Guid? CaseId, Guid? SubjectId, int? Status, AccessOutcome Outcome, string? SearchHash);

/// <summary>What the audit knows of the request itself: who made it and what it asked for.</summary>
public sealed record RequestFacts(
    string? UserSubject, string? UserName, Guid? OrganisationId, IReadOnlyList<string> Roles, string Method, string Route, Guid? CaseId, Guid? SubjectId)
{
    public const int MaxRouteLength = 200;

    /// <summary>
    /// What the request asked for, read as it comes in (routing has run; the exception handler clears the route of a
    /// request that failed, so it cannot be read afterwards): the route's pattern, ids staying out of it (they are in
    /// <see cref="CaseId"/> and <see cref="SubjectId"/>), or an unknown path as it came. Nobody yet: see <see cref="By"/>.
    /// </summary>
    public static RequestFacts Of(HttpContext http)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        return new RequestFacts(null, null, null, [], http.Request.Method, route.Length > MaxRouteLength ? route[..MaxRouteLength] : route,
            RouteId(http, "caseId"), RouteId(http, "subjectId"));
    }

    /// <summary>The same request, made by <paramref name="user"/> (nobody when the request had no valid token).</summary>
    public RequestFacts By(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true
        ? this with
        {
            UserSubject = user.FindFirstValue(CspClaims.Subject) ?? "unknown",
            UserName = user.Identity.Name,
            OrganisationId = user.OrganisationId(),
            Roles = [.. user.FindAll(CspClaims.Role).Select(c => c.Value)],
        }
        : this;

    private static Guid? RouteId(HttpContext http, string name) => Guid.TryParse(http.GetRouteValue(name)?.ToString(), out var id) ? id : null;
}

/// <summary>
/// The audit of one request to <c>/api/cases/*</c>, kept as a feature of the request: the middleware opens it, endpoints
/// that touch several cases say which (<see cref="CaseAudit.Listed"/>), searches say what they looked for (as a keyed
/// hash, <see cref="CaseAudit.Searched"/>), and the middleware writes it out once the answer is known.
/// </summary>
public sealed class CaseAuditRecord(string requestId, DateTimeOffset at, RequestFacts request)
{
    private readonly List<Guid> _listed = [];
    private readonly Dictionary<Guid, Guid> _entryIds = [];
    private readonly Guid _entryWithoutCase = Guid.CreateVersion7();

    public string RequestId { get; } = requestId;
    public DateTimeOffset At { get; } = at;
    /// <summary>What was asked for, read as the request came in.</summary>
    public RequestFacts Request { get; } = request;
    public IReadOnlyList<Guid> ListedCases => _listed;
    public string? SearchHash { get; private set; }

    /// <summary>Set once the entries have been committed with the request's own case write.</summary>
    public bool CommittedWithWrite { get; internal set; }

    /// <summary>Set when the answer is known: the entries are written by the middleware from then on, never with a write.</summary>
    public bool Answered { get; internal set; }

    public void List(IEnumerable<Guid> cases) => _listed.AddRange(cases.Where(c => !_listed.Contains(c)));

    public void Search(string hash) => SearchHash = hash;

    /// <summary>
    /// The entries of the request made by <paramref name="user"/> (same ids however often they are built, so that a later
    /// write completes an earlier one).
    /// </summary>
    public IReadOnlyList<AuditEntry> Entries(ClaimsPrincipal user, int? status) =>
        AuditEntries.For(Request.By(user), RequestId, At, _listed, SearchHash, status, caseId =>
            caseId is { } c ? (_entryIds.TryGetValue(c, out var id) ? id : _entryIds[c] = Guid.CreateVersion7()) : _entryWithoutCase);
}

public static class AuditEntries
{
    public static AccessOutcome OutcomeOf(int? status) => status switch
    {
        null or < 400 => AccessOutcome.Granted,
        < 500 => AccessOutcome.Refused,
        _ => AccessOutcome.Failed,
    };

    /// <summary>
    /// The audit entries of a request: one per case it concerned — the route's case first, then those it listed — or one
    /// with no case when it concerned none.
    /// </summary>
    public static IReadOnlyList<AuditEntry> For(RequestFacts facts, string requestId, DateTimeOffset at, IEnumerable<Guid> listed, string? searchHash,
        int? status, Func<Guid?, Guid> entryId)
    {
        var cases = (facts.CaseId is { } routeCase ? [routeCase] : Array.Empty<Guid>()).Concat(listed).Distinct().Select(c => (Guid?)c).ToList();
        if (cases.Count == 0) cases.Add(null);
        return [.. cases.Select(c => new AuditEntry(entryId(c), requestId, at, facts.UserSubject, facts.UserName, facts.OrganisationId, facts.Roles,
            facts.Method, facts.Route, c, c == facts.CaseId ? facts.SubjectId : null, status, OutcomeOf(status), searchHash))];
    }
}

/// <summary>How endpoints tell the audit what else their request concerned.</summary>
public static class CaseAudit
{
    /// <summary>The cases the request listed or touched besides the route's own (overdue lists, agendas, searches, the other case of a link).</summary>
    public static void Listed(HttpContext http, IEnumerable<Guid> cases) => http.Features.Get<CaseAuditRecord>()?.List(cases);

    /// <summary>A keyed hash of what a search looked for (never the criteria themselves).</summary>
    public static void Searched(HttpContext http, string hash) => http.Features.Get<CaseAuditRecord>()?.Search(hash);
}

public static class GetAuditEndpoint
{
    /// <summary>
    /// Who asked for which case data, when, and how they were answered. Newest first, a page at a time (<c>limit</c>
    /// 1–500, default 100; <c>page</c> from 1). For partnership-admins of current ISA signatories; reading it is audited too.
    /// </summary>
    [WolverineGet("/api/cases/audit"), Authorize(Roles = CaseRoles.PartnershipAdmin)]
    [ProducesResponseType<IReadOnlyList<AuditEntry>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status403Forbidden)]
    public static async Task<IResult> Get(Guid? caseId, Guid? organisationId, int? limit, int? page, IQuerySession session, HttpContext http)
    {
        await CaseAccess.DemandAdministrationAsync(session, http);
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        if (caseId is { } listed) CaseAudit.Listed(http, [listed]);
        var query = session.Query<AuditEntry>().AsQueryable();
        if (caseId is { } c) query = query.Where(a => a.CaseId == c);
        if (organisationId is { } o) query = query.Where(a => a.OrganisationId == o);
        return (await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).ToPageAsync(request, http.RequestAborted)).Ok(http);
    }
}
