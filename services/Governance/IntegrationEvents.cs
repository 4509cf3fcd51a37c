using CommunitySafety.Governance.Bodies;
using CommunitySafety.Governance.Organisations;
using C = CommunitySafety.Contracts.Governance;

namespace CommunitySafety.Governance;

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
