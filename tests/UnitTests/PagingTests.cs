using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>The one paging convention of every list endpoint (<see cref="Paging"/>): bounds, totals and links.</summary>
public sealed class PagingTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(IResult? refusal)
    {
        var problem = Assert.IsType<ProblemHttpResult>(refusal);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal(Problems.TypeFor("validation"), problem.ProblemDetails.Type);
        return Assert.IsType<ValidationProblemDetails>(problem.ProblemDetails).Errors.AsReadOnly();
    }

    [Fact]
    public void Without_limit_or_page_a_list_gives_its_default_size_from_the_first_page()
    {
        Assert.True(PageRequest.TryRead(null, null, out var standard, out var refusal));
        Assert.Null(refusal);
        Assert.Equal(new PageRequest(100, 1), standard);
        Assert.True(PageRequest.TryRead(null, null, out var small, out _, new PageSize(24, 100)));
        Assert.Equal(new PageRequest(24, 1), small);
        Assert.Equal(0, small.Skip);
        Assert.Equal(48, (small with { Page = 3 }).Skip);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(500, 1)]
    [InlineData(1, Paging.MaxPage)]
    public void Limit_and_page_at_their_bounds_are_accepted(int limit, int page)
    {
        Assert.True(PageRequest.TryRead(limit, page, out var request, out _));
        Assert.Equal(new PageRequest(limit, page), request);
        Assert.True(request.Skip >= 0, "the offset fits an int");
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(501, null, "limit")]
    [InlineData(-1, null, "limit")]
    [InlineData(null, 0, "page")]
    [InlineData(null, -3, "page")]
    [InlineData(null, Paging.MaxPage + 1, "page")]
    public void Out_of_range_values_are_a_validation_problem_naming_the_field(int? limit, int? page, string field)
    {
        Assert.False(PageRequest.TryRead(limit, page, out _, out var refusal));
        Assert.Equal([field], Errors(refusal).Keys);
    }

    [Fact]
    public void A_lists_own_maximum_bounds_its_limit_and_other_field_errors_are_answered_together()
    {
        Assert.False(PageRequest.TryRead(101, 0, out _, out var refusal, new PageSize(24, 100), new FieldErrors().Add("status", "bad")));
        var errors = Errors(refusal);
        Assert.Equal(["limit", "page", "status"], errors.Keys.Order());
        Assert.Contains("between 1 and 100", errors["limit"].Single());
    }

    [Fact]
    public void An_in_memory_list_is_paged_with_the_total_of_the_whole_list()
    {
        var items = Enumerable.Range(1, 250).ToList();
        var second = items.ToPage(new PageRequest(100, 2));
        Assert.Equal((250L, 100, 101, 200), (second.Total, second.Items.Count, second.Items[0], second.Items[^1]));
        Assert.Equal(3, second.LastPage);
        var third = items.ToPage(new PageRequest(100, 3));
        Assert.Equal((50, 201), (third.Items.Count, third.Items[0]));
        var beyond = items.ToPage(new PageRequest(100, 9));
        Assert.Equal((0, 250L, 3L), (beyond.Items.Count, beyond.Total, beyond.LastPage));
        var empty = Array.Empty<int>().ToPage(new PageRequest(100, 1));
        Assert.Equal((0L, 1L), (empty.Total, empty.LastPage));
        Assert.Equal(["2", "3"], items.Take(3).ToPage(new PageRequest(2, 1)).Select(i => (i + 1).ToString(CultureInfo.InvariantCulture)).Items);
    }

    /// <summary>The links of a header, by relation: rel → (path, query).</summary>
    private static Dictionary<string, (string Path, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Query)> Links(string header) =>
        header.Split(", ").Select(link =>
        {
            var parts = link.Split("; ");
            Assert.Equal(2, parts.Length);
            Assert.StartsWith("<", parts[0]);
            Assert.EndsWith(">", parts[0]);
            var uri = parts[0][1..^1];
            var rel = parts[1]["rel=\"".Length..^1];
            var question = uri.IndexOf('?');
            return (rel, path: uri[..question], query: QueryHelpers.ParseQuery(uri[question..]));
        }).ToDictionary(l => l.rel, l => (l.path, l.query));

    private static readonly IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> NoQuery = [];

    [Fact]
    public void The_first_page_links_to_first_next_and_last_but_not_prev()
    {
        var links = Links(Paging.LinkHeader("/api/governance/organisations", NoQuery, 250, new PageRequest(100, 1)));
        Assert.Equal(["first", "next", "last"], links.Keys);
        Assert.Equal(("/api/governance/organisations", "100", "2"), (links["next"].Path, links["next"].Query["limit"].ToString(),
            links["next"].Query["page"].ToString()));
        Assert.Equal("1", links["first"].Query["page"].ToString());
        Assert.Equal("3", links["last"].Query["page"].ToString());
    }

    [Fact]
    public void A_middle_page_links_every_way_and_the_last_page_has_no_next()
    {
        var middle = Links(Paging.LinkHeader("/x", NoQuery, 250, new PageRequest(100, 2)));
        Assert.Equal(["first", "prev", "next", "last"], middle.Keys);
        Assert.Equal(("1", "3"), (middle["prev"].Query["page"].ToString(), middle["next"].Query["page"].ToString()));

        var last = Links(Paging.LinkHeader("/x", NoQuery, 250, new PageRequest(100, 3)));
        Assert.Equal(["first", "prev", "last"], last.Keys);
        Assert.Equal("2", last["prev"].Query["page"].ToString());

        // exactly full pages: 200 items are two pages of 100, not three
        Assert.Equal("2", Links(Paging.LinkHeader("/x", NoQuery, 200, new PageRequest(100, 1)))["last"].Query["page"].ToString());
    }

    [Fact]
    public void Past_the_last_page_prev_leads_back_to_the_last_and_an_empty_list_has_one_page()
    {
        var beyond = Links(Paging.LinkHeader("/x", NoQuery, 250, new PageRequest(100, 7)));
        Assert.Equal(["first", "prev", "last"], beyond.Keys);
        Assert.Equal(("3", "3"), (beyond["prev"].Query["page"].ToString(), beyond["last"].Query["page"].ToString()));

        var empty = Links(Paging.LinkHeader("/x", NoQuery, 0, new PageRequest(100, 1)));
        Assert.Equal(["first", "last"], empty.Keys);
        Assert.Equal("1", empty["last"].Query["page"].ToString());
    }

    [Fact]
    public void Links_keep_the_requests_other_query_parameters_and_replace_its_limit_and_page()
    {
        var query = QueryHelpers.ParseQuery("?Limit=50&status=Open&tag=a&tag=b&from=2026-01-01T10:00:00%2B01:00&PAGE=2&name=Kent%20%26%20Medway");
        var header = Paging.LinkHeader("/api/meetings/meetings", query, 120, new PageRequest(50, 2));
        var next = Links(header)["next"];
        Assert.Equal("/api/meetings/meetings", next.Path);
        Assert.Equal(["status", "tag", "from", "name", "limit", "page"], next.Query.Keys);
        Assert.Equal(("Open", "50", "3"), (next.Query["status"].ToString(), next.Query["limit"].ToString(), next.Query["page"].ToString()));
        Assert.Equal("a,b", next.Query["tag"].ToString());
        Assert.Equal(("2026-01-01T10:00:00+01:00", "Kent & Medway"), (next.Query["from"].ToString(), next.Query["name"].ToString()));
        Assert.Contains("</api/meetings/meetings?status=Open&tag=a&tag=b&", header);
    }

    [Fact]
    public void The_answer_carries_the_total_and_links_built_from_the_path_base_and_path()
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = "/gateway";
        http.Request.Path = "/api/funding/bids";
        http.Request.QueryString = new QueryString("?status=Submitted&limit=2");
        var result = Enumerable.Range(1, 5).ToPage(new PageRequest(2, 1)).Ok(http);

        Assert.Equal(new[] { 1, 2 }, Assert.IsType<Ok<IReadOnlyList<int>>>(result).Value);
        Assert.Equal("5", http.Response.Headers[Paging.TotalCountHeader].ToString());
        var links = Links(http.Response.Headers.Link.ToString());
        Assert.Equal(("/gateway/api/funding/bids", "Submitted", "2"), (links["next"].Path, links["next"].Query["status"].ToString(),
            links["next"].Query["page"].ToString()));
        Assert.Equal("3", links["last"].Query["page"].ToString());
    }

    [Fact]
    public void A_cursor_URL_keeps_the_other_parameters_and_sets_the_cursor()
    {
        Assert.Equal("/api/governance/decisions/feed?limit=10&after=djE6NQ",
            Paging.Url("/api/governance/decisions/feed", QueryHelpers.ParseQuery("?after=djE6Mg&limit=10"), ("after", "djE6NQ")));
    }
}
