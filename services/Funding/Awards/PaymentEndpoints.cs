using CommunitySafety.Funding.Streams;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Funding.Awards;

/// <summary>Reads an award and its funding stream before a write that needs the stream (its financial year, its ledger).</summary>
public static class AwardLoading
{
    public static async Task<(Award? Award, FundingStream? Stream, IResult? NotFound)> LoadWithStreamAsync(
        IQuerySession session, Guid awardId, CancellationToken ct)
    {
        var award = awardId == Guid.Empty ? null : await session.LoadAsync<Award>(awardId, ct);
        if (award is null) return (null, null, Problems.NotFound(nameof(Award), awardId));
        var stream = await session.LoadAsync<FundingStream>(award.StreamId, ct);
        return stream is null ? (null, null, Problems.NotFound(nameof(FundingStream), award.StreamId)) : (award, stream, null);
    }
}

public sealed record ScheduleInstalment(decimal? Amount, DateOnly? DueOn);

/// <summary>Adds an instalment to an award's payment schedule, due within the stream's financial year.</summary>
public static class ScheduleInstalmentEndpoint
{
    public static ProblemDetails Validate(ScheduleInstalment? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Amount("amount", command.Amount)
            .Check(command.DueOn is not null, "dueOn", "'dueOn' is required (a date, e.g. 2026-07-01).")
            .ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<IResult> Post(Guid awardId, ScheduleInstalment command, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http)
    {
        var (_, stream, notFound) = await AwardLoading.LoadWithStreamAsync(session, awardId, http.RequestAborted);
        if (notFound is not null) return notFound;
        var instalmentId = Guid.CreateVersion7();
        return await session.Append<Award>(awardId, http,
            award => [Award.DecideSchedule(award, new FinancialYear(stream!.FinancialYear), instalmentId, command.Amount!.Value, command.DueOn!.Value,
                http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract, _ => new { instalmentId });
    }
}

/// <summary>Finance approves a scheduled instalment for payment.</summary>
public static class ApproveInstalmentEndpoint
{
    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/approve"), Authorize(Roles = FundingRoles.FinanceOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid awardId, Guid instalmentId, IDocumentSession session, IMessageBus bus, TimeProvider clock, HttpContext http) =>
        session.Append<Award>(awardId, http,
            award => [Award.DecideApprove(award, instalmentId, http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract);
}

public sealed record PayInstalment(DateOnly? PaidOn);

/// <summary>Finance records the payment of an approved instalment (published as PaymentMade).</summary>
public static class PayInstalmentEndpoint
{
    public static ProblemDetails Validate(PayInstalment? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Check(command.PaidOn is not null, "paidOn", "'paidOn' is required (a date, e.g. 2026-07-01).").ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/pay"), Authorize(Roles = FundingRoles.FinanceOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid awardId, Guid instalmentId, PayInstalment command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        session.Append<Award>(awardId, http,
            award => [Award.DecidePay(award, instalmentId, command.PaidOn!.Value, http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract);
}

public sealed record CancelInstalment(string? Reason);

/// <summary>Cancels an instalment not yet paid, with the reason.</summary>
public static class CancelInstalmentEndpoint
{
    public static ProblemDetails Validate(CancelInstalment? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors().Text("reason", command.Reason, 1000).ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments/{instalmentId}/cancel"),
     Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.FinanceOfficer)]
    [ProducesResponseType(StatusCodes.Status204NoContent), ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static Task<IResult> Post(Guid awardId, Guid instalmentId, CancelInstalment command, IDocumentSession session, IMessageBus bus, TimeProvider clock,
        HttpContext http) =>
        session.Append<Award>(awardId, http,
            award => [Award.DecideCancel(award, instalmentId, command.Reason!.Trim(), http.User.DisplayName(), clock.GetUtcNow())],
            bus, IntegrationEvents.ToContract);
}
