using CommunitySafety.Contracts.Governance;
using CommunitySafety.Governance.Bodies;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.Meetings.Meetings;
using CommunitySafety.Meetings.Membership;
using Xunit;
using BodyCreated = CommunitySafety.Governance.Bodies.BodyCreated;
using BodyParentChanged = CommunitySafety.Governance.Bodies.BodyParentChanged;

namespace CommunitySafety.UnitTests;

/// <summary>
/// Issue 13, point 6: a body's terms of reference are adopted only by a decision of the body itself or of its parent —
/// refused at once in Meetings (409 terms-of-another-body) when Meetings knows the version, and refused (recorded) by
/// Governance whatever Meetings knew.
/// </summary>
public sealed class TermsAdoptionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Group = Guid.NewGuid(), Executive = Guid.NewGuid(), Other = Guid.NewGuid();

    [Theory]
    [InlineData("the body itself", true)]
    [InlineData("its parent", true)]
    [InlineData("another body", false)]
    [InlineData("its child", false)]
    public void Who_may_adopt_a_bodys_terms(string decidedBy, bool may)
    {
        var child = Guid.NewGuid();
        var deciding = decidedBy switch { "the body itself" => Group, "its parent" => Executive, "another body" => Other, _ => child };
        Assert.Equal(may, TermsOfReferenceAdoption.MayAdopt(Group, Executive, deciding));
        // without a parent, only the body itself
        Assert.Equal(deciding == Group, TermsOfReferenceAdoption.MayAdopt(Group, null, deciding));
    }

    // ---- Meetings: at decision time ----

    private static Meeting MeetingOf(Guid bodyId) => Meeting.Replay(null,
        Meeting.DecideSchedule(Guid.NewGuid(), new BodyRef { Id = bodyId, Name = "Body", Kind = BodyKind.WorkingGroup }, bodyId, null, Now, null, null,
            null, null, [], Now));

    private static IReadOnlyList<object> Decide(Guid decidingBody, params AdoptedTerms[] terms) =>
        Meeting.DecideDecision(MeetingOf(decidingBody), new QuorumResult(true, 1, [Guid.NewGuid()]), false, Guid.NewGuid(), "Adopt the terms", true,
            null, Now, null, [.. terms.Select(t => t.VersionId), Guid.NewGuid()], terms);

    [Fact]
    public void Meetings_records_a_decision_adopting_the_bodys_own_terms_or_those_of_a_body_it_oversees()
    {
        var own = new AdoptedTerms(Guid.NewGuid(), Group, Executive);
        var recorded = Assert.IsType<DecisionRecorded>(Assert.Single(Decide(Group, own)));
        Assert.Contains(own.VersionId, recorded.Adopts!);
        Assert.IsType<DecisionRecorded>(Assert.Single(Decide(Executive, own)));
        Assert.IsType<DecisionRecorded>(Assert.Single(Decide(Other))); // documents Meetings does not know: Governance decides
    }

    [Fact]
    public void Meetings_refuses_with_409_a_decision_adopting_another_bodys_terms()
    {
        var groupTerms = new AdoptedTerms(Guid.NewGuid(), Group, Executive);
        var refused = Assert.Throws<DomainRuleViolation>(() => Decide(Other, new AdoptedTerms(Guid.NewGuid(), Other, null), groupTerms));
        Assert.Equal((TermsOfReferenceAdoption.Rule, Refusal.Conflict, groupTerms.VersionId, Group),
            (refused.Rule, refused.Kind, refused.Facts["versionId"], refused.Facts["bodyId"]));
        // a body does not adopt its parent's terms either
        var executiveTerms = new AdoptedTerms(Guid.NewGuid(), Executive, null);
        Assert.Equal(TermsOfReferenceAdoption.Rule, Assert.Throws<DomainRuleViolation>(() => Decide(Group, executiveTerms)).Rule);
    }

    // ---- Governance: on adoption, whatever Meetings knew ----

    private static TermsHistory Terms(Guid bodyId)
    {
        var body = Body.Create(new BodyCreated(bodyId, "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now));
        var (_, version) = TermsOfReference.DecideDraft(body, Guid.NewGuid(), "Purpose", null, null, null, MeetingCadence.Monthly, 1,
            DecisionMaking.Consensus, Now);
        return new TermsHistory(version);
    }

    [Fact]
    public void Governance_adopts_by_a_decision_of_the_body_or_its_parent_and_records_a_refusal_for_any_other()
    {
        var terms = Terms(Group);
        Assert.IsType<TermsOfReferenceAdopted>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, Executive, Guid.NewGuid(), Guid.NewGuid(), Group, true, Now, Now)));
        var byParent = Assert.IsType<TermsOfReferenceAdopted>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, Executive, Guid.NewGuid(), Guid.NewGuid(), Executive, true, Now, Now)));
        Assert.Equal((Group, Executive), (byParent.BodyId, byParent.DecidingBodyId));

        var decision = Guid.NewGuid();
        var refused = Assert.IsType<TermsOfReferenceAdoptionRefused>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, Executive, decision, Guid.NewGuid(), Other, true, Now, Now)));
        Assert.Equal((TermsOfReference.NotBodyOrParent, "terms-of-another-body"), (refused.Reason, TermsOfReference.NotBodyOrParent));
        terms = terms.Then(refused);
        Assert.Null(terms.View.Adoption);
        Assert.Null(terms.Terms.AdoptedByDecisionId);
        Assert.Empty(TermsOfReference.DecideAdoption(terms.Terms, Executive, decision, Guid.NewGuid(), Other, true, Now, Now)); // heard again: nothing
        // without a parent, the former parent's decision is another body's
        Assert.Equal(TermsOfReference.NotBodyOrParent, Assert.IsType<TermsOfReferenceAdoptionRefused>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, null, Guid.NewGuid(), Guid.NewGuid(), Executive, true, Now, Now))).Reason);
    }

    // ---- Governance: configuring the parent ----

    private static Body BodyUnder(Guid id, Guid? parent) =>
        Body.Create(new BodyCreated(id, "Body", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now, false, parent));

    [Fact]
    public void A_parent_is_a_known_body_other_than_the_body_and_not_below_it()
    {
        var executive = BodyUnder(Executive, null);
        var group = BodyUnder(Group, null);
        var changed = Assert.IsType<BodyParentChanged>(Assert.Single(Body.DecideParent(group, Executive, new Dictionary<Guid, Body> { [Executive] = executive }, Now)));
        group = group.Apply(changed);
        Assert.Equal(Executive, group.ParentBodyId);

        Assert.Empty(Body.DecideParent(group, Executive, new Dictionary<Guid, Body> { [Executive] = executive }, Now)); // the same again: nothing
        Assert.Null(group.Apply(Assert.IsType<BodyParentChanged>(Assert.Single(Body.DecideParent(group, null, new Dictionary<Guid, Body>(), Now)))).ParentBodyId);

        Assert.Equal(("parent-is-self", Refusal.Inconsistent), RuleOf(() => Body.DecideParent(group, Group, new Dictionary<Guid, Body> { [Group] = group }, Now)));
        Assert.Equal(("parent-not-known", Refusal.Inconsistent), RuleOf(() => Body.DecideParent(group, Other, new Dictionary<Guid, Body>(), Now)));
        // the executive under the group, whose parent is the executive: a cycle
        Assert.Equal(("parent-cycle", Refusal.Conflict), RuleOf(() => Body.DecideParent(executive, Group, new Dictionary<Guid, Body> { [Group] = group, [Executive] = executive }, Now)));
        // …also further up: panel → group → executive → panel
        var panel = BodyUnder(Guid.NewGuid(), null);
        var executiveUnderPanel = executive with { ParentBodyId = panel.Id };
        Assert.Equal(("parent-cycle", Refusal.Conflict), RuleOf(() => Body.DecideParent(panel, Group,
            new Dictionary<Guid, Body> { [Group] = group, [Executive] = executiveUnderPanel, [panel.Id] = panel }, Now)));

        Assert.Equal(Executive, Body.Create(Body.DecideCreate(Guid.NewGuid(), "Sub-group", BodyKind.DeliveryGroup, MeetingCadence.Monthly, 4, false,
            Executive, executive, Now)).ParentBodyId);
        Assert.Equal(("parent-not-known", Refusal.Inconsistent), RuleOf(() => Body.DecideCreate(Guid.NewGuid(), "Sub-group", BodyKind.DeliveryGroup, MeetingCadence.Monthly, 4,
            false, Other, null, Now)));
    }

    private static (string, Refusal) RuleOf(Action act)
    {
        var refused = Assert.Throws<DomainRuleViolation>(act);
        return (refused.Rule, refused.Kind);
    }
}
