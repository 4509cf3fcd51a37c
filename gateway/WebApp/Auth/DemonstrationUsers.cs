using CommunitySafety.ServiceDefaults;
using CommunitySafety.Web.Api;

namespace CommunitySafety.Web;

/// <summary>
/// Development only: the people one can sign in as, and their tokens, minted by the gateway's development endpoint
/// (<c>POST /api/dev/token</c>, which exists only in Development). Lists of bodies and organisations to choose from are
/// read with a token of the same kind.
/// </summary>
public sealed class DemonstrationUsers(GatewayClient gateway)
{
    public enum Persona
    {
        Secretary, Clerk, Member, GovernanceAdmin,
        CaseWorker, PanelChair, PartnershipAdmin,
        FundingOfficer, FinanceOfficer, Bidder,
        OrganisationAdmin,
    }

    /// <summary>The personas who act for an organisation of their own (the token's <c>organisation_id</c>): without one they can do nothing.</summary>
    public static bool NeedsOrganisation(Persona persona) =>
        persona is Persona.Member or Persona.CaseWorker or Persona.PanelChair or Persona.PartnershipAdmin or Persona.Bidder or Persona.OrganisationAdmin;

    /// <summary>The role claims a persona's token carries (the services' own role names).</summary>
    public static string[] Roles(Persona persona) => persona switch
    {
        Persona.Secretary => ["meetings-secretary"],
        Persona.Clerk => ["meetings-clerk"],
        Persona.GovernanceAdmin => ["governance-admin"],
        Persona.CaseWorker => ["case-worker"],
        Persona.PanelChair => ["panel-chair", "case-worker"],
        Persona.PartnershipAdmin => ["partnership-admin", "case-worker"],
        Persona.FundingOfficer => ["funding-officer"],
        Persona.FinanceOfficer => ["finance-officer"],
        Persona.Bidder => ["bidder"],
        Persona.OrganisationAdmin => ["organisation-admin"],
        _ => [],
    };

    public sealed record Named(Guid Id, string Name);

    private sealed record Minted(string Access_token);

    public Task<ApiResult<string>> Token(Persona persona, string name, Guid? organisationId, Guid? bodyId, CancellationToken ct) =>
        Mint(new JwtAuthentication.TokenRequest(
            Subject: $"demo-{persona.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24],
            Name: name,
            OrganisationId: organisationId,
            Roles: Roles(persona),
            Bodies: persona == Persona.Clerk && bodyId is { } body ? [body] : null), ct);

    /// <summary>The bodies and organisations Governance knows, to choose a clerk's body or a member's organisation from.</summary>
    public async Task<(IReadOnlyList<Named> Bodies, IReadOnlyList<Named> Organisations)> Choices(CancellationToken ct)
    {
        var token = await Mint(new JwtAuthentication.TokenRequest("demo-sign-in", "Sign-in page", null, ["governance-admin"]), ct);
        if (token.Value is not { } t) return ([], []);
        var bodies = gateway.GetAs<List<Named>>(t, "/api/governance/bodies?limit=500", ct);
        var organisations = gateway.GetAs<List<Named>>(t, "/api/governance/organisations?limit=500", ct);
        return ([.. ((await bodies).Value ?? []).OrderBy(b => b.Name)], [.. ((await organisations).Value ?? []).OrderBy(o => o.Name)]);
    }

    private async Task<ApiResult<string>> Mint(JwtAuthentication.TokenRequest request, CancellationToken ct)
    {
        var minted = await gateway.Post<Minted>("/api/dev/token", request, ct);
        return minted.Value is { } m ? new ApiResult<string>(m.Access_token, null) : minted.Problem ?? Problem.Unavailable;
    }
}
