using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Bids;

public sealed record OutputPromise(string? Measure, decimal? Target);

public sealed record DraftBid(
    Guid? StreamId, string? Title, string? Description, decimal? AmountRequested, string? Priority, IReadOnlyList<OutputPromise?>? Outputs,
    string? Area, Guid? OrganisationId);

/// <summary>
/// Drafts a bid against a funding stream. A bidder bids for the organisation their token names; a funding officer
/// drafts on an organisation's behalf and names it.
/// </summary>
public static class DraftBidEndpoint
{
    public const int MaxOutputs = 50;

    public static ProblemDetails Validate(DraftBid command)
    {
        var errors = new FieldErrors()
            .Id("streamId", command.StreamId)
            .Text("title", command.Title, 200)
            .Text("description", command.Description, 4000)
            .Amount("amountRequested", command.AmountRequested)
            .Text("priority", command.Priority, 200)
            .Text("area", command.Area, 100)
            .Check(command.Outputs is { Count: > 0 and <= MaxOutputs }, "outputs", $"'outputs' is required: 1 to {MaxOutputs} promised outputs.")
            .Check(command.OrganisationId != Guid.Empty, "organisationId", "'organisationId' must be a non-empty id.");
        for (var i = 0; i < (command.Outputs?.Count ?? 0); i++)
        {
            var output = command.Outputs![i];
            errors.Text($"outputs[{i}].measure", output?.Measure, 200)
                .Check(output?.Target is > 0 and < Money.Max, $"outputs[{i}].target", $"'outputs[{i}].target' must be more than 0.");
        }
        return errors.ToProblem();
    }

    /// <summary>A funding officer must name the organisation the bid is for; a bidder may only name their own.</summary>
    public static ProblemDetails Before(DraftBid command, ClaimsPrincipal user) =>
        user.IsInRole(FundingRoles.FundingOfficer) && command.OrganisationId is null
            ? Problems.Validation(new Dictionary<string, string[]>
            {
                ["organisationId"] = ["'organisationId' is required when a funding officer drafts a bid for an organisation."],
            })
            : WolverineContinue.NoProblems;

    [WolverinePost("/api/funding/bids"), Authorize(Roles = FundingRoles.FundingOfficer + "," + FundingRoles.Bidder)]
    [ProducesResponseType<BidView>(StatusCodes.Status201Created)]
    public static async Task<(IResult, Wolverine.Marten.IStartStream)> Post(DraftBid command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var organisationId = command.OrganisationId ?? user.OrganisationId() ?? Guid.Empty;
        // a bidder bids for their own organisation: naming another, or none, is refused
        Bid.DecideActor(organisationId, user.IsInRole(FundingRoles.FundingOfficer), user.OrganisationId());

        var streamId = command.StreamId!.Value;
        if (await session.LoadAsync<FundingStream>(streamId, ct) is null) throw RequestRefused.NotFound(nameof(FundingStream), streamId);

        var id = Guid.CreateVersion7();
        var drafted = new BidDrafted(id, streamId, organisationId, command.Title!.Trim(), command.Description!.Trim(), command.AmountRequested!.Value,
            command.Priority!.Trim(), command.Outputs!.Select(o => new PromisedOutput(o!.Measure!.Trim(), o.Target!.Value)).ToList(),
            command.Area!.Trim(), user.DisplayName(), clock.GetUtcNow());
        return NewStream.Start<Bid>(id, $"/api/funding/bids/{id}", BidView.Create(drafted) with { Version = 1 }, drafted);
    }
}
