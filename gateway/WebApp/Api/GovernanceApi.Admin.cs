namespace CommunitySafety.Web.Api;

/// <summary>What governance administrators do through Governance: organisations and the ISA, bodies, members and elections.</summary>
public sealed partial class GovernanceApi
{
    public Task<ApiResult<List<AdminOrganisation>>> Organisations(CancellationToken ct) =>
        Gateway.Get<List<AdminOrganisation>>($"{Base}/organisations?limit=500", ct);

    public Task<ApiResult<AdminOrganisation>> Organisation(Guid organisationId, CancellationToken ct) =>
        Gateway.Get<AdminOrganisation>($"{Base}/organisations/{organisationId}", ct);

    public Task<ApiResult<Created>> RegisterOrganisation(RegisterOrganisationRequest request, CancellationToken ct) =>
        Gateway.Post<Created>($"{Base}/organisations", request, ct);

    public Task<Problem?> SignIsa(Guid organisationId, SignIsaRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/organisations/{organisationId}/isa", request, ct);

    public Task<Problem?> WithdrawIsa(Guid organisationId, WithdrawIsaRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/organisations/{organisationId}/isa/withdraw", request, ct);

    /// <summary>Every body, with its members (the full documents, not the public view).</summary>
    public Task<ApiResult<List<AdminBody>>> AllBodies(CancellationToken ct) => Gateway.Get<List<AdminBody>>($"{Base}/bodies?limit=500", ct);

    public Task<ApiResult<AdminBody>> GovernedBody(Guid bodyId, CancellationToken ct) => Gateway.Get<AdminBody>($"{Base}/bodies/{bodyId}", ct);

    public Task<ApiResult<List<OfficeView>>> Offices(Guid bodyId, CancellationToken ct) => Gateway.Get<List<OfficeView>>($"{Base}/bodies/{bodyId}/offices", ct);

    public Task<ApiResult<Created>> CreateBody(CreateBodyRequest request, CancellationToken ct) => Gateway.Post<Created>($"{Base}/bodies", request, ct);

    public Task<ApiResult<MembershipCreated>> Appoint(Guid bodyId, AppointMemberRequest request, CancellationToken ct) =>
        Gateway.Post<MembershipCreated>($"{Base}/bodies/{bodyId}/members", request, ct);

    public Task<Problem?> EndMembership(Guid bodyId, Guid membershipId, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bodies/{bodyId}/members/{membershipId}/end", null, ct);

    public Task<Problem?> NameSubstitute(Guid bodyId, Guid membershipId, NameSubstituteRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bodies/{bodyId}/members/{membershipId}/substitutes", request, ct);

    public Task<ApiResult<ElectionRecorded>> Elect(Guid bodyId, ElectionRequest request, CancellationToken ct) =>
        Gateway.Post<ElectionRecorded>($"{Base}/bodies/{bodyId}/elections", request, ct);

    public Task<ApiResult<List<InterestEntry>>> Interests(Guid bodyId, CancellationToken ct) =>
        Gateway.Get<List<InterestEntry>>($"{Base}/bodies/{bodyId}/interests?limit=500", ct);

    public Task<Problem?> RegisterInterest(Guid bodyId, Guid membershipId, RegisterInterestRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bodies/{bodyId}/members/{membershipId}/interests", request, ct);

    public Task<Problem?> EndInterest(Guid bodyId, Guid membershipId, Guid interestId, EndInterestRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bodies/{bodyId}/members/{membershipId}/interests/{interestId}/end", request, ct);

    public Task<ApiResult<BodyTermsOfReference>> TermsOfReference(Guid bodyId, CancellationToken ct) =>
        Gateway.Get<BodyTermsOfReference>($"{Base}/bodies/{bodyId}/terms-of-reference?limit=500", ct);

    public Task<ApiResult<TermsDrafted>> DraftTerms(Guid bodyId, DraftTermsRequest request, CancellationToken ct) =>
        Gateway.Post<TermsDrafted>($"{Base}/bodies/{bodyId}/terms-of-reference", request, ct);

    public Task<Problem?> ApproveRepresentation(Guid bodyId, ApproveRepresentationRequest request, CancellationToken ct) =>
        Gateway.Send(HttpMethod.Post, $"{Base}/bodies/{bodyId}/representation-approvals", request, ct);
}
