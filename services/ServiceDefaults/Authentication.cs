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
                var validation = o.TokenValidationParameters;
                validation.NameClaimType = CspClaims.Name;
                validation.RoleClaimType = CspClaims.Role;
                validation.ValidAudience = audience;
                // Five minutes by default: a token would be honoured that long after it expired.
                validation.ClockSkew = ClockSkew;
                validation.RequireExpirationTime = true;
                validation.RequireSignedTokens = true;
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    o.Authority = authority;
                    o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                    // what OIDC providers sign with; never "none", never a symmetric algorithm under a public key
                    validation.ValidAlgorithms = AsymmetricAlgorithms;
                    return;
                }

                validation.ValidIssuer = Issuer(section, builder.Environment);
                validation.IssuerSigningKey = SigningKey(builder.Configuration, builder.Environment);
                validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            });

        builder.Services.AddAuthorizationBuilder()
            // Everything needs a valid token unless it says otherwise (health probes, OpenAPI documents).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return builder;
    }

    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The shortest symmetric signing key accepted: 256 bits, as HMAC-SHA256 needs.</summary>
    public const int MinimumKeyBytes = 32;

    private static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>The issuer of symmetric-key tokens: <c>Authentication:Issuer</c>, required outside Development.</summary>
    public static string Issuer(IConfigurationSection section, IHostEnvironment environment) =>
        section["Issuer"] is { Length: > 0 } issuer ? issuer
        : environment.IsDevelopment() ? DevelopmentIssuer
        : throw new InvalidOperationException(
            "Authentication:Issuer is required with Authentication:SigningKey: tokens are accepted only from the issuer named.");

    /// <summary>
    /// <c>Authentication:SigningKey</c>: base64 of at least <see cref="MinimumKeyBytes"/> random bytes; in Development
    /// without one, the public development key.
    /// </summary>
    internal static SymmetricSecurityKey SigningKey(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Authentication:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return new SymmetricSecurityKey(DecodeSigningKey(configured));
        if (environment.IsDevelopment()) return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(DevelopmentSigningKey));
        throw new InvalidOperationException(
            "No token validation configured: set Authentication:Authority (OIDC) or Authentication:SigningKey.");
    }

    /// <summary>The key's bytes from its base64 form; a clear start-up error for text that is not one, or too short.</summary>
    public static byte[] DecodeSigningKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException(
                $"Authentication:SigningKey must be base64 (e.g. openssl rand -base64 {MinimumKeyBytes}), not text.");
        }
        return key.Length >= MinimumKeyBytes ? key
            : throw new InvalidOperationException(
                $"Authentication:SigningKey is {key.Length} bytes: at least {MinimumKeyBytes} random bytes are needed.");
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

    /// <param name="Subject">The token's subject (a user id).</param>
    /// <param name="Name">The user's name.</param>
    /// <param name="OrganisationId">The user's organisation.</param>
    /// <param name="Roles">The user's roles.</param>
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
