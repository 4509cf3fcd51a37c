using CommunitySafety.Meetings.Membership;

namespace CommunitySafety.Meetings.Meetings;

/// <param name="Text">The decision's text (required).</param>
/// <param name="ConsensusReached">Whether it was taken by consensus (required).</param>
/// <param name="AgendaReference">The agenda item it was taken under, as minuted.</param>
/// <param name="ItemId">The agenda item it was taken under, when it is one of the meeting's items.</param>
/// <param name="Adopts">Ids of documents the decision adopts (e.g. a version of a body's terms of reference in Governance).</param>
public sealed record RecordDecision(string? Text, bool? ConsensusReached, string? AgendaReference, Guid? ItemId, IReadOnlyList<Guid>? Adopts);

/// <summary>The decision's id and where the minutes record it.</summary>
public sealed record DecisionTakenAnswer(Guid DecisionId, string? MinuteReference);

/// <summary>
/// A decision of a quorate meeting, under an item of its agenda if one is named, with its minute reference; published as
/// <c>DecisionRecorded</c> (without its text when the body is confidential or the item exempt).
/// </summary>
public static class RecordDecisionEndpoint
{
    public static ProblemDetails Validate(RecordDecision command) =>
        new FieldErrors()
            .Text("text", command.Text, 4000)
            .Check(command.ConsensusReached is not null, "consensusReached", "'consensusReached' is required (true or false).")
            .Text("agendaReference", command.AgendaReference, 100, required: false)
            .Check(command.ItemId != Guid.Empty, "itemId", "'itemId' must be a non-empty id when given.")
            .Check(command.Adopts is null || command.Adopts.Count <= 20 && command.Adopts.All(a => a != Guid.Empty), "adopts",
                "'adopts' lists at most 20 non-empty document ids.")
            .ToProblem();

    [WolverinePost("/api/meetings/meetings/{meetingId}/decisions"), Authorize(Roles = MeetingsRoles.Managers)]
    [ProducesResponseType<DecisionTakenAnswer>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status409Conflict)]
    public static async Task<(DecisionTakenAnswer, Events)> Post(RecordDecision command, [VersionedAggregate] Meeting meeting, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var membership = await MembershipSnapshot.ForBody(session, meeting.BodyId, ct);
        var adoptedTerms = await AdoptedTermsOf(session, command.Adopts, ct);
        var decisionId = Guid.CreateVersion7();
        var events = Meeting.DecideDecision(meeting, membership.Evaluate(meeting), membership.Body?.IsConfidential ?? false, decisionId, command.Text!,
            command.ConsensusReached!.Value, command.AgendaReference, clock.GetUtcNow(), command.ItemId, command.Adopts, adoptedTerms);
        return (new DecisionTakenAnswer(decisionId, events.OfType<DecisionRecorded>().Single().MinuteReference), [.. events]);
    }

    /// <summary>The versions of terms of reference among the documents adopted that Meetings heard of, with their bodies' parents.</summary>
    private static async Task<IReadOnlyList<AdoptedTerms>> AdoptedTermsOf(IQuerySession session, IReadOnlyList<Guid>? adopts, CancellationToken ct)
    {
        if (adopts is not { Count: > 0 }) return [];
        var terms = await session.LoadManyAsync<TermsOfReferenceRef>(ct, adopts.Distinct().ToArray());
        if (terms.Count == 0) return [];
        var bodies = (await session.LoadManyAsync<BodyRef>(ct, terms.Select(t => t.BodyId).Distinct().ToArray())).ToDictionary(b => b.Id);
        return [.. terms.Select(t => new AdoptedTerms(t.Id, t.BodyId, bodies.TryGetValue(t.BodyId, out var b) ? b.ParentBodyId : null))];
    }
}
