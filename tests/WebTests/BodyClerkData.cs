using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>What Meetings answers the clerks' pages, with sensible defaults a test overrides.</summary>
public static class BodyClerkData
{
    /// <summary>Next year's 12 January, 7pm in the UK: GMT (+00:00).</summary>
    public static readonly DateTime WinterLocal = new(DateTime.UtcNow.Year + 1, 1, 12, 19, 0, 0);

    /// <summary>Next year's 15 June, 6:30pm in the UK: BST (+01:00).</summary>
    public static readonly DateTime SummerLocal = new(DateTime.UtcNow.Year + 1, 6, 15, 18, 30, 0);

    public static readonly int NextYear = DateTime.UtcNow.Year + 1;

    public static BodyMembership Body(Guid id, string name = "Community Safety Working Group", BodyKind? kind = BodyKind.WorkingGroup,
        MeetingCadence? cadence = MeetingCadence.Quarterly) =>
        new(new BodyRef(id, name, kind, 3, cadence), [], []);

    /// <summary>A meeting in full, as its body's managers read it.</summary>
    public static Meeting Meeting(Guid bodyId, Guid? id = null, DateTimeOffset? startsAt = null, MinutesStatus minutes = MinutesStatus.None,
        IReadOnlyList<AgendaItem>? agenda = null, IReadOnlyList<MinuteSection>? sections = null, bool isPublic = false,
        MeetingStatus status = MeetingStatus.Scheduled)
    {
        var starts = startsAt ?? DateTimeOffset.UtcNow.AddDays(-7);
        return new Meeting(id ?? Guid.NewGuid(), bodyId, "Community Safety Working Group", starts, starts.AddHours(2), "Civic Centre", null, isPublic,
            status, status == MeetingStatus.Cancelled ? "The hall is closed" : null, [], [], [], agenda ?? [], null, [], [],
            new MinutesView(minutes, sections ?? [], null, null), null, 3);
    }

    public static AgendaItem Item(int number, string title, bool exempt = false, AgendaItemKind kind = AgendaItemKind.Business) =>
        new(Guid.NewGuid(), number, title, kind, exempt, null, []);

    public static MinutesDocument Minutes(Meeting meeting, params MinutesPassage[] general) =>
        new(meeting.Id, meeting.BodyId, "Community Safety Working Group", meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Location,
            meeting.Minutes.Status, false, null, null, [], [], general, []);

    public static ActionView Action(Guid bodyId, string text = "Report on street lighting", ActionStatus status = ActionStatus.Open, bool overdue = false,
        DateOnly? dueOn = null, Guid? id = null, params ActionNote[] notes) =>
        new(id ?? Guid.NewGuid(), bodyId, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-40), null, text, new ActionOwner(null, Guid.NewGuid(), "Kent Police"),
            dueOn ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(overdue ? -3 : 60)), status, overdue, notes, DateTimeOffset.UtcNow.AddDays(-40),
            status is ActionStatus.Done or ActionStatus.Dropped ? DateTimeOffset.UtcNow.AddDays(-1) : null, status == ActionStatus.Dropped ? "No longer needed" : null);

    public static ManagedQuestionView Question(Meeting meeting, ModerationState moderation = ModerationState.Pending, string text = "When will the street light on Mill Lane be fixed?",
        string? name = "Alex Resident", string? contact = "alex@example.org", string? answer = null, DateTimeOffset? outcomeRecordedAt = null,
        DateTimeOffset? submittedAt = null) =>
        new(Guid.NewGuid(), meeting.Id, meeting.BodyId, SubmissionKind.Question, text, Area.North, "Mill Lane", name, contact, false,
            submittedAt ?? DateTimeOffset.UtcNow.AddDays(-3), moderation, null, answer, outcomeRecordedAt is null ? null : "The light is broken",
            outcomeRecordedAt is null ? null : "We asked the council to fix it", outcomeRecordedAt is null ? null : OutcomeProgress.InProgress, outcomeRecordedAt, null);
}
