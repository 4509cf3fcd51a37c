using CommunitySafety.CaseManagement.Signatories;

namespace CommunitySafety.CaseManagement.Cases;

public enum AccessLevel
{
    /// <summary>Case details, personal data included.</summary>
    Full,
    /// <summary>Only that a case exists and which agencies are involved.</summary>
    SignpostOnly,
}

/// <summary>
/// The information-sharing rule: case details only for users of organisations that are current signatories of the
/// ISA (signed, not withdrawn, not past the signature's review date). Refusals are recorded in the access audit by
/// <see cref="Audit.CaseAccessAuditMiddleware"/>, like every other answer.
/// </summary>
public static class CaseAccess
{
    public static AccessLevel Decide(Guid? userOrganisation, IsaSignatory? signatory, DateOnly today) =>
        userOrganisation is { } org && signatory is { } s && s.Id == org && s.IsCurrentOn(today) ? AccessLevel.Full : AccessLevel.SignpostOnly;

    public static DomainRuleViolation RefusalFor(Guid? organisation) => organisation is null
        ? new DomainRuleViolation("no-organisation", "Your token names no organisation ('org' claim); case details are shared only with ISA signatories.", Refusal.Forbidden)
        : new DomainRuleViolation("isa-not-signed",
            "Your organisation has not signed the Information Sharing Agreement, has withdrawn, or its signature is past its review date: you may see only that the case exists and which agencies are involved.", Refusal.Forbidden);

    /// <summary>
    /// Who may erase personal data and read the access audit: a partnership-admin of a current ISA signatory. Null when
    /// allowed, else the refusal (403).
    /// </summary>
    public static DomainRuleViolation? RefuseAdministration(bool isPartnershipAdmin, Guid? organisation, AccessLevel access) =>
        !isPartnershipAdmin
            ? new DomainRuleViolation("not-partnership-admin", "Only a partnership-admin may erase personal data or read the access audit.", Refusal.Forbidden)
            : access == AccessLevel.Full ? null : RefusalFor(organisation);

    public static Guid? Organisation(ClaimsPrincipal user) => user.OrganisationId();

    /// <summary>The access the user's organisation has today, from CaseManagement's register of signatories.</summary>
    public static async Task<AccessLevel> ForUserAsync(IQuerySession session, ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var organisation = Organisation(user);
        var signatory = organisation is { } org ? await session.LoadAsync<IsaSignatory>(org, ct) : null;
        return Decide(organisation, signatory, today);
    }

    private static DateOnly Today(HttpContext http) =>
        PartnershipCalendar.Today(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());

    /// <summary>Throws the ISA refusal (403) unless the user may act on case details.</summary>
    public static async Task DemandFullAsync(IQuerySession session, HttpContext http)
    {
        if (await ForUserAsync(session, http.User, Today(http), http.RequestAborted) != AccessLevel.Full) throw RefusalFor(Organisation(http.User));
    }

    /// <summary>Throws the refusal (403) unless the user is a partnership-admin of a current ISA signatory.</summary>
    public static async Task DemandAdministrationAsync(IQuerySession session, HttpContext http)
    {
        var access = await ForUserAsync(session, http.User, Today(http), http.RequestAborted);
        if (RefuseAdministration(http.User.IsInRole(CaseRoles.PartnershipAdmin), Organisation(http.User), access) is { } refusal) throw refusal;
    }
}
