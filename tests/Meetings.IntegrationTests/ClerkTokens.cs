using System.Net.Http.Headers;
using System.Text;
using CommunitySafety.ServiceDefaults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunitySafety.Meetings.IntegrationTests;

/// <summary>
/// Development tokens for meeting clerks: role <c>meetings-clerk</c> and one <c>body</c> claim per body they manage
/// (<see cref="JwtAuthentication.MintDevelopmentToken"/> mints no body claims).
/// </summary>
public static class ClerkTokens
{
    public static HttpClient ClerkOf(this MeetingsFixture fixture, params Guid[] bodies)
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtAuthentication.DevelopmentIssuer,
            Audience = JwtAuthentication.DefaultAudience,
            Claims = new Dictionary<string, object>
            {
                [CspClaims.Subject] = "clerk",
                [CspClaims.Name] = "A Clerk",
                [CspClaims.Role] = new[] { MeetingsRoles.Clerk },
                [MeetingsRoles.BodyClaim] = bodies.Select(b => b.ToString()).ToArray(),
            },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtAuthentication.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
        });
        var client = fixture.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
