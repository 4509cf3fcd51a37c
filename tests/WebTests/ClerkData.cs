using CommunitySafety.Contracts.Governance;
using CommunitySafety.Web.Api;

namespace CommunitySafety.WebTests;

/// <summary>
/// A working group as Meetings knows it, for the clerks' pages: five responsible authorities and a co-operating body, one
/// member each (the police's and the health board's with a named substitute), a quorum of four; and its meeting on
/// Tuesday 12 January 2027 at 7pm, with the standard items, an item of business and an exempt one.
/// </summary>
public sealed class WorkingGroup
{
    public Guid BodyId { get; } = Guid.NewGuid();
    public Guid MeetingId { get; } = Guid.NewGuid();

    public OrganisationRef Police { get; } = Organisation("Kent Police", OrganisationKind.ResponsibleAuthority);
    public OrganisationRef Council { get; } = Organisation("Kent County Council", OrganisationKind.ResponsibleAuthority);
    public OrganisationRef Fire { get; } = Organisation("Kent Fire and Rescue Service", OrganisationKind.ResponsibleAuthority);
    public OrganisationRef Health { get; } = Organisation("NHS Kent and Medway ICB", OrganisationKind.ResponsibleAuthority);
    public OrganisationRef Probation { get; } = Organisation("Probation Service", OrganisationKind.ResponsibleAuthority);
    public OrganisationRef Vru { get; } = Organisation("Violence Reduction Unit", OrganisationKind.CooperatingBody);

    public SubstituteRef PoliceDeputy { get; } = new(Guid.NewGuid(), "Sam Deputy");
    public SubstituteRef HealthDeputy { get; } = new(Guid.NewGuid(), "Dev Nurse");

    public MemberRef Alex { get; }
    public MemberRef Chris { get; }
    public MemberRef Fran { get; }
    public MemberRef Nia { get; }
    public MemberRef Pat { get; }
    public MemberRef Val { get; }

    public AgendaItem Lighting { get; }
    public AgendaItem CaseReview { get; }
    public IReadOnlyList<AgendaItem> Agenda { get; }

    public static readonly DateTimeOffset StartsAt = Data.Winter;

    public WorkingGroup()
    {
        Alex = Member(Police, "Alex Officer", MemberRole.Chair, PoliceDeputy);
        Chris = Member(Council, "Chris Council", MemberRole.Member);
        Fran = Member(Fire, "Fran Fire", MemberRole.ViceChair);
        Nia = Member(Health, "Nia Health", MemberRole.Member, HealthDeputy);
        Pat = Member(Probation, "Pat Probation", MemberRole.Member);
        Val = Member(Vru, "Val Unit", MemberRole.Member);
        Lighting = new AgendaItem(Guid.NewGuid(), 5, "Street lighting on the High Street", AgendaItemKind.Business, false, null, []);
        CaseReview = new AgendaItem(Guid.NewGuid(), 6, "Review of a case", AgendaItemKind.Business, true, null, []);
        Agenda =
        [
            Standard(1, "Apologies for absence and substitutes", AgendaItemKind.Apologies),
            Standard(2, "Declarations of interest", AgendaItemKind.Declarations),
            Standard(3, "Minutes of the previous meeting", AgendaItemKind.PreviousMinutes),
            Standard(4, "Review of open actions", AgendaItemKind.ActionsReview),
            Lighting, CaseReview,
        ];
    }

    public IReadOnlyList<OrganisationRef> Organisations => [Police, Council, Fire, Health, Probation, Vru];

    public BodyMembership Membership => new(new BodyRef(BodyId, "Community Safety Working Group", BodyKind.WorkingGroup, 4, MeetingCadence.Monthly),
        [Alex, Chris, Fran, Nia, Pat, Val], Organisations);

    public Meeting Meeting(IReadOnlyList<Attendance>? attendance = null, IReadOnlyList<AttendanceMovement>? log = null,
        MeetingStatus status = MeetingStatus.Scheduled, DateTimeOffset? agendaPublishedAt = null, IReadOnlyList<AgendaItem>? agenda = null,
        IReadOnlyList<Interest>? interests = null, IReadOnlyList<MinutedDecision>? decisions = null, long version = 7, DateTimeOffset? startsAt = null,
        Guid? bodyId = null) =>
        new(MeetingId, bodyId ?? BodyId, "Community Safety Working Group", startsAt ?? StartsAt, (startsAt ?? StartsAt).AddHours(2), "Council Chamber, Maidstone",
            null, false, status, status == MeetingStatus.Cancelled ? "The chair is ill" : null, [], attendance ?? [], log ?? [], agenda ?? Agenda,
            agendaPublishedAt, interests ?? [], decisions ?? [], new MinutesView(MinutesStatus.None, [], null, null), null, version);

    /// <summary>Three authorities present (police, council, fire), the health board by its named substitute, probation's apologies, the VRU present.</summary>
    public IReadOnlyList<Attendance> QuorateAttendance =>
    [
        new(Alex.Id, AttendanceKind.Present, null), new(Chris.Id, AttendanceKind.Present, null), new(Fran.Id, AttendanceKind.Present, null),
        new(Nia.Id, AttendanceKind.Substitute, HealthDeputy.Id), new(Pat.Id, AttendanceKind.Apologies, null), new(Val.Id, AttendanceKind.Present, null),
    ];

    /// <summary>Only the police, the council and the fire service; the VRU present (it does not count).</summary>
    public IReadOnlyList<Attendance> ThreeOnly =>
    [
        new(Alex.Id, AttendanceKind.Present, null), new(Chris.Id, AttendanceKind.Present, null), new(Fran.Id, AttendanceKind.Present, null),
        new(Val.Id, AttendanceKind.Present, null),
    ];

    /// <summary>Answers the pages' reads: the meeting (with its version as ETag), the membership, the quorum, the body's actions and the agenda.</summary>
    public void Serve(FakeGateway gateway, Meeting meeting, QuorumResult? quorum = null, AgendaView? agenda = null, IReadOnlyList<ActionView>? actions = null)
    {
        gateway.Answer(HttpMethod.Get, $"/api/meetings/meetings/{meeting.Id}", meeting,
            headers: new Dictionary<string, string> { ["ETag"] = $"\"{meeting.Version}\"" });
        gateway.Get($"/api/meetings/bodies/{BodyId}", Membership);
        gateway.Get($"/api/meetings/meetings/{meeting.Id}/quorum", quorum ?? new QuorumResult(false, 4, []));
        gateway.Get($"/api/meetings/bodies/{BodyId}/actions", actions ?? []);
        gateway.Get($"/api/meetings/meetings/{meeting.Id}/agenda", agenda ?? AgendaOf(meeting));
    }

    public AgendaView AgendaOf(Meeting meeting, IReadOnlyList<ActionView>? actionsForReview = null) =>
        new(meeting.Id, meeting.BodyId, meeting.Title, meeting.StartsAt, meeting.Location, meeting.Status, meeting.AgendaPublishedAt,
            meeting.StartsAt.AddDays(-7), true,
            [.. meeting.Agenda.Select(i => new AgendaItemView(i.Id, i.Number, i.Title, i.Kind, i.Exempt, i.Origin, i.Papers, null,
                i.Kind == AgendaItemKind.ActionsReview ? actionsForReview ?? [] : null))]);

    public QuorumResult Quorum(params OrganisationRef[] represented) =>
        new(represented.Length >= 4, 4, [.. represented.Select(o => o.Id)]);

    public string Path(string? page = null) => $"/clerk/meetings/{MeetingId}{(page is null ? "" : "/" + page)}";

    private MemberRef Member(OrganisationRef organisation, string name, MemberRole role, params SubstituteRef[] substitutes) =>
        new(Guid.NewGuid(), BodyId, organisation.Id, name, role, true, null, substitutes);

    private AgendaItem Standard(int number, string title, AgendaItemKind kind) => new(Guid.NewGuid(), number, title, kind, false, null, []);

    private static OrganisationRef Organisation(string name, OrganisationKind kind) => new(Guid.NewGuid(), name, kind);
}

/// <summary>A test of the clerks' meeting pages: the site, its gateway (reset before and after each test), a working group.</summary>
public abstract class ClerkPageTests(WebFactory site) : SiteTests(site)
{
    protected WorkingGroup Group { get; } = new();


    /// <summary>Text with its runs of white space made single spaces, as it reads.</summary>
    protected static string Squeezed(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>What the success banner says, if there is one.</summary>
    protected static string? Banner(Page page) => page.Document.QuerySelector(".govuk-notification-banner--success p")?.TextContent.Trim();
}

public static class Redirects
{
    /// <summary>Where a page that answered with a redirect sends the browser: its path and query.</summary>
    public static string? RedirectPath(this Page page) =>
        page.Location is { IsAbsoluteUri: true } l ? l.PathAndQuery : page.Location?.OriginalString;
}
