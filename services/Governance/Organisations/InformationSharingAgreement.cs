using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Organisations;

// The Kent and Medway Information Sharing Agreement (ISA): every member organisation signs it, and CaseManagement
// shares case data only with current signatories (it follows the published IsaSigned / IsaWithdrawn).

public sealed record SignIsa(DateOnly? SignedOn, string? SignedBy);

public static class SignIsaEndpoint
{
    public const int MaxSignedByLength = 200;

    public static ProblemDetails Validate(SignIsa? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Check(command.SignedOn is not null, "signedOn", "'signedOn' is required (a date, e.g. 2026-11-01).")
            .Text("signedBy", command.SignedBy, MaxSignedByLength)
            .ToProblem();

    [WolverinePost("/api/governance/organisations/{id}/isa"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static Task<IResult> Post(Guid id, SignIsa command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var now = clock.GetUtcNow();
        return session.Append<Organisation>(id, http,
            organisation => Organisation.DecideSignIsa(organisation, command.SignedOn!.Value, command.SignedBy!,
                PartnershipCalendar.Today(now), now),
            bus, IntegrationEvents.ToContract);
    }
}

public sealed record WithdrawIsa(string? Reason);

public static class WithdrawIsaEndpoint
{
    public const int MaxReasonLength = 1000;

    public static ProblemDetails Validate(WithdrawIsa? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, MaxReasonLength).ToProblem();

    [WolverinePost("/api/governance/organisations/{id}/isa/withdraw"), Authorize(Roles = GovernanceRoles.Admin)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public static Task<IResult> Post(Guid id, WithdrawIsa command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<Organisation>(id, http,
            organisation => Organisation.DecideWithdrawIsa(organisation, command.Reason!, clock.GetUtcNow()),
            bus, IntegrationEvents.ToContract);
}
