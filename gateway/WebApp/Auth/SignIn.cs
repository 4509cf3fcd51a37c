using System.Security.Claims;
using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CommunitySafety.Web;

/// <summary>
/// Signing in to the site. A cookie holds the session and, inside it (encrypted by ASP.NET Core data protection), the
/// user's access token, which the site sends to the services on the user's behalf; the browser never sees the token.
/// Production: OpenID Connect against <c>Authentication:Authority</c> (client <c>Authentication:Web:ClientId</c> and
/// <c>ClientSecret</c>), the same authority whose tokens the services accept. Development: a page that picks a
/// demonstration user and has the gateway mint a development token for them. Residents never need to sign in.
/// </summary>
public static class SignIn
{
    public const string AccessTokenName = "access_token";
    public const string Path = "/sign-in";
    public const string SignOutPath = "/sign-out";

    public static bool UsesOpenIdConnect(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Authentication:Authority"]);

    public static WebApplicationBuilder AddWebSignIn(this WebApplicationBuilder builder)
    {
        var oidc = UsesOpenIdConnect(builder.Configuration);
        if (!oidc && !builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                "The web client needs Authentication:Authority (OpenID Connect) outside Development: only Development signs users in with demonstration tokens.");

        var authentication = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "csp.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.LoginPath = Path;
                o.LogoutPath = SignOutPath;
                o.AccessDeniedPath = "/error/403";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false; // never outlive the access token inside it
            });
        if (oidc)
        {
            var section = builder.Configuration.GetSection("Authentication");
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = section["Authority"];
                o.ClientId = section["Web:ClientId"] ?? throw new InvalidOperationException("Authentication__Web__ClientId is required with an authority.");
                o.ClientSecret = section["Web:ClientSecret"];
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.Scope.Add("profile");
                foreach (var scope in (section["Web:Scopes"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
                o.TokenValidationParameters.NameClaimType = CspClaims.Name;
                o.TokenValidationParameters.RoleClaimType = CspClaims.Role;
                o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            });
        }
        return builder;
    }

    /// <summary><c>POST /sign-out</c> (a form with its antiforgery token): ends the session, and the identity provider's.</summary>
    public static void MapSignOut(this WebApplication app)
    {
        var oidc = UsesOpenIdConnect(app.Configuration);
        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (oidc)
            {
                await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/" });
                return Results.Empty;
            }
            return Results.Redirect("/");
        }).AllowAnonymous();
        if (oidc)
            app.MapGet(Path + "/oidc", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
    }

    /// <summary>Signs the user in with a token the gateway minted (Development): the cookie carries the token's claims and the token.</summary>
    public static async Task SignInWithToken(HttpContext http, string accessToken)
    {
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var identity = new ClaimsIdentity(jwt.Claims.Where(c => c.Type is not ("aud" or "iss" or "exp" or "nbf" or "iat")),
            CookieAuthenticationDefaults.AuthenticationScheme, CspClaims.Name, CspClaims.Role);
        var properties = new AuthenticationProperties { ExpiresUtc = jwt.ValidTo, IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = AccessTokenName, Value = accessToken }]);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
    }

    /// <summary>Only a path of this site may be returned to after signing in (no open redirect).</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/dashboard";
}
