using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Webhooks;
using CommunitySafety.Meetings.Decisions;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using Xunit;
using C = CommunitySafety.Contracts.Meetings;
using Gov = CommunitySafety.Governance.Bodies;

namespace CommunitySafety.UnitTests;

/// <summary>
/// Issue 13, point 1: a decision of a confidential body (the ASB case panel, or one marked so) or under an exempt item
/// never leaves Meetings as text; the feed (and so webhooks, csp.decision-events, open data) never takes it in.
/// </summary>
public sealed class ConfidentialDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private const string Text = "CPW to Jo Marker-Person, 12 Marker Street";
    private static readonly QuorumResult Quorate = new(true, 1, [Guid.NewGuid()]);

    private static Meeting MeetingOf(BodyRef body, out Guid exemptItem)
    {
        var meetingId = Guid.NewGuid();
        exemptItem = Guid.NewGuid();
        return Meeting.Replay(null, [
            .. Meeting.DecideSchedule(meetingId, body, body.Id, null, Now, null, null, body.Kind == BodyKind.NeighbourhoodEngagement ? Area.East : null,
                null, [], Now),
            new AgendaItemAdded(meetingId, exemptItem, "Named household", AgendaItemKind.Business, true, null, Now),
        ]);
    }

    private static DecisionRecorded Decide(BodyRef body, bool underExemptItem)
    {
        var meeting = MeetingOf(body, out var exempt);
        return (DecisionRecorded)Meeting.DecideDecision(meeting, Quorate, body.IsConfidential, Guid.NewGuid(), Text, true, "Case 2026/117 J Marker",
            Now, underExemptItem ? exempt : null, [Guid.NewGuid()]).Single();
    }

    public static TheoryData<BodyKind, bool, bool, bool, bool> Cases => new()
    {
        // kind, marked confidential, under an exempt item → confidential, exempt
        { BodyKind.AsbCasePanel, false, false, true, false },
        { BodyKind.AsbCasePanel, false, true, true, true },
        { BodyKind.WorkingGroup, true, false, true, false },
        { BodyKind.WorkingGroup, false, true, false, true },
        { BodyKind.NeighbourhoodEngagement, false, true, false, true },
    };

    [Theory, MemberData(nameof(Cases))]
    public void A_confidential_or_exempt_decision_leaves_Meetings_with_ids_and_flags_only(BodyKind kind, bool marked, bool exempt,
        bool confidential, bool itemExempt)
    {
        var body = new BodyRef { Id = Guid.NewGuid(), Name = "Body", Kind = kind, Confidential = marked };
        var recorded = Decide(body, exempt);
        Assert.Equal((confidential, itemExempt, true), (recorded.Confidential, recorded.Exempt, recorded.Withheld));
        Assert.Equal(Text, recorded.Text); // Meetings keeps the text, for the body's members and managers

        var contract = IntegrationEvents.Decision(recorded);
        Assert.Null(contract.Text);
        Assert.Null(contract.AgendaReference);
        Assert.Equal((recorded.DecisionId, recorded.MeetingId, body.Id, true, confidential, itemExempt, recorded.Adopts),
            (contract.DecisionId, contract.MeetingId, contract.BodyId, contract.ConsensusReached, contract.BodyConfidential, contract.ItemExempt, contract.Adopts));
        Assert.True(contract.Withheld);
        Assert.DoesNotContain("Marker", System.Text.Json.JsonSerializer.Serialize(contract));
        Assert.Same(contract.GetType(), IntegrationEvents.ToContract(recorded)!.GetType());
        Assert.Null(((C.DecisionRecorded)IntegrationEvents.ToContract(recorded)!).Text);

        Assert.False(DecisionEvents.Publishable(contract, bodyConfidential: false));
    }

    [Fact]
    public void An_open_decision_of_an_ordinary_body_leaves_with_its_text_and_enters_the_feed()
    {
        var body = new BodyRef { Id = Guid.NewGuid(), Name = "Working Group", Kind = BodyKind.WorkingGroup };
        var recorded = Decide(body, underExemptItem: false);
        Assert.Equal((false, false, false, false), (recorded.Public, recorded.Confidential, recorded.Exempt, recorded.Withheld));

        var contract = IntegrationEvents.Decision(recorded);
        Assert.Equal((Text, "Case 2026/117 J Marker", false, false), (contract.Text, contract.AgendaReference, contract.BodyConfidential, contract.ItemExempt));
        Assert.True(DecisionEvents.Publishable(contract, bodyConfidential: false));
        // …unless Governance itself knows the body as confidential (marked there before Meetings heard of it)
        Assert.False(DecisionEvents.Publishable(contract, bodyConfidential: true));
        Assert.False(DecisionEvents.Publishable(contract with { Text = null }, bodyConfidential: false));
    }

    [Fact]
    public void A_public_meetings_decision_is_recorded_as_public_and_the_register_entry_keeps_the_flags()
    {
        var forum = new BodyRef { Id = Guid.NewGuid(), Name = "NEM East", Kind = BodyKind.NeighbourhoodEngagement };
        var open = Decide(forum, underExemptItem: false);
        var exempt = Decide(forum, underExemptItem: true);
        Assert.Equal((true, false), (open.Public, open.Withheld));
        Assert.Equal((true, true), (exempt.Public, exempt.Exempt));

        var projection = new DecisionRegisterProjection();
        Assert.Equal((true, false, false, Text), Flags(projection.Create(open)));
        Assert.Equal((true, false, true, Text), Flags(projection.Create(exempt)));
        Assert.Equal((false, true, false, Text), Flags(projection.Create(Decide(new BodyRef { Id = Guid.NewGuid(), Name = "Panel", Kind = BodyKind.AsbCasePanel }, false))));

        static (bool, bool, bool, string) Flags(DecisionEntry e) => (e.Public, e.Confidential, e.Exempt, e.Text);
    }

    [Theory]
    [InlineData(BodyKind.AsbCasePanel, false, true)]
    [InlineData(BodyKind.AsbCasePanel, true, true)]
    [InlineData(BodyKind.WorkingGroup, false, false)]
    [InlineData(BodyKind.WorkingGroup, true, true)]
    [InlineData(BodyKind.Executive, true, true)]
    [InlineData(null, false, false)]
    public void A_body_is_confidential_when_it_is_the_ASB_case_panel_or_marked_so(BodyKind? kind, bool marked, bool confidential)
    {
        Assert.Equal(confidential, BodyConfidentiality.IsConfidential(kind, marked));
        Assert.Equal(confidential, new BodyRef { Kind = kind, Confidential = marked }.IsConfidential);
    }

    // ---- Governance: marking a body confidential ----

    private static Gov.Body Body(BodyKind kind) =>
        Gov.Body.Create(new Gov.BodyCreated(Guid.NewGuid(), "Body", kind, MeetingCadence.Monthly, 4, Now));

    [Fact]
    public void Governance_marks_a_body_confidential_once_and_never_one_that_meets_in_public()
    {
        var group = Body(BodyKind.WorkingGroup);
        Assert.False(group.Confidential);
        var marked = Assert.IsType<Gov.BodyMarkedConfidential>(Assert.Single(Gov.Body.DecideMarkConfidential(group, Now)));
        group = group.Apply(marked);
        Assert.True((group.Confidential, group.MarkedConfidential) == (true, true));
        Assert.Empty(Gov.Body.DecideMarkConfidential(group, Now)); // once marked, always: nothing more to record

        var panel = Body(BodyKind.AsbCasePanel);
        Assert.True(panel.Confidential);
        Assert.Empty(Gov.Body.DecideMarkConfidential(panel, Now));

        foreach (var kind in new[] { BodyKind.OpenForum, BodyKind.NeighbourhoodEngagement, BodyKind.Conference })
        {
            var refused = Assert.Throws<ServiceDefaults.DomainRuleViolation>(() => Gov.Body.DecideMarkConfidential(Body(kind), Now));
            Assert.Equal(("public-body", ServiceDefaults.Refusal.Inconsistent), (refused.Rule, refused.Kind));
            Assert.Equal("public-body", Assert.Throws<ServiceDefaults.DomainRuleViolation>(() =>
                Gov.Body.DecideCreate(Guid.NewGuid(), "Forum", kind, MeetingCadence.TwiceYearly, 4, true, null, null, Now)).Rule);
            Assert.False(Gov.Body.DecideCreate(Guid.NewGuid(), "Forum", kind, MeetingCadence.TwiceYearly, 4, false, null, null, Now).Confidential);
        }

        var created = Gov.Body.DecideCreate(Guid.NewGuid(), " Exec ", BodyKind.Executive, MeetingCadence.Quarterly, 4, true, null, null, Now);
        Assert.Equal(("Exec", true), (created.Name, Gov.Body.Create(created).Confidential));
    }
}
