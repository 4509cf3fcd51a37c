using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using DecisionMaking = CommunitySafety.Contracts.Governance.DecisionMaking;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using CommunitySafety.Governance.Bodies;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Terms of reference: versions numbered per body, adopted by a decision with consensus, once; the latest adoption is in effect.</summary>
public sealed class TermsOfReferenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    /// <summary>The rules decide on the body's <see cref="BodyHistory.Body"/>; its terms in effect, cadence and quorum show on its <see cref="BodyHistory.View"/>.</summary>
    private static readonly BodyHistory WorkingGroup =
        new(new BodyCreated(Guid.NewGuid(), "KCSP Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now));

    private static (BodyHistory Body, TermsHistory Terms) Draft(BodyHistory body, MeetingCadence cadence = MeetingCadence.Quarterly, int quorum = 4)
    {
        var (onBody, onVersion) = TermsOfReference.DecideDraft(body.Body, Guid.NewGuid(), "  To support the delivery of the KCSP's priorities. ",
            ["Evidence Led", "  ", "Prevention Focused "], ["Develop the CSA"], null, cadence, quorum, DecisionMaking.Consensus, Now);
        return (body.Then(onBody), new TermsHistory(onVersion));
    }

    private static (BodyHistory Body, TermsHistory Terms) Adopt(BodyHistory body, TermsHistory terms, Guid? decisionId = null, DateTimeOffset? at = null)
    {
        var adopted = Assert.IsType<TermsOfReferenceAdopted>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, null, decisionId ?? Guid.NewGuid(), Guid.NewGuid(), body.Body.Id, true, Now, at ?? Now)));
        var inEffect = Assert.IsType<BodyTermsAdopted>(Assert.Single(TermsOfReference.DecideInEffect(body.Body, terms.Terms, adopted)));
        return (body.Then(inEffect), terms.Then(adopted));
    }

    [Fact]
    public void Versions_are_numbered_per_body_and_their_text_is_trimmed_without_blank_lines()
    {
        var (body, first) = Draft(WorkingGroup);
        var (body2, second) = Draft(body);

        Assert.Equal((1, 2, 1, 2, 2), (first.Terms.Number, second.Terms.Number, first.View.Number, body2.Body.TermsVersionsDrafted, body2.View.TermsVersionsDrafted));
        Assert.Equal("To support the delivery of the KCSP's priorities.", first.View.Purpose);
        Assert.Equal(["Evidence Led", "Prevention Focused"], first.View.GuidingPrinciples);
        Assert.Empty(first.View.Membership);
        Assert.Null(first.View.Adoption);
        Assert.Null(first.Terms.AdoptedByDecisionId);
        Assert.Equal(TermsStatus.Draft, body2.View.StatusOf(first.View));
        Assert.Null(body2.View.TermsOfReferenceVersionId); // drafting changes nothing in effect
        Assert.Equal((MeetingCadence.Quarterly, 4), (body2.View.Cadence, body2.View.QuorumMinimum));
    }

    [Fact]
    public void A_decision_with_consensus_adopts_a_version_which_sets_the_bodys_cadence_quorum_and_way_of_deciding()
    {
        var (body, terms) = Draft(WorkingGroup, MeetingCadence.BiMonthly, 5);
        var decision = Guid.NewGuid();
        var meeting = Guid.NewGuid();

        var adopted = Assert.IsType<TermsOfReferenceAdopted>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, null, decision, meeting, body.Body.Id, true, Now.AddHours(-1), Now)));
        Assert.Equal(new TermsOfReferenceAdopted(terms.Id, body.Body.Id, decision, meeting, body.Body.Id, Now.AddHours(-1), Now), adopted);
        var inEffect = Assert.IsType<BodyTermsAdopted>(Assert.Single(TermsOfReference.DecideInEffect(body.Body, terms.Terms, adopted)));
        Assert.Equal(new BodyTermsAdopted(body.Body.Id, terms.Id, 1, MeetingCadence.BiMonthly, 5, DecisionMaking.Consensus, decision, Now), inEffect);

        body = body.Then(inEffect);
        terms = terms.Then(adopted);
        var view = body.View;
        Assert.Equal((MeetingCadence.BiMonthly, 5, DecisionMaking.Consensus, terms.Id, 1),
            (view.Cadence, view.QuorumMinimum, view.DecisionMaking!.Value, view.TermsOfReferenceVersionId!.Value, view.TermsOfReferenceVersion!.Value));
        Assert.Equal(TermsStatus.InEffect, view.StatusOf(terms.View));
        Assert.Equal((decision, new DateOnly(2026, 11, 23)), (terms.View.Adoption!.DecisionId, terms.View.Adoption.AdoptedOn));
    }

    [Fact]
    public void A_decision_without_consensus_does_not_adopt_and_the_refusal_is_recorded_once()
    {
        var (_, terms) = Draft(WorkingGroup);
        var decision = Guid.NewGuid();

        var refused = Assert.IsType<TermsOfReferenceAdoptionRefused>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, null, decision, Guid.NewGuid(), WorkingGroup.Body.Id, false, Now, Now)));
        Assert.Equal(TermsOfReference.NoConsensus, refused.Reason);
        terms = terms.Then(refused);
        Assert.Null(terms.View.Adoption);
        Assert.Equal([decision], terms.Terms.RefusedDecisionIds);
        Assert.Equal(new RefusedAdoption(decision, TermsOfReference.NoConsensus, Now), Assert.Single(terms.View.RefusedAdoptions));

        // the same decision heard again changes nothing
        Assert.Empty(TermsOfReference.DecideAdoption(terms.Terms, null, decision, Guid.NewGuid(), WorkingGroup.Body.Id, false, Now, Now));
    }

    [Fact]
    public void A_version_is_adopted_once_the_same_decision_again_is_ignored_and_another_decision_is_refused()
    {
        var (body, terms) = Draft(WorkingGroup);
        var decision = Guid.NewGuid();
        (_, terms) = Adopt(body, terms, decision);

        Assert.Empty(TermsOfReference.DecideAdoption(terms.Terms, null, decision, Guid.NewGuid(), body.Body.Id, true, Now, Now));
        var refused = Assert.IsType<TermsOfReferenceAdoptionRefused>(Assert.Single(
            TermsOfReference.DecideAdoption(terms.Terms, null, Guid.NewGuid(), Guid.NewGuid(), body.Body.Id, true, Now, Now)));
        Assert.Equal(TermsOfReference.AlreadyAdopted, refused.Reason);
        Assert.Equal(decision, terms.Then(refused).View.Adoption!.DecisionId);
        Assert.Equal(decision, terms.Then(refused).Terms.AdoptedByDecisionId);
    }

    [Fact]
    public void The_latest_adoption_is_in_effect_even_of_an_older_version_and_the_one_it_replaces_is_superseded()
    {
        var (body, v1) = Draft(WorkingGroup, MeetingCadence.Quarterly, 4);
        (body, var v2) = Draft(body, MeetingCadence.Monthly, 6);

        (body, v2) = Adopt(body, v2);
        Assert.Equal((MeetingCadence.Monthly, 6, TermsStatus.InEffect, TermsStatus.Draft),
            (body.View.Cadence, body.View.QuorumMinimum, body.View.StatusOf(v2.View), body.View.StatusOf(v1.View)));

        (body, v1) = Adopt(body, v1, at: Now.AddDays(1));
        Assert.Equal((MeetingCadence.Quarterly, 4, 1), (body.View.Cadence, body.View.QuorumMinimum, body.View.TermsOfReferenceVersion!.Value));
        Assert.Equal((TermsStatus.InEffect, TermsStatus.Superseded), (body.View.StatusOf(v1.View), body.View.StatusOf(v2.View)));
    }
}
