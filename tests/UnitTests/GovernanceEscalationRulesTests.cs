using CommunitySafety.Meetings.Agenda;
using CommunitySafety.Meetings.Meetings;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Governance's escalations on a Meetings agenda: an Escalated item whose origin is the CSA action plan, once per escalation.</summary>
public sealed class GovernanceEscalationRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 11, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Meeting Next = Meeting.Create(new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), "KCSP", Now.AddDays(7), Now.AddDays(7).AddHours(2),
        null, null, null, false, [], Now));

    private static readonly GovernanceEscalation Escalation = new()
    {
        Id = Guid.NewGuid(), ToBodyId = Next.BodyId, Title = "Community Safety Agreement exception: Home safety visits is off track",
        Origin = "CSA 2027 action plan: Home safety visits", Url = "/api/governance/open/action-plan", ItemId = Guid.NewGuid(),
    };

    [Fact]
    public void An_escalation_becomes_an_Escalated_item_whose_origin_is_the_action_plan_and_is_added_once()
    {
        var added = Assert.IsType<AgendaItemAdded>(Assert.Single(GovernanceEscalations.DecidePlacement(Next, Escalation, Now)));
        Assert.Equal((AgendaItemKind.Escalated, Escalation.Title, false), (added.Kind, added.Title, added.Exempt));
        Assert.Equal((GovernanceEscalations.Source, Escalation.Id, Escalation.Origin, Escalation.Url),
            (added.Origin!.Source, added.Origin.ItemId, added.Origin.ItemTitle, added.Origin.Url));

        Assert.Empty(GovernanceEscalations.DecidePlacement(Next.Apply(added), Escalation, Now));
        Assert.Empty(GovernanceEscalations.DecidePlacement(Next.Apply(new MeetingCancelled(Next.Id, "Room", Now)), Escalation, Now));
    }
}
