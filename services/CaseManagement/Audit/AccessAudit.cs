using CommunitySafety.ServiceDefaults;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CommunitySafety.CaseManagement.Audit;

public enum AccessOutcome { Granted, Refused }

/// <summary>Someone read (or tried to read, or to change) case data; <c>CaseId</c> is null when no one case was concerned. Appended to the audit stream, which no endpoint can change.</summary>
public sealed record CaseAccessAudited(
    Guid AuditId, Guid? CaseId, string What, AccessOutcome Outcome, string UserSubject, string? UserName, Guid? OrganisationId,
    DateTimeOffset At);

public sealed record AuditEntry(
    Guid Id, Guid? CaseId, string What, AccessOutcome Outcome, string UserSubject, string? UserName, Guid? OrganisationId,
    DateTimeOffset At);

public partial class AccessAuditProjection : EventProjection
{
    public AuditEntry Create(CaseAccessAudited e) =>
        new(e.AuditId, e.CaseId, e.What, e.Outcome, e.UserSubject, e.UserName, e.OrganisationId, e.At);
}

public static class AccessAuditLog
{
    /// <summary>The one audit stream. Quick append serialises concurrent appends on the stream row: none is lost.</summary>
    public static readonly Guid StreamId = new("a0d17000-0000-4000-8000-000000000001");

    public static void Record(IDocumentSession session, HttpContext http, Guid? caseId, string what, AccessOutcome outcome, DateTimeOffset now)
    {
        var user = http.User;
        session.Events.Append(StreamId, new CaseAccessAudited(Guid.CreateVersion7(), caseId, what, outcome,
            user.FindFirst(CspClaims.Subject)?.Value ?? "unknown", user.Identity?.Name, user.OrganisationId(), now));
    }
}

public static class GetAuditEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>Who read which case's details, when, and whether it was refused. Newest first.</summary>
    [WolverineGet("/api/cases/audit"), Authorize(Roles = CaseRoles.PartnershipAdmin)]
    [ProducesResponseType<IReadOnlyList<AuditEntry>>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid? caseId, Guid? organisationId, int? limit, IQuerySession session, CancellationToken ct)
    {
        if (limit is < 1 or > MaxPageSize)
            return Results.Problem(Problems.Validation(new Dictionary<string, string[]> { ["limit"] = [$"'limit' must be between 1 and {MaxPageSize}."] }));
        var query = session.Query<AuditEntry>().AsQueryable();
        if (caseId is { } c) query = query.Where(a => a.CaseId == c);
        if (organisationId is { } o) query = query.Where(a => a.OrganisationId == o);
        return Results.Ok(await query.OrderByDescending(a => a.At).Take(limit ?? 100).ToListAsync(ct));
    }
}
