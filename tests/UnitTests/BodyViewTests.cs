using BodyKind = CommunitySafety.Contracts.Governance.BodyKind;
using DecisionMaking = CommunitySafety.Contracts.Governance.DecisionMaking;
using MeetingCadence = CommunitySafety.Contracts.Governance.MeetingCadence;
using MemberRole = CommunitySafety.Contracts.Governance.MemberRole;
using CommunitySafety.Governance.Bodies;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The body as read (<see cref="BodyView"/>): what the body's events show, folded without a database.</summary>
public sealed class BodyViewTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid(), Police = Guid.NewGuid(), Dover = Guid.NewGuid();

    private static BodyHistory Created(BodyKind kind = BodyKind.WorkingGroup, bool confidential = false, Guid? parent = null) =>
        new(new BodyCreated(Id, "Working Group", kind, MeetingCadence.Quarterly, 4, Now, confidential, parent));

    [Fact]
    public void A_new_body_shows_its_kind_cadence_quorum_and_creation_and_no_members()
    {
        var view = Created().View;
        Assert.Equal((Id, "Working Group", BodyKind.WorkingGroup, MeetingCadence.Quarterly, 4, Now),
            (view.Id, view.Name, view.Kind, view.Cadence, view.QuorumMinimum, view.CreatedAt));
        Assert.Empty(view.Members);
        Assert.Equal((false, false, null, 0), (view.MarkedConfidential, view.Confidential, view.ParentBodyId, view.TermsVersionsDrafted));
        Assert.Empty(view.Interests);
        Assert.Empty(view.Elections);
        Assert.Empty(view.Offices);
        Assert.Empty(view.Reminders);
        Assert.Empty(view.RepresentationApprovals);
    }

    [Fact]
    public void Members_show_with_their_appointment_substitutes_collective_seat_and_end()
    {
        var membership = Guid.NewGuid();
        var substitute = Guid.NewGuid();
        var history = Created().Then([
            new MemberAppointed(Id, membership, Police, "Jo Bloggs", MemberRole.Member, Now, [Police, Dover]),
            new SubstituteNamed(Id, membership, substitute, "Sam Deputy", Now.AddDays(1)),
        ]);

        var member = Assert.Single(history.View.Members);
        Assert.Equal((membership, Police, "Jo Bloggs", MemberRole.Member, Now, true), (member.MembershipId, member.OrganisationId, member.PersonName, member.Role,
            member.AppointedAt, member.IsCurrent));
        Assert.Equal([Police, Dover], member.Represents);
        Assert.Equal(new Substitute(substitute, "Sam Deputy", Now.AddDays(1)), Assert.Single(member.Substitutes));
        Assert.Equal(["Sam Deputy"], history.Body.Member(membership)!.SubstituteNames);

        var ended = history.Then(new MembershipEnded(Id, membership, Now.AddDays(2))).View.Member(membership)!;
        Assert.Equal((Now.AddDays(2), false), (ended.EndedAt!.Value, ended.IsCurrent));
    }

    [Fact]
    public void Marking_confidential_parent_changes_and_approvals_show()
    {
        var parent = Guid.NewGuid();
        var view = Created().Then([
            new BodyMarkedConfidential(Id, Now),
            new BodyParentChanged(Id, parent, Now),
            new RepresentationApproved(Id, Dover, "Pat Officer", "Chief Executive", new DateOnly(2026, 11, 1), Now),
        ]).View;

        Assert.Equal((true, true, parent), (view.MarkedConfidential, view.Confidential, view.ParentBodyId!.Value));
        Assert.Equal(new RepresentationApproval(Dover, "Pat Officer", "Chief Executive", new DateOnly(2026, 11, 1)), Assert.Single(view.RepresentationApprovals));
        Assert.True(Created(BodyKind.AsbCasePanel).View.Confidential);
        Assert.Null(Created(parent: parent).Then(new BodyParentChanged(Id, null, Now)).View.ParentBodyId);
    }

    [Fact]
    public void Adopted_terms_set_what_the_body_shows_and_the_aggregate_keeps_only_the_count_of_drafts()
    {
        var version = Guid.NewGuid();
        var history = Created().Then([
            new TermsOfReferenceVersionDrafted(Id, version, 1, Now),
            new BodyTermsAdopted(Id, version, 1, MeetingCadence.Monthly, 6, DecisionMaking.Consensus, Guid.NewGuid(), Now),
        ]);

        var view = history.View;
        Assert.Equal((MeetingCadence.Monthly, 6, DecisionMaking.Consensus, version, 1, 1),
            (view.Cadence, view.QuorumMinimum, view.DecisionMaking!.Value, view.TermsOfReferenceVersionId!.Value, view.TermsOfReferenceVersion!.Value,
                view.TermsVersionsDrafted));
        Assert.Equal(1, history.Body.TermsVersionsDrafted);
        var drafted = Created().Then(history.Events[1]).Body;
        Assert.Same(drafted, Body.Evolve(drafted, history.Events[2])); // the adoption changes nothing the rules read
    }

    [Fact]
    public void Marten_folds_the_same_evolve_the_tests_use()
    {
        var history = Created().Then(new MemberAppointed(Id, Guid.NewGuid(), Police, "Jo Bloggs", MemberRole.Chair, Now));
        Assert.Equal(history.View.Members, history.Events.Skip(1).Aggregate(BodyView.Create((BodyCreated)history.Events[0]), (v, e) => v.Evolve(e)).Members);
        Assert.Equal(history.Body.Members, history.Events.Skip(1).Aggregate(Body.Create((BodyCreated)history.Events[0]), (b, e) => b.Evolve(e)).Members);
        Assert.Throws<InvalidOperationException>(() => Body.Evolve(null, history.Events[1]));
    }
}
