using System.Text.Json.Serialization;
using CommunitySafety.Governance.Adoption;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;

namespace CommunitySafety.Governance.Strategy;

public enum ReviewOutcome
{
    /// <summary>The review refreshed the priorities: a new version of the agreement, to be agreed by a decision.</summary>
    Refreshed,
    /// <summary>The review found the priorities still right: the agreement carries on unchanged into the review's year.</summary>
    NoChange,
}

public enum AgreementStatus
{
    /// <summary>Drafted, not yet agreed by a decision.</summary>
    Draft,
    /// <summary>Its latest version was agreed by a decision of the county partnership.</summary>
    Agreed,
    /// <summary>An annual review refreshed it; the refreshed version awaits a decision (the previous version stays in force).</summary>
    RefreshAwaitingAdoption,
}

/// <summary>A local assessment (and optionally one of its priorities) a county priority draws on.</summary>
public sealed record PriorityEvidence(Guid AssessmentId, Guid? PriorityId);

public sealed record CountyPriority(Guid Id, string Title, string Rationale, IReadOnlyList<PriorityEvidence> DrawsOn);

/// <summary>A county priority as a command gives it: with <see cref="Id"/> when a refresh changes an existing priority.</summary>
public sealed record PriorityInput(Guid? Id, string Title, string Rationale, IReadOnlyList<PriorityEvidence> DrawsOn);

/// <summary>One version of the agreement's priorities: the draft is version 1, each refreshing review adds one.</summary>
public sealed record AgreementVersion(int Number, int Year, IReadOnlyList<CountyPriority> Priorities, DateTimeOffset CreatedAt)
{
    public Guid? AgreedByDecisionId { get; init; }
    public Guid? AgreedAtMeetingId { get; init; }
    public DateTimeOffset? AgreedAt { get; init; }

    [JsonIgnore]
    public bool IsAgreed => AgreedByDecisionId is not null;
}

public sealed record AgreementReview(int Year, ReviewOutcome Outcome, string Notes, int Version, DateTimeOffset RecordedAt);

/// <summary>A decision that named the agreement in its <c>adopts</c> but could not agree it, and why.</summary>
public sealed record IgnoredAdoption(Guid DecisionId, string Reason, DateTimeOffset At);

public sealed record Milestone(Guid Id, string Title, DateOnly DueOn, DateOnly? CompletedOn = null);

/// <summary>A performance measure: from <see cref="Baseline"/> to <see cref="Target"/> by the end of the plan year (a target
/// below the baseline is a reduction).</summary>
public sealed record Measure(Guid Id, string Name, string? Unit, decimal Baseline, decimal Target);

public sealed record QuarterlyActual(Guid MeasureId, string Quarter, decimal Actual, DateTimeOffset RecordedAt);

/// <summary>An exception raised with the county partnership when the line turned Red.</summary>
public sealed record PlanException(Guid EscalationId, IReadOnlyList<string> Reasons, DateTimeOffset RaisedAt);

public sealed record PlanLine(
    Guid Id, Guid PriorityId, string Title, Guid OwnerOrganisationId, string OwnerName, int Year,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<Measure> Measures, DateTimeOffset AddedAt)
{
    public IReadOnlyList<QuarterlyActual> Actuals { get; init; } = [];

    /// <summary>The RAG status as last evaluated on a change (or a milestone's due date passing); reads derive it afresh.</summary>
    public Rag RecordedRag { get; init; } = Rag.Green;

    public IReadOnlyList<PlanException> Exceptions { get; init; } = [];
}

// ---- events of an agreement's stream ----

public sealed record AgreementDrafted(Guid AgreementId, int Year, string Title, Guid CountyBodyId, IReadOnlyList<CountyPriority> Priorities, DateTimeOffset At);
public sealed record AgreementAgreed(Guid AgreementId, int Version, Guid DecisionId, Guid MeetingId, Guid BodyId, DateTimeOffset DecidedAt, DateTimeOffset At);
public sealed record AgreementAdoptionIgnored(Guid AgreementId, Guid DecisionId, string Reason, DateTimeOffset At);
public sealed record AgreementReviewed(Guid AgreementId, int Year, ReviewOutcome Outcome, string Notes, IReadOnlyList<CountyPriority>? Priorities, DateTimeOffset At);
public sealed record PlanLineAdded(
    Guid AgreementId, Guid LineId, Guid PriorityId, string Title, Guid OwnerOrganisationId, string OwnerName, int Year,
    IReadOnlyList<Milestone> Milestones, IReadOnlyList<Measure> Measures, DateTimeOffset At);
public sealed record MilestoneCompleted(Guid AgreementId, Guid LineId, Guid MilestoneId, DateOnly On, DateTimeOffset At);
public sealed record ActualRecorded(Guid AgreementId, Guid LineId, Guid MeasureId, string Quarter, decimal Actual, DateTimeOffset At);
public sealed record PlanLineRagChanged(Guid AgreementId, Guid LineId, Rag From, Rag To, DateTimeOffset At);
/// <summary>The line turned Red: an exception for the county partnership (<see cref="ToBodyId"/>), published as
/// <c>EscalationRequested</c> for its next meeting's agenda.</summary>
public sealed record PlanExceptionRaised(
    Guid AgreementId, Guid LineId, Guid EscalationId, Guid ToBodyId, string Title, string Origin, IReadOnlyList<string> Reasons, DateTimeOffset At);

/// <summary>
/// The county Community Safety Agreement (CSA): county priorities drawn from the local partnerships' strategic
/// assessments, reporting to the county partnership body (<see cref="CountyBodyId"/>); agreed by that body's decision,
/// reviewed every year (refreshed as a new version, or no change), and its action plan, performance-managed: a line
/// that turns Red raises an exception with the county partnership.
/// Immutable: <c>Create</c>/<c>Apply</c> evolve it; the static <c>Decide…</c> functions are the rules.
/// </summary>
public sealed record CommunitySafetyAgreement(Guid Id, int Year, string Title, Guid CountyBodyId, DateTimeOffset DraftedAt)
{
    public long Version { get; set; }
    public AgreementStatus Status { get; init; }
    public IReadOnlyList<AgreementVersion> Versions { get; init; } = [];
    public IReadOnlyList<AgreementReview> Reviews { get; init; } = [];
    public IReadOnlyList<IgnoredAdoption> IgnoredAdoptions { get; init; } = [];
    public IReadOnlyList<PlanLine> Lines { get; init; } = [];

    /// <summary>The year the agreement currently plans for: its own, or that of its latest review.</summary>
    public int PlanYear { get; init; }

    /// <summary>When a version was last agreed: the agreement most recently agreed is the one in force.</summary>
    public DateTimeOffset? LastAgreedAt { get; init; }

    [JsonIgnore]
    public AgreementVersion Current => Versions[^1];

    /// <summary>The version in force: the latest agreed one.</summary>
    [JsonIgnore]
    public AgreementVersion? InForce => Versions.LastOrDefault(v => v.IsAgreed);

    [JsonIgnore]
    public bool IsAgreed => InForce is not null;

    public PlanLine? Line(Guid lineId) => Lines.FirstOrDefault(l => l.Id == lineId);

    public static CommunitySafetyAgreement Create(AgreementDrafted e) => new(e.AgreementId, e.Year, e.Title, e.CountyBodyId, e.At)
    {
        Status = AgreementStatus.Draft,
        PlanYear = e.Year,
        Versions = [new AgreementVersion(1, e.Year, e.Priorities, e.At)],
    };

    public CommunitySafetyAgreement Apply(AgreementAgreed e) => this with
    {
        Status = AgreementStatus.Agreed,
        LastAgreedAt = e.At,
        Versions = [.. Versions.Select(v => v.Number == e.Version
            ? v with { AgreedByDecisionId = e.DecisionId, AgreedAtMeetingId = e.MeetingId, AgreedAt = e.DecidedAt }
            : v)],
    };

    public CommunitySafetyAgreement Apply(AgreementAdoptionIgnored e) => this with
    {
        IgnoredAdoptions = [.. IgnoredAdoptions, new IgnoredAdoption(e.DecisionId, e.Reason, e.At)],
    };

    public CommunitySafetyAgreement Apply(AgreementReviewed e)
    {
        var refreshed = e.Outcome == ReviewOutcome.Refreshed && e.Priorities is not null;
        var version = refreshed ? Current.Number + 1 : Current.Number;
        return this with
        {
            PlanYear = e.Year,
            Status = refreshed ? AgreementStatus.RefreshAwaitingAdoption : Status,
            Versions = refreshed ? [.. Versions, new AgreementVersion(version, e.Year, e.Priorities!, e.At)] : Versions,
            Reviews = [.. Reviews, new AgreementReview(e.Year, e.Outcome, e.Notes, version, e.At)],
        };
    }

    public CommunitySafetyAgreement Apply(PlanLineAdded e) => this with
    {
        Lines = [.. Lines, new PlanLine(e.LineId, e.PriorityId, e.Title, e.OwnerOrganisationId, e.OwnerName, e.Year, e.Milestones, e.Measures, e.At)],
    };

    public CommunitySafetyAgreement Apply(MilestoneCompleted e) => WithLine(e.LineId, l => l with
    {
        Milestones = [.. l.Milestones.Select(m => m.Id == e.MilestoneId ? m with { CompletedOn = e.On } : m)],
    });

    public CommunitySafetyAgreement Apply(ActualRecorded e) => WithLine(e.LineId, l => l with
    {
        Actuals = [.. l.Actuals, new QuarterlyActual(e.MeasureId, e.Quarter, e.Actual, e.At)],
    });

    public CommunitySafetyAgreement Apply(PlanLineRagChanged e) => WithLine(e.LineId, l => l with { RecordedRag = e.To });

    public CommunitySafetyAgreement Apply(PlanExceptionRaised e) => WithLine(e.LineId, l => l with
    {
        Exceptions = [.. l.Exceptions, new PlanException(e.EscalationId, e.Reasons, e.At)],
    });

    private CommunitySafetyAgreement WithLine(Guid lineId, Func<PlanLine, PlanLine> change) => this with
    {
        Lines = [.. Lines.Select(l => l.Id == lineId ? change(l) : l)],
    };

    /// <summary>The agreement after <paramref name="events"/> (for rules that look at the result of a change, and tests).</summary>
    public CommunitySafetyAgreement After(IEnumerable<object> events) => events.Aggregate(this, (a, e) => e switch
    {
        AgreementAgreed x => a.Apply(x),
        AgreementAdoptionIgnored x => a.Apply(x),
        AgreementReviewed x => a.Apply(x),
        PlanLineAdded x => a.Apply(x),
        MilestoneCompleted x => a.Apply(x),
        ActualRecorded x => a.Apply(x),
        PlanLineRagChanged x => a.Apply(x),
        PlanExceptionRaised x => a.Apply(x),
        _ => throw new InvalidOperationException($"Unexpected event {e.GetType().Name}"),
    });

    // ---- rules (pure: state + command → events, or a DomainRuleViolation) ----

    public static IReadOnlyList<object> DecideDraft(Guid id, int year, string title, Body? countyBody, Guid countyBodyId,
        IReadOnlyList<PriorityInput> priorities, IReadOnlyDictionary<Guid, StrategicAssessment> assessments, Func<Guid> newId, DateTimeOffset now)
    {
        if (countyBody is null)
            throw new DomainRuleViolation("county-body-not-found", $"Body '{countyBodyId}' is not a body of the partnership.", Refusal.Inconsistent)
                .With("countyBodyId", countyBodyId);
        CheckEvidence(priorities, assessments, year);
        return [new AgreementDrafted(id, year, title.Trim(), countyBodyId,
            priorities.Select(p => new CountyPriority(newId(), p.Title.Trim(), p.Rationale.Trim(), Distinct(p.DrawsOn))).ToList(), now)];
    }

    /// <summary>
    /// A decision of the county partnership adopting the agreement agrees its latest version, when it was reached by
    /// consensus (the terms of reference: decisions by consensus). A decision of another body, without consensus, or
    /// for a version already agreed is recorded as ignored, with the reason; the same decision again changes nothing.
    /// Once agreed, every line of the action plan is rated (and a Red line raises its exception).
    /// </summary>
    public static IReadOnlyList<object> DecideAdoption(CommunitySafetyAgreement agreement, AdoptionRequested adoption, DateOnly today,
        Func<Guid> newId, DateTimeOffset now)
    {
        if (agreement.Versions.Any(v => v.AgreedByDecisionId == adoption.DecisionId)
            || agreement.IgnoredAdoptions.Any(i => i.DecisionId == adoption.DecisionId)) return [];

        string? reason = null;
        if (!adoption.ConsensusReached)
            reason = "The decision was not reached by consensus: the agreement is agreed by consensus only.";
        else if (adoption.BodyId != agreement.CountyBodyId)
            reason = $"The decision is of body '{adoption.BodyId}', not of the county partnership '{agreement.CountyBodyId}' the agreement reports to.";
        else if (agreement.Current.IsAgreed)
            reason = $"Version {agreement.Current.Number} was already agreed by decision '{agreement.Current.AgreedByDecisionId}'.";
        if (reason is not null) return [new AgreementAdoptionIgnored(agreement.Id, adoption.DecisionId, reason, now)];

        var agreed = new AgreementAgreed(agreement.Id, agreement.Current.Number, adoption.DecisionId, adoption.MeetingId, adoption.BodyId,
            adoption.DecidedAt, now);
        var after = agreement.After([agreed]);
        var events = new List<object> { agreed };
        foreach (var line in after.Lines)
        {
            var rated = after.Evaluate(line.Id, today, newId, now);
            after = after.After(rated);
            events.AddRange(rated);
        }
        return events;
    }

    /// <summary>
    /// The annual review, of an agreement in force, for a year after the one it plans for: refreshed (a new version with
    /// the given priorities, to be agreed by a decision; a priority with an id changes that priority, one without is new,
    /// those left out are dropped) or no change (it carries on into that year).
    /// </summary>
    public static IReadOnlyList<object> DecideReview(CommunitySafetyAgreement agreement, int year, ReviewOutcome outcome, string notes,
        IReadOnlyList<PriorityInput>? priorities, IReadOnlyDictionary<Guid, StrategicAssessment> assessments, Func<Guid> newId, DateTimeOffset now)
    {
        if (!agreement.IsAgreed)
            throw new DomainRuleViolation("agreement-not-agreed", "The agreement has not been agreed yet: review the draft before a decision adopts it.");
        if (!agreement.Current.IsAgreed)
            throw new DomainRuleViolation("refresh-awaiting-adoption",
                    $"Version {agreement.Current.Number}, refreshed by the {agreement.PlanYear} review, awaits a decision adopting it.")
                .With("version", agreement.Current.Number);
        if (agreement.Reviews.Any(r => r.Year == year) || year == agreement.Year)
            throw new DomainRuleViolation("already-reviewed", $"The agreement already covers {year}: it was drafted or reviewed for that year.")
                .With("year", year);
        if (year < agreement.PlanYear)
            throw new DomainRuleViolation("review-year-not-after-plan-year",
                    $"A review is for a year after {agreement.PlanYear}, the year the agreement now plans for.", Refusal.Inconsistent)
                .With("planYear", agreement.PlanYear);

        if (outcome == ReviewOutcome.NoChange)
        {
            if (priorities is { Count: > 0 })
                throw new DomainRuleViolation("no-change-with-priorities", "A review with no change gives no priorities; refresh it to change them.", Refusal.Inconsistent);
            return [new AgreementReviewed(agreement.Id, year, outcome, notes.Trim(), null, now)];
        }

        if (priorities is not { Count: > 0 })
            throw new DomainRuleViolation("refresh-without-priorities", "A refreshing review gives the refreshed priorities.", Refusal.Inconsistent);
        foreach (var p in priorities)
            if (p.Id is { } pid && agreement.Current.Priorities.All(c => c.Id != pid))
                throw new DomainRuleViolation("priority-not-found", $"Priority '{pid}' is not a priority of version {agreement.Current.Number}.", Refusal.Inconsistent)
                    .With("priorityId", pid);
        CheckEvidence(priorities, assessments, year);
        var refreshed = priorities.Select(p => new CountyPriority(p.Id ?? newId(), p.Title.Trim(), p.Rationale.Trim(), Distinct(p.DrawsOn))).ToList();
        return [new AgreementReviewed(agreement.Id, year, outcome, notes.Trim(), refreshed, now)];
    }

    /// <summary>A line of the action plan under a priority of the current version, owned by a registered organisation, for
    /// the year the agreement plans for. Rated at once when the agreement is in force.</summary>
    public static IReadOnlyList<object> DecideAddLine(CommunitySafetyAgreement agreement, Guid lineId, Guid priorityId, string title,
        Organisation? owner, Guid ownerOrganisationId, IReadOnlyList<(string Title, DateOnly DueOn)> milestones,
        IReadOnlyList<(string Name, string? Unit, decimal Baseline, decimal Target)> measures, DateOnly today, Func<Guid> newId, DateTimeOffset now)
    {
        if (agreement.Current.Priorities.All(p => p.Id != priorityId))
            throw new DomainRuleViolation("priority-not-found", $"Priority '{priorityId}' is not a priority of the agreement's current version.", Refusal.Inconsistent)
                .With("priorityId", priorityId);
        if (owner is null)
            throw new DomainRuleViolation("organisation-not-registered", $"Organisation '{ownerOrganisationId}' is not registered with the partnership.", Refusal.Inconsistent);
        var added = new PlanLineAdded(agreement.Id, lineId, priorityId, title.Trim(), owner.Id, owner.Name, agreement.PlanYear,
            milestones.Select(m => new Milestone(newId(), m.Title.Trim(), m.DueOn)).ToList(),
            measures.Select(m => new Measure(newId(), m.Name.Trim(), string.IsNullOrWhiteSpace(m.Unit) ? null : m.Unit.Trim(), m.Baseline, m.Target)).ToList(),
            now);
        return [added, .. agreement.After([added]).Evaluate(lineId, today, newId, now)];
    }

    /// <summary>A quarter's actual for a measure of the line: a quarter of the line's plan year that has begun (a second actual
    /// for the same quarter corrects the first).</summary>
    public static IReadOnlyList<object> DecideRecordActual(CommunitySafetyAgreement agreement, Guid lineId, Guid measureId, PlanQuarter quarter,
        decimal actual, DateOnly today, Func<Guid> newId, DateTimeOffset now)
    {
        var line = PerformanceManaged(agreement, lineId);
        if (line.Measures.All(m => m.Id != measureId))
            throw new DomainRuleViolation("measure-not-found", $"Measure '{measureId}' is not a measure of the line '{line.Title}'.", Refusal.Inconsistent)
                .With("measureId", measureId);
        if (quarter.Year != line.Year)
            throw new DomainRuleViolation("quarter-outside-plan-year", $"The line is for plan year {line.Year} ({line.Year}-Q1 to {line.Year}-Q4).", Refusal.Inconsistent)
                .With("planYear", line.Year);
        if (quarter.StartsOn > today)
            throw new DomainRuleViolation("quarter-not-started", $"{quarter} begins on {quarter.StartsOn:yyyy-MM-dd}: there is no actual for it yet.", Refusal.Inconsistent)
                .With("startsOn", quarter.StartsOn);
        var recorded = new ActualRecorded(agreement.Id, lineId, measureId, quarter.ToString(), actual, now);
        return [recorded, .. agreement.After([recorded]).Evaluate(lineId, today, newId, now)];
    }

    public static IReadOnlyList<object> DecideCompleteMilestone(CommunitySafetyAgreement agreement, Guid lineId, Guid milestoneId, DateOnly on,
        DateOnly today, Func<Guid> newId, DateTimeOffset now)
    {
        var line = PerformanceManaged(agreement, lineId);
        var milestone = line.Milestones.FirstOrDefault(m => m.Id == milestoneId)
            ?? throw new DomainRuleViolation("milestone-not-found", $"Milestone '{milestoneId}' is not a milestone of the line '{line.Title}'.", Refusal.NotFound);
        if (milestone.CompletedOn is { } done)
            throw new DomainRuleViolation("milestone-already-completed", $"'{milestone.Title}' was completed on {done:yyyy-MM-dd}.")
                .With("completedOn", done);
        if (on > today)
            throw new DomainRuleViolation("completed-in-future", $"A milestone cannot have been completed on {on:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).", Refusal.Inconsistent)
                .With("today", today);
        var completed = new MilestoneCompleted(agreement.Id, lineId, milestoneId, on, now);
        return [completed, .. agreement.After([completed]).Evaluate(lineId, today, newId, now)];
    }

    /// <summary>Rates the line again (a milestone's due date passed): nothing when unchanged, or the line or agreement is gone.</summary>
    public static IReadOnlyList<object> DecideCheck(CommunitySafetyAgreement agreement, Guid lineId, DateOnly today, Func<Guid> newId, DateTimeOffset now) =>
        agreement.Line(lineId) is null ? [] : agreement.Evaluate(lineId, today, newId, now);

    /// <summary>
    /// Compares the line's derived RAG with the one last recorded: a change is recorded, and a turn to Red raises one
    /// exception for the county partnership (once per turn: Red → Red raises nothing; Red → Amber → Red raises another).
    /// Only an agreement in force is performance-managed.
    /// </summary>
    public IReadOnlyList<object> Evaluate(Guid lineId, DateOnly today, Func<Guid> newId, DateTimeOffset now)
    {
        if (!IsAgreed || Line(lineId) is not { } line) return [];
        var assessment = PlanRag.Assess(line, today);
        if (assessment.Rag == line.RecordedRag) return [];
        var changed = new PlanLineRagChanged(Id, lineId, line.RecordedRag, assessment.Rag, now);
        if (assessment.Rag != Rag.Red) return [changed];
        return [changed, new PlanExceptionRaised(Id, lineId, newId(), CountyBodyId, $"Community Safety Agreement exception: {line.Title} is off track",
            $"CSA {line.Year} action plan: {line.Title}", assessment.Reasons, now)];
    }

    private static PlanLine PerformanceManaged(CommunitySafetyAgreement agreement, Guid lineId)
    {
        var line = agreement.Line(lineId)
            ?? throw new DomainRuleViolation("plan-line-not-found", $"No line '{lineId}' in the agreement's action plan.", Refusal.NotFound);
        if (!agreement.IsAgreed)
            throw new DomainRuleViolation("agreement-not-agreed", "The action plan is performance-managed once a decision has agreed the agreement.");
        return line;
    }

    private static void CheckEvidence(IReadOnlyList<PriorityInput> priorities, IReadOnlyDictionary<Guid, StrategicAssessment> assessments, int year)
    {
        foreach (var source in priorities.SelectMany(p => p.DrawsOn))
        {
            if (!assessments.TryGetValue(source.AssessmentId, out var assessment))
                throw new DomainRuleViolation("assessment-not-found", $"No strategic assessment '{source.AssessmentId}'.", Refusal.Inconsistent)
                    .With("assessmentId", source.AssessmentId);
            if (source.PriorityId is { } pid && !assessment.HasPriority(pid))
                throw new DomainRuleViolation("assessment-priority-not-found",
                        $"The {assessment.Year} assessment of {assessment.PartnershipName} has no priority '{pid}'.", Refusal.Inconsistent)
                    .With("assessmentId", source.AssessmentId).With("priorityId", pid);
            if (assessment.Year > year)
                throw new DomainRuleViolation("assessment-after-agreement-year",
                        $"The assessment of {assessment.PartnershipName} is for {assessment.Year}, after {year}.", Refusal.Inconsistent)
                    .With("assessmentId", source.AssessmentId);
        }
    }

    private static IReadOnlyList<PriorityEvidence> Distinct(IReadOnlyList<PriorityEvidence> drawsOn) => [.. drawsOn.Distinct()];
}
