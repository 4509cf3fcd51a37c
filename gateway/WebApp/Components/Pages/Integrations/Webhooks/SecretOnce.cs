using Microsoft.AspNetCore.DataProtection;

namespace CommunitySafety.Web.Components.Pages.Integrations.Webhooks;

/// <summary>
/// A signing secret carried from the form that got it (create, rotate) to the page after it, once: in an encrypted,
/// HTTP-only, same-site cookie that lives five minutes and is deleted as the page reads it. Never in an address, never
/// on a later page, and the page that shows it is not cached.
/// </summary>
public static class SecretOnce
{
    private const string Cookie = "csp-webhook-secret";
    private const string Purpose = "CommunitySafety.Web.WebhookSecretOnce";

    public static void Keep(HttpContext http, Guid subscriptionId, string secret)
    {
        var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
        http.Response.Cookies.Append(Cookie, protector.Protect($"{subscriptionId:N}:{secret}", TimeSpan.FromMinutes(5)), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/integrations/webhooks", MaxAge = TimeSpan.FromMinutes(5),
            IsEssential = true,
        });
    }

    /// <summary>The secret kept for this subscription, if any (and then forgotten).</summary>
    public static string? Take(HttpContext http, Guid subscriptionId)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value)) return null;
        if (!http.Response.HasStarted)
        {
            http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/integrations/webhooks", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
            http.Response.Headers.CacheControl = "no-store";
        }
        try
        {
            var protector = http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();
            var kept = protector.Unprotect(value);
            var prefix = $"{subscriptionId:N}:";
            return kept.StartsWith(prefix, StringComparison.Ordinal) ? kept[prefix.Length..] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired or not ours
        }
    }
}
