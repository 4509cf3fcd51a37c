namespace CommunitySafety.Funding.Streams;

public sealed record CreateFundingStream(string? Name, string? Source, int? FinancialYear, decimal? Budget);

/// <summary>Opens a funding stream for a financial year with its budget (e.g. the PCC's Crime Reduction Grant).</summary>
public static class CreateFundingStreamEndpoint
{
    public static ProblemDetails Validate(CreateFundingStream command) =>
        new FieldErrors()
            .Text("name", command.Name, 200)
            .Text("source", command.Source, 200)
            .Check(command.FinancialYear is >= 2000 and <= 2100, "financialYear", "'financialYear' is required: the year it starts in April (2026 = 2026-27).")
            .Amount("budget", command.Budget)
            .ToProblem();

    [WolverinePost("/api/funding/streams"), Authorize(Roles = FundingRoles.FundingOfficer)]
    [ProducesResponseType<FundingStreamView>(StatusCodes.Status201Created)]
    public static (IResult, IStartStream) Post(CreateFundingStream command, ClaimsPrincipal user, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var created = new FundingStreamCreated(id, command.Name!.Trim(), command.Source!.Trim(), command.FinancialYear!.Value, command.Budget!.Value,
            user.DisplayName(), clock.GetUtcNow());
        return NewStream.Start<FundingStream>(id, $"/api/funding/streams/{id}", FundingStreamView.Create(created) with { Version = 1 }, created);
    }
}
