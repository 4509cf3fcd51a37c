namespace CommunitySafety.Web.Api;

// CaseManagement's panel sittings as the panel's pages read and write them (/api/cases/panel/sittings…). The names carry
// "Sitting" or "Panel" so that they stay apart from the case pages' models.

/// <summary>A sitting in the list: when, how many cases its agenda takes, how many it has reviewed.</summary>
public sealed record SittingListEntry(Guid Id, DateOnly SittingOn, int CasesOnAgenda, int CasesReviewed);

/// <summary>One open case the agenda considered: on or off it, and why (no personal data: reference, area, risk, dates).</summary>
public sealed record SittingAgendaEntry(Guid CaseId, string Reference, Area Area, string? Risk, DateOnly? ReviewDue, bool OnAgenda, string Reason);

public sealed record SittingAgenda(IReadOnlyList<SittingAgendaEntry> Considered, string BuiltBy, DateTimeOffset BuiltAt);

public sealed record SittingCaseReviewedView(Guid CaseId, string Reference, DateTimeOffset RecordedAt);

/// <summary>A sitting with its agenda, the agencies recorded as attending and the cases reviewed so far.</summary>
public sealed record Sitting(
    Guid Id, DateOnly SittingOn, string ScheduledBy, DateTimeOffset ScheduledAt, long Version, SittingAgenda? Agenda,
    IReadOnlyList<SittingCaseReviewedView> Reviewed, IReadOnlyList<Guid>? Attendance)
{
    public IReadOnlyList<SittingAgendaEntry> OnAgenda => [.. (Agenda?.Considered ?? []).Where(e => e.OnAgenda)];

    public IReadOnlyList<SittingAgendaEntry> OffAgenda => [.. (Agenda?.Considered ?? []).Where(e => !e.OnAgenda)];

    public IReadOnlyList<Guid> Attending => Attendance ?? [];

    public bool HasReviewed(Guid caseId) => Reviewed.Any(r => r.CaseId == caseId);

    /// <summary>Whether the sitting's day has come (reviews and attendance are recorded from then on).</summary>
    public bool IsHeld(DateOnly today) => SittingOn <= today;
}

/// <summary>An agency that may attend and own actions: an organisation Governance lists as a current ISA signatory.</summary>
public sealed record PanelAgency(Guid Id, string Name);

public sealed record PlanSitting(DateOnly SittingOn);

public sealed record SittingAttendance(IReadOnlyList<Guid> Attendance);

/// <summary>What an agency is asked to do, by when.</summary>
public sealed record PanelActionInput(Guid OwnerOrganisationId, string Description, DateOnly DueOn);

public sealed record PanelReviewInput(Guid CaseId, IReadOnlyList<Guid> Attendance, string Summary, IReadOnlyList<string> Decisions,
    IReadOnlyList<PanelActionInput> Actions);

public sealed record PanelReviewRecorded(Guid CaseId, DateOnly NextReviewDue, IReadOnlyList<Guid> Actions, long CaseVersion);

public sealed record PanelActionAgreed(Guid Id);
