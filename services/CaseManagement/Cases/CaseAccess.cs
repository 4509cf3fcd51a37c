using System.Security.Claims;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.ServiceDefaults;

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

    /// <summary>Throws the ISA refusal (403) unless the user may act on case details.</summary>
    public static async Task DemandFullAsync(Marten.IQuerySession session, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ForUserAsync(session, user, ct) != AccessLevel.Full) throw Refusal(Organisation(user));
    }
}
