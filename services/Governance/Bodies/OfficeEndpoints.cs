using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;

namespace CommunitySafety.Governance.Bodies;

public sealed record ElectOfficeHolder(
    Office? Office, IReadOnlyList<Guid>? Candidates, Guid? ElectedMembershipId, Guid? DecisionId, DateOnly? TermStartsOn, DateOnly? TermEndsOn);

public static class ElectOfficeHolderEndpoint
{
    public const int MaxCandidates = 50;

    public static ProblemDetails Validate(ElectOfficeHolder? command) => command is null
        ? FieldErrors.MissingBody
        : new FieldErrors()
            .Defined("office", command.Office)
            .Check(command.Candidates is { Count: > 0 and <= MaxCandidates }, "candidates",
                $"'candidates' must list between 1 and {MaxCandidates} membership ids.")
            .Check(command.Candidates is null || command.Candidates.All(c => c != Guid.Empty), "candidates", "'candidates' must not contain an empty id.")
            .Check(command.Candidates is null || command.Candidates.Distinct().Count() == command.Candidates.Count, "candidates",
                "'candidates' must not name a member twice.")
            .Id("electedMembershipId", command.ElectedMembershipId)
            .Check(command.DecisionId != Guid.Empty, "decisionId", "'decisionId' must be a non-empty id when given.")
            .ToProblem();

    /// <summary>Records an election to an office; the elected member holds it for the term, and reminders are scheduled.</summary>
    [WolverinePost("/api/governance/bodies/{bodyId}/elections"), Authorize(Roles = GovernanceRoles.Admin)]
    public static async Task<IResult> Post(
        Guid bodyId, ElectOfficeHolder command, IDocumentSession session, IMessageBus bus, TimeProvider clock, OfficeOptions options,
        HttpContext http)
    {
        var now = clock.GetUtcNow();
        var today = PartnershipCalendar.Today(now);
        var electionId = Guid.CreateVersion7();
        var office = command.Office!.Value;
        var startsOn = command.TermStartsOn ?? today;
        var endsOn = command.TermEndsOn ?? OfficeSchedule.DefaultTermEndsOn(startsOn, options);
        return await session.Append<Body>(bodyId, http,
            body => Body.DecideElection(body, electionId, office, command.Candidates!, command.ElectedMembershipId!.Value, command.DecisionId,
                startsOn, endsOn, today, now),
            bus, IntegrationEvents.ToContract, _ => new { electionId, termStartsOn = startsOn, termEndsOn = endsOn },
            then: async _ =>
            {
                // persisted, in this transaction (outbox); each handler checks that the term is still the office's latest when it runs
                if (OfficeSchedule.ReminderDueAt(endsOn, options.ReminderDays, now) is { } remindAt)
                    await bus.ScheduleAsync(new RemindOfficeTermEnding(bodyId, office, electionId), remindAt);
                await bus.ScheduleAsync(new LapseOfficeTerm(bodyId, office, electionId), OfficeSchedule.LapseDueAt(endsOn, now));
            });
    }
}

public static class GetOfficesEndpoint
{
    /// <summary>The body's elections, newest first, a page at a time.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/elections")]
    [ProducesResponseType<IReadOnlyList<Election>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Elections(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http,
            body => body.Elections.OrderByDescending(e => e.RecordedAt).ThenBy(e => e.ElectionId));

    /// <summary>The offices today (UK date): holder and term, or vacant — a term past its last day is vacant at once.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/offices")]
    [ProducesResponseType<IReadOnlyList<OfficeView>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Offices(Guid bodyId, int? limit, int? page, IQuerySession session, TimeProvider clock, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http, body => body.OfficesOn(PartnershipCalendar.Today(clock.GetUtcNow())));

    /// <summary>The "term ending" reminders raised for the body, newest first.</summary>
    [WolverineGet("/api/governance/bodies/{bodyId}/reminders")]
    [ProducesResponseType<IReadOnlyList<OfficeReminder>>(StatusCodes.Status200OK), ProducesResponseType(StatusCodes.Status400BadRequest),
     ProducesResponseType(StatusCodes.Status404NotFound)]
    public static Task<IResult> Reminders(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http) =>
        PageOfBody(bodyId, limit, page, session, http,
            body => body.Reminders.OrderByDescending(r => r.RaisedAt).ThenBy(r => r.ElectionId));

    /// <summary>A page of a list the body holds (404 for an unknown body).</summary>
    private static async Task<IResult> PageOfBody<T>(Guid bodyId, int? limit, int? page, IQuerySession session, HttpContext http,
        Func<Body, IEnumerable<T>> list)
    {
        if (!PageRequest.TryRead(limit, page, out var request, out var refusal)) return refusal;
        return await session.LoadAsync<Body>(bodyId, http.RequestAborted) is { } body
            ? list(body).ToPage(request).Ok(http)
            : Problems.NotFound(nameof(Body), bodyId);
    }
}

/// <summary>Scheduled: remind that an office holder's term is ending (does nothing if a newer election superseded it).</summary>
public sealed record RemindOfficeTermEnding(Guid BodyId, Office Office, Guid ElectionId);

/// <summary>Scheduled at the end of a term: the office is vacant unless a newer election superseded that term.</summary>
public sealed record LapseOfficeTerm(Guid BodyId, Office Office, Guid ElectionId);

public static class OfficeTermHandler
{
    public static Task Handle(RemindOfficeTermEnding message, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        AppendTo(session, bus, message.BodyId,
            body => Body.DecideTermEndingReminder(body, message.Office, message.ElectionId, PartnershipCalendar.Today(clock.GetUtcNow()), clock.GetUtcNow()), ct);

    public static Task Handle(LapseOfficeTerm message, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
        AppendTo(session, bus, message.BodyId,
            body => Body.DecideLapse(body, message.Office, message.ElectionId, PartnershipCalendar.Today(clock.GetUtcNow()), clock.GetUtcNow()), ct);

    private static async Task AppendTo(IDocumentSession session, IMessageBus bus, Guid bodyId, Func<Body, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Body>(bodyId, ct);
        if (stream.Aggregate is null) return;
        var events = decide(stream.Aggregate);
        if (events.Count == 0) return;
        stream.AppendMany(events.ToArray());
        foreach (var e in events)
            if (IntegrationEvents.ToContract(e) is { } contract) await bus.PublishAsync(contract);
    }
}
