using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CommunitySafety.ServiceDefaults;

/// <summary>Claim names the platform relies on. Identity providers are configured to issue these.</summary>
public static class CspClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    /// <summary>The id (as registered in Governance) of the organisation the user acts for.</summary>
    public const string Organisation = "org";
    public const string Role = "role";

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Organisation), out var id) ? id : null;

    /// <summary>The user's display name, for the record of who did something.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? user.FindFirstValue(Subject) ?? "unknown";
}

/// <summary>
/// JWT bearer authentication. Production: an OIDC authority from <c>Authentication:Authority</c>
/// (with <c>Authentication:Audience</c>). Otherwise tokens are signed with a symmetric key:
/// <c>Authentication:SigningKey</c>, or in Development only a well-known development key, and only
/// in Development does <see cref="MapDevelopmentTokenEndpoint"/> mint tokens.
/// </summary>
public static class JwtAuthentication
{
    public const string DefaultAudience = "community-safety";
    public const string DevelopmentIssuer = "community-safety-development";

    /// <summary>Public on purpose: it signs nothing outside Development, where anyone may mint tokens anyway.</summary>
    public const string DevelopmentSigningKey = "community-safety-development-signing-key-not-for-production-use";

    public static TBuilder AddJwtAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection("Authentication");
        var authority = section["Authority"];
        var audience = section["Audience"] ?? DefaultAudience;

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = CspClaims.Name;
                o.TokenValidationParameters.RoleClaimType = CspClaims.Role;
                o.TokenValidationParameters.ValidAudience = audience;
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    o.Authority = authority;
                    o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                    return;
                }

                o.TokenValidationParameters.ValidIssuer = section["Issuer"] ?? DevelopmentIssuer;
                o.TokenValidationParameters.IssuerSigningKey = SigningKey(builder.Configuration, builder.Environment);
            });

        builder.Services.AddAuthorizationBuilder()
            // Everything needs a valid token unless it says otherwise (health probes, OpenAPI documents).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return builder;
    }

    internal static SymmetricSecurityKey SigningKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Authentication:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
        if (environment.IsDevelopment()) return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DevelopmentSigningKey));
        throw new InvalidOperationException(
            "No token validation configured: set Authentication:Authority (OIDC) or Authentication:SigningKey.");
    }

    /// <summary>Mints a token as the development identity provider would issue it.</summary>
    public static string MintToken(SecurityKey key, string subject, string name, Guid? organisationId,
        IEnumerable<string> roles, TimeSpan lifetime, string audience = DefaultAudience, string issuer = DevelopmentIssuer,
        IReadOnlyDictionary<string, string[]>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>
        {
            [CspClaims.Subject] = subject,
            [CspClaims.Name] = name,
            [CspClaims.Role] = roles.ToArray(),
        };
        if (organisationId is { } org) claims[CspClaims.Organisation] = org.ToString();
        foreach (var (type, values) in extraClaims ?? new Dictionary<string, string[]>()) claims[type] = values;

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static string MintDevelopmentToken(string subject, string name, Guid? organisationId, params string[] roles) =>
        MintDevelopmentToken(subject, name, organisationId, roles, null);

    public static string MintDevelopmentToken(string subject, string name, Guid? organisationId, string[] roles,
        IReadOnlyDictionary<string, string[]>? extraClaims) =>
        MintToken(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DevelopmentSigningKey)), subject, name, organisationId,
            roles, TimeSpan.FromHours(8), extraClaims: extraClaims);

    /// <param name="Bodies">For a meeting clerk: the bodies whose meetings they manage (<c>body</c> claims).</param>
    public sealed record TokenRequest(string? Subject, string? Name, Guid? OrganisationId, string[]? Roles, Guid[]? Bodies = null);

    /// <summary>
    /// <c>POST /api/dev/token</c>: mints a token for local use. Mapped only in Development; in any other
    /// environment the route does not exist.
    /// </summary>
    public static IEndpointRouteBuilder MapDevelopmentTokenEndpoint(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;

        var key = SigningKey(app.Configuration, app.Environment);
        app.MapPost("/api/dev/token", (TokenRequest request) =>
            {
                var subject = string.IsNullOrWhiteSpace(request.Subject) ? "developer" : request.Subject;
                var token = MintToken(key, subject, request.Name ?? subject, request.OrganisationId,
                    request.Roles ?? [], TimeSpan.FromHours(8),
                    extraClaims: request.Bodies is { Length: > 0 } bodies ? new Dictionary<string, string[]> { ["body"] = [.. bodies.Select(b => b.ToString())] } : null);
                return Results.Ok(new { access_token = token, token_type = "Bearer", expires_in = 8 * 3600 });
            })
            .AllowAnonymous()
            .WithTags("Development")
            .WithSummary("Mint a development token (Development environment only)");
        return app;
    }
}
