using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Wolverine.Http;

namespace CommunitySafety.ServiceDefaults;

/// <summary>A list's page sizes: how many items a page holds when <c>limit</c> is not given, and at most.</summary>
public sealed record PageSize(int Default, int Max)
{
    /// <summary>Most lists: 100 a page unless asked, at most 500.</summary>
    public static readonly PageSize Standard = new(Paging.DefaultLimit, Paging.MaxLimit);
}

/// <summary>The page a request asked for, once checked: <see cref="Limit"/> items from the 1-based <see cref="Page"/>.</summary>
public readonly record struct PageRequest(int Limit, int Page)
{
    /// <summary>How many items come before the page.</summary>
    public int Skip => (Page - 1) * Limit;

    /// <summary>
    /// Reads <c>limit</c> (1 to the list's maximum, its default when absent) and <c>page</c> (1 to <see cref="Paging.MaxPage"/>,
    /// 1 when absent); false with a 400 validation problem naming the fields that are out of range, together with any
    /// <paramref name="errors"/> the endpoint found in its other parameters. (A value that is not a number never gets here:
    /// Wolverine answers it with a 400 itself.)
    /// </summary>
    public static bool TryRead(int? limit, int? page, out PageRequest request, [NotNullWhen(false)] out IResult? refusal,
        PageSize? size = null, FieldErrors? errors = null)
    {
        size ??= PageSize.Standard;
        var problem = (errors ?? new FieldErrors())
            .Range("limit", limit, 1, size.Max)
            .Range("page", page, 1, Paging.MaxPage)
            .ToProblem();
        request = new PageRequest(limit ?? size.Default, page ?? 1);
        refusal = ReferenceEquals(problem, WolverineContinue.NoProblems) ? null : Results.Problem(problem);
        return refusal is null;
    }
}

/// <summary>One page of a list, and how many items the whole list holds.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, PageRequest Request)
{
    /// <summary>The number of the last page: 1 for an empty list, so that <c>first</c> and <c>last</c> always exist.</summary>
    public long LastPage => Math.Max(1, (Total + Request.Limit - 1) / Request.Limit);

    /// <summary>The same page with each item turned into another (a view of it).</summary>
    public Page<TOut> Select<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Total, Request);

    /// <summary>
    /// The answer: the page's items as the JSON array the list always returned, with <c>X-Total-Count</c> and the
    /// <c>Link</c> header (<see cref="Paging.WriteHeaders"/>).
    /// </summary>
    public IResult Ok(HttpContext http)
    {
        Paging.WriteHeaders(http, Total, Request);
        return Results.Ok(Items);
    }
}

/// <summary>
/// The platform's one paging convention for list endpoints. A list takes <c>limit</c> (1 to its maximum; its default
/// when absent) and <c>page</c> (1-based); the body stays a JSON array, and the headers say the rest:
/// <c>X-Total-Count</c>, how many items match, and an RFC 8288 <c>Link</c> header with <c>first</c>, <c>prev</c> (after the
/// first page), <c>next</c> (before the last) and <c>last</c>. Each link is a path-absolute reference built from the
/// request's path base and path (so, behind the gateway, one the gateway answers) keeping every other query parameter.
/// Database lists are paged in the database (<see cref="ToPageAsync{T}"/>), in-memory ones with <see cref="ToPage{T}"/>;
/// either way the order must be total (end it with the id), or a page boundary could repeat or skip an item.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 100, MaxLimit = 500;

    /// <summary>The highest page number accepted: with any limit up to 2,000, the offset still fits an <see cref="int"/>.</summary>
    public const int MaxPage = 1_000_000;

    public const string TotalCountHeader = "X-Total-Count";

    /// <summary>
    /// The page of a Marten query, and its total, in one round trip (<c>count(*) OVER()</c> through Marten's
    /// <c>Stats</c>). Past the last page no row carries that count, so it is read again from the first row. (Not with
    /// <c>CountAsync</c>: Marten keeps the statistics on the query, and refuses them with a count.)
    /// </summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken ct) where T : notnull
    {
        var items = await query.Stats(out var stats).Skip(request.Skip).Take(request.Limit).ToListAsync(ct);
        if (items.Count == 0 && request.Page > 1) await query.Stats(out stats).Take(1).ToListAsync(ct);
        return new Page<T>(items, stats.TotalResults, request);
    }

    /// <summary>The page of a list already in memory (e.g. one an aggregate holds), in the order given.</summary>
    public static Page<T> ToPage<T>(this IEnumerable<T> items, PageRequest request)
    {
        var all = items as IReadOnlyList<T> ?? [.. items];
        return new Page<T>([.. all.Skip(request.Skip).Take(request.Limit)], all.Count, request);
    }

    /// <summary>Sets <c>X-Total-Count</c> and <c>Link</c> on the answer to <paramref name="http"/>'s request.</summary>
    public static void WriteHeaders(HttpContext http, long total, PageRequest request)
    {
        http.Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Link = LinkHeader(http.Request.PathBase + http.Request.Path, http.Request.Query, total, request);
    }

    /// <summary>
    /// The <c>Link</c> header's value (RFC 8288) for a page of a list of <paramref name="total"/> items at
    /// <paramref name="path"/>: <c>first</c>, <c>prev</c> when the page is not the first (the last page, when the page
    /// asked for is past it), <c>next</c> when it is before the last, and <c>last</c>.
    /// </summary>
    public static string LinkHeader(string path, IEnumerable<KeyValuePair<string, StringValues>> query, long total, PageRequest request)
    {
        var last = new Page<object>([], total, request).LastPage;
        var links = new List<string> { Link(path, query, request.Limit, 1, "first") };
        if (request.Page > 1) links.Add(Link(path, query, request.Limit, Math.Min(request.Page - 1, last), "prev"));
        if (request.Page < last) links.Add(Link(path, query, request.Limit, request.Page + 1, "next"));
        links.Add(Link(path, query, request.Limit, last, "last"));
        return string.Join(", ", links);
    }

    private static string Link(string path, IEnumerable<KeyValuePair<string, StringValues>> query, int limit, long page, string rel) =>
        $"<{Url(path, query, ("limit", limit.ToString(CultureInfo.InvariantCulture)), ("page", page.ToString(CultureInfo.InvariantCulture)))}>; rel=\"{rel}\"";

    /// <summary>
    /// <paramref name="path"/> with the request's query parameters, in their order, except those named in
    /// <paramref name="set"/>, which come last with the values given (names compared without regard to case, as
    /// ASP.NET Core binds them).
    /// </summary>
    public static string Url(string path, IEnumerable<KeyValuePair<string, StringValues>> query, params (string Name, string Value)[] set)
    {
        var kept = query.Where(p => !set.Any(s => string.Equals(s.Name, p.Key, StringComparison.OrdinalIgnoreCase)));
        var added = set.Select(s => new KeyValuePair<string, StringValues>(s.Name, s.Value));
        return path + QueryString.Create(kept.Concat(added));
    }
}
