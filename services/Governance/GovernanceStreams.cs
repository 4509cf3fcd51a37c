using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using JasperFx.Events.Projections;
using C = CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance;

public static class Queues
{
    /// <summary>The local, durable queue of webhook fan-outs and delivery attempts.</summary>
    public const string Webhooks = "governance-webhooks";

    /// <summary>The local, durable queue of scheduled reminders (ISA reviews, office terms ending and lapsing).</summary>
    public const string Reminders = "governance-reminders";
}

public static class GovernanceStreams
{
    /// <summary>Each aggregate is a stream; its snapshot is kept inline, and so is a read model of its own where it has one (<see cref="BodyView"/>, <see cref="OrganisationView"/>, <see cref="TermsVersionView"/>); other snapshots are also the read model the GET endpoints serve.</summary>
    public static void AddGovernanceStreams(this StoreOptions opts)
    {
        opts.Projections.Snapshot<Organisation>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<OrganisationView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Body>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<BodyView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<TermsOfReference>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<TermsVersionView>(SnapshotLifecycle.Inline);
        opts.Schema.For<TermsVersionView>().Index(t => t.BodyId);
        opts.Projections.Snapshot<Webhooks.WebhookSubscription>(SnapshotLifecycle.Inline);
        opts.Schema.For<Webhooks.WebhookSubscription>().Index(s => s.OrganisationId);
        opts.Schema.For<Webhooks.WebhookDelivery>().Index(d => d.SubscriptionId);
        Strategy.StrategyStreams.AddStrategyStreams(opts);
    }
}

/// <summary>Which domain events other services hear about, and in what published shape.</summary>
public static class IntegrationEvents
{
    public static object? ToContract(object domainEvent) => domainEvent switch
    {
        OrganisationRegistered e => new C.OrganisationRegistered(e.OrganisationId, e.Name, e.Kind, e.RegisteredAt),
        IsaSigned e => new C.IsaSigned(e.OrganisationId, e.SignedOn, e.SignedBy, e.RecordedAt, e.AgreementVersion, e.ReviewOn),
        IsaReviewReminderRaised e => new C.IsaReviewDue(e.OrganisationId, e.ReviewOn, e.At),
        IsaWithdrawn e => new C.IsaWithdrawn(e.OrganisationId, e.Reason, e.RecordedAt),
        BodyCreated e => new C.BodyCreated(e.BodyId, e.Name, e.Kind, e.Cadence, e.QuorumMinimum, e.CreatedAt, e.Confidential, e.ParentBodyId),
        BodyMarkedConfidential e => new C.BodyMarkedConfidential(e.BodyId, e.MarkedAt),
        BodyParentChanged e => new C.BodyParentChanged(e.BodyId, e.ParentBodyId, e.ChangedAt),
        TermsOfReferenceVersionDrafted e => new C.TermsOfReferenceVersionDrafted(e.BodyId, e.VersionId, e.Number, e.DraftedAt),
        MemberAppointed e => new C.MemberAppointed(e.BodyId, e.MembershipId, e.OrganisationId, e.PersonName, e.Role, e.AppointedAt, e.Represents),
        SubstituteNamed e => new C.SubstituteNamed(e.BodyId, e.MembershipId, e.SubstituteId, e.Name, e.NamedAt),
        MembershipEnded e => new C.MembershipEnded(e.BodyId, e.MembershipId, e.EndedAt),
        BodyTermsAdopted e => new C.BodyTermsAdopted(e.BodyId, e.VersionId, e.Number, e.Cadence, e.QuorumMinimum, e.DecisionMaking, e.DecisionId, e.AdoptedAt),
        OfficeHolderElected e => new C.OfficeHolderElected(e.BodyId, e.ElectionId, e.Office, e.MembershipId, e.TermStartsOn, e.TermEndsOn, e.DecisionId, e.ElectedAt),
        MemberRoleChanged e => new C.MemberRoleChanged(e.BodyId, e.MembershipId, e.Role, e.ChangedAt),
        OfficeTermEndingReminderRaised e => new C.OfficeTermEnding(e.BodyId, e.Office, e.MembershipId, e.TermEndsOn, e.RaisedAt),
        OfficeTermLapsed e => new C.OfficeVacated(e.BodyId, e.Office, e.MembershipId, e.TermEndsOn.AddDays(1), e.RecordedAt),
        Strategy.PlanExceptionRaised e => new C.EscalationRequested(e.EscalationId, e.ToBodyId, e.Title, e.Origin,
            Strategy.OpenDataEndpoints.Base + "/action-plan", e.At),
        _ => null,
    };
}
