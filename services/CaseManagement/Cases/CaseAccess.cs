using System.Security.Claims;
using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.ServiceDefaults;
using Marten;

namespace CommunitySafety.CaseManagement.Cases;

public enum AccessLevel
{
    /// <summary>Case details, personal data included.</summary>
    Full,
    /// <summary>Only that a case exists and which agencies are involved.</summary>
    SignpostOnly,
}

/// <summary>The information-sharing rule: case details only for users of organisations that have signed the ISA.</summary>
public static class CaseAccess
{
    public static AccessLevel Decide(Guid? userOrganisation, IsaSignatory? signatory) =>
        userOrganisation is { } org && signatory is { IsSignatory: true } s && s.Id == org ? AccessLevel.Full : AccessLevel.SignpostOnly;

    public static DomainRuleViolation Refusal(Guid? organisation) => organisation is null
        ? new DomainRuleViolation("no-organisation", "Your token names no organisation ('org' claim); case details are shared only with ISA signatories.", 403)
        : new DomainRuleViolation("isa-not-signed",
            "Your organisation has not signed the Information Sharing Agreement (or has withdrawn): you may see only that the case exists and which agencies are involved.", 403);

    public static Guid? Organisation(ClaimsPrincipal user) => user.OrganisationId();

    /// <summary>The access the user's organisation has now, from CaseManagement's register of signatories.</summary>
    public static async Task<AccessLevel> ForUserAsync(Marten.IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var organisation = Organisation(user);
        var signatory = organisation is { } org ? await session.LoadAsync<IsaSignatory>(org, ct) : null;
        return Decide(organisation, signatory);
    }

    /// <summary>
    /// Throws the ISA refusal (403) unless the user may act on case details. The refused attempt is recorded in the
    /// access audit at once, in its own transaction (the request's own writes are rolled back): what was attempted
    /// (method and path) and on which case (the route's <c>caseId</c>, if any).
    /// </summary>
    public static async Task DemandFullAsync(IDocumentSession session, HttpContext http)
    {
        if (await ForUserAsync(session, http.User, http.RequestAborted) == AccessLevel.Full) return;

        var caseId = Guid.TryParse(http.GetRouteValue("caseId")?.ToString(), out var id) ? id : (Guid?)null;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await using (var audit = session.DocumentStore.LightweightSession())
        {
            AccessAuditLog.Record(audit, http, caseId, $"{http.Request.Method} {http.Request.Path}", AccessOutcome.Refused, now);
            await audit.SaveChangesAsync(http.RequestAborted);
        }
        throw Refusal(Organisation(http.User));
    }
}
