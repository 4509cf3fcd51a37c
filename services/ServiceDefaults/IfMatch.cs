using Microsoft.AspNetCore.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>Stream versions on the wire: a strong ETag (<c>"3"</c>) out, the same in <c>If-Match</c> back.</summary>
public static class IfMatch
{
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>Reads <c>If-Match</c>: null when absent or <c>*</c>; false when it is not a version we issued.</summary>
    public static bool TryRead(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (header.Length >= 2 && header[0] == '"' && header[^1] == '"' && long.TryParse(header[1..^1], out var v) && v >= 0)
        {
            version = v;
            return true;
        }
        return false;
    }
}
