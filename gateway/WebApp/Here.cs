namespace CommunitySafety.Web;

/// <summary>
/// A link to a part of the page being rendered. The pages carry <c>&lt;base href="/"&gt;</c> (Blazor resolves its own
/// addresses against it), under which a bare <c>#id</c> would mean the home page's part: skip links and an error summary's
/// links to its fields would leave the page. So they name the page's own path (and query) before the fragment.
/// </summary>
public static class Here
{
    public static string Fragment(HttpContext? http, string id) =>
        http is null ? $"#{id}" : $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}#{id}";
}
