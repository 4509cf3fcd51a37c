using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommunitySafety.Contracts.Governance;
using CommunitySafety.ServiceDefaults;
using CommunitySafety.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wolverine.Tracking;
using Xunit;
using static CommunitySafety.Governance.IntegrationTests.GovernanceApi;

namespace CommunitySafety.Governance.IntegrationTests;

/// <summary>Every endpoint needs a valid token; every command needs the governance-admin role.</summary>
public sealed class AuthTests(GovernanceFixture fixture)
{
    private static readonly SymmetricSecurityKey DevelopmentKey = new(Encoding.UTF8.GetBytes(JwtAuthentication.DevelopmentSigningKey));

    private static readonly Guid SomeBody = Guid.NewGuid(), SomeMembership = Guid.NewGuid(), SomeOrganisation = Guid.NewGuid();

    /// <summary>Each command with a body it would accept, so only the token decides the answer.</summary>
    public static TheoryData<string, string> Commands => new()
    {
        { OrganisationsUrl, """{"name":"Kent Police","kind":"ResponsibleAuthority"}""" },
        { BodiesUrl, """{"name":"Executive","kind":"Executive","cadence":"Quarterly"}""" },
        { MembersUrl(SomeBody), $$"""{"organisationId":"{{SomeOrganisation}}","personName":"Jo Bloggs","role":"Member"}""" },
        { SubstitutesUrl(SomeBody, SomeMembership), """{"name":"Chris Deputy"}""" },
        { EndUrl(SomeBody, SomeMembership), "" },
    };

    public static TheoryData<string> Reads => new()
    {
        OrganisationsUrl,
        OrganisationUrl(SomeOrganisation),
        BodiesUrl,
        BodyUrl(SomeBody),
    };

    [Theory, MemberData(nameof(Commands))]
    public async Task A_command_without_a_token_is_a_401_problem(string url, string json)
    {
        var response = await fixture.Client().PostRaw(url, json);

        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory, MemberData(nameof(Reads))]
    public async Task A_read_without_a_token_is_a_401_problem(string url)
    {
        await (await fixture.Client().GetAsync(url)).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Commands))]
    public async Task A_command_with_a_token_lacking_the_governance_admin_role_is_a_403_problem(string url, string json)
    {
        await (await fixture.Client("meetings-clerk").PostRaw(url, json)).Problem(HttpStatusCode.Forbidden);
        await (await WithBearer(Http.Token()).PostRaw(url, json)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_forbidden_registration_stores_and_publishes_nothing()
    {
        var name = Unique("Forbidden organisation");
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () => response = await fixture.Client("meetings-clerk")
            .PostJson(OrganisationsUrl, new { name, kind = "ResponsibleAuthority" }));

        await response.Problem(HttpStatusCode.Forbidden);
        Assert.Empty(tracked.Sent.MessagesOf<OrganisationRegistered>());
        var list = await fixture.Client(GovernanceRoles.Admin).AllPages(OrganisationsUrl);
        Assert.DoesNotContain(list, o => o!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task Any_authenticated_user_may_read()
    {
        var admin = fixture.Client(GovernanceRoles.Admin);
        var organisation = await admin.RegisterOrganisation();
        var bodyId = await admin.CreateBody();
        var reader = fixture.Client("meetings-clerk");

        foreach (var url in new[] { OrganisationsUrl, OrganisationUrl(organisation), BodiesUrl, BodyUrl(bodyId) })
            await (await reader.GetAsync(url)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_problem()
    {
        // MintToken cannot mint an expired token: with a negative lifetime it stamps nbf = iat = now, after exp (see
        // InvalidTokens). So this one is signed by hand: valid for an hour that ended an hour ago, well beyond the
        // bearer handler's five minutes of clock skew.
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtAuthentication.DevelopmentIssuer,
            Audience = JwtAuthentication.DefaultAudience,
            Claims = new Dictionary<string, object> { ["sub"] = "test-user", ["role"] = new[] { GovernanceRoles.Admin } },
            IssuedAt = now.AddHours(-2),
            NotBefore = now.AddHours(-2),
            Expires = now.AddHours(-1),
            SigningCredentials = new SigningCredentials(DevelopmentKey, SecurityAlgorithms.HmacSha256),
        });

        var response = await WithBearer(token).PostJson(OrganisationsUrl, new { name = "Kent Police", kind = "ResponsibleAuthority" });

        await response.Problem(HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("invalid_token", challenge.Parameter);
        Assert.Contains("expired", challenge.Parameter);
    }

    public static TheoryData<string, string> InvalidTokens => new()
    {
        { "garbage", "not-a-jwt" },
        { "three garbage segments", "abc.def.ghi" },
        { "signed with another key", Mint(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(new string('k', 64)))) },
        { "for another audience", Mint(DevelopmentKey, audience: "another-platform") },
        { "from another issuer", Mint(DevelopmentKey, issuer: "someone-else") },
        { "minted with a negative lifetime (not before after expires)", Mint(DevelopmentKey, lifetime: TimeSpan.FromHours(-1)) },
        { "unsigned (alg none)", UnsignedToken() },
        { "expired two minutes ago (beyond the 30 s clock skew; the default five minutes let it in)", SignedByHand(expiredAgo: TimeSpan.FromMinutes(2)) },
        { "signed with HS384 (only HS256 is accepted for the symmetric key)", SignedByHand(algorithm: SecurityAlgorithms.HmacSha384) },
    };

    /// <summary>A token valid in every other way, expired some time ago or signed with another algorithm.</summary>
    private static string SignedByHand(TimeSpan? expiredAgo = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var expires = DateTime.UtcNow - (expiredAgo ?? TimeSpan.FromHours(-1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtAuthentication.DevelopmentIssuer,
            Audience = JwtAuthentication.DefaultAudience,
            Claims = new Dictionary<string, object> { ["sub"] = "test-user", ["role"] = new[] { GovernanceRoles.Admin } },
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(DevelopmentKey, algorithm),
        });
    }

    [Theory, MemberData(nameof(InvalidTokens))]
    public async Task An_invalid_token_is_a_401_problem(string because, string token)
    {
        var response = await WithBearer(token).PostJson(OrganisationsUrl, new { name = "Kent Police", kind = "ResponsibleAuthority" });

        await response.Problem(HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"), because);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithBearer(token).GetAsync(OrganisationsUrl)).StatusCode);
    }

    [Fact]
    public async Task A_valid_token_minted_with_the_development_key_is_accepted()
    {
        // The control for the invalid-token cases: the same minting, valid, is let in.
        var response = await WithBearer(Mint(DevelopmentKey)).PostJson(OrganisationsUrl, new { name = Unique("Kent Police"), kind = "ResponsibleAuthority" });
        await response.CreatedId();
    }

    private HttpClient WithBearer(string token)
    {
        var client = fixture.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Mint(SecurityKey key, TimeSpan? lifetime = null, string audience = JwtAuthentication.DefaultAudience,
        string issuer = JwtAuthentication.DevelopmentIssuer) =>
        JwtAuthentication.MintToken(key, "test-user", "Test User", null, [GovernanceRoles.Admin], lifetime ?? TimeSpan.FromHours(1),
            audience, issuer);

    private static string UnsignedToken()
    {
        static string Segment(string json) => Base64UrlEncoder.Encode(json);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Segment("""{"alg":"none","typ":"JWT"}""") + "." + Segment(
            $$"""{"sub":"test-user","name":"Test User","role":["{{GovernanceRoles.Admin}}"],"aud":"{{JwtAuthentication.DefaultAudience}}","iss":"{{JwtAuthentication.DevelopmentIssuer}}","exp":{{expires}}}""") + ".";
    }
}
