using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Awards;

public sealed record ScheduleInstalment(decimal? Amount, DateOnly? DueOn);

/// <summary>The new instalment's id.</summary>
public sealed record InstalmentScheduledAnswer(Guid InstalmentId);

/// <summary>Adds an instalment to an award's payment schedule, due within the stream's financial year.</summary>
public static class ScheduleInstalmentEndpoint
{
    public static ProblemDetails Validate(ScheduleInstalment command) =>
        new FieldErrors()
            .Amount("amount", command.Amount)
            .Check(command.DueOn is not null, "dueOn", "'dueOn' is required (a date, e.g. 2026-07-01).")
            .ToProblem();

    [WolverinePost("/api/funding/awards/{awardId}/instalments"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<InstalmentScheduledAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status404NotFound),
     ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(InstalmentScheduledAnswer, Events)> Post(ScheduleInstalment command, [VersionedAggregate] Award award,
        IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var stream = await FundingStreamQueries.OfAwardAsync(session, award, ct);
        var scheduled = Award.DecideSchedule(award, new FinancialYear(stream.FinancialYear), Guid.CreateVersion7(), command.Amount!.Value,
            command.DueOn!.Value, user.DisplayName(), clock.GetUtcNow());
        return (new InstalmentScheduledAnswer(scheduled.InstalmentId), [scheduled]);
    }
}
