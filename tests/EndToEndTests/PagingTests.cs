using System.Net;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>Paging through the gateway: the links a service answers resolve against the gateway and lead to the next page.</summary>
public sealed class PagingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_lists_next_link_answered_through_the_gateway_leads_through_the_gateway_to_the_next_page()
    {
        using var officer = platform.Client().WithToken("funding-officer");
        const int year = 2045; // a financial year no other test opens streams in
        var streams = new List<Guid>();
        foreach (var name in new[] { "Paging A", "Paging B", "Paging C" })
            streams.Add(await (await officer.PostJson("/api/funding/streams",
                new { name, source = "PCC Crime Reduction Grant", financialYear = year, budget = 5_000m })).CreatedId());

        var first = await officer.GetAsync($"/api/funding/streams?financialYear={year}&limit=2");
        Assert.Equal(streams[..2], (await first.Json(HttpStatusCode.OK)).AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
        Assert.Equal(3, first.TotalCount());
        var next = first.Links()["next"];
        Assert.Equal($"/api/funding/streams?financialYear={year}&limit=2&page=2", next);

        // the link is a path-absolute reference: resolved against the address the client used, the gateway's
        var nextUrl = new Uri(platform.Gateway.Url, next);
        Assert.Equal(platform.Gateway.Url.GetLeftPart(UriPartial.Authority), nextUrl.GetLeftPart(UriPartial.Authority));
        var second = await officer.GetAsync(nextUrl);
        Assert.Equal([streams[2]], (await second.Json(HttpStatusCode.OK)).AsArray().Select(s => s!["id"]!.GetValue<Guid>()));
        Assert.Equal(3, second.TotalCount());
        Assert.False(second.Links().ContainsKey("next"));
        Assert.Equal($"/api/funding/streams?financialYear={year}&limit=2&page=1", second.Links()["prev"]);

        // and a limit over the maximum is a problem through the gateway too
        await (await officer.GetAsync($"/api/funding/streams?financialYear={year}&limit=501")).ValidationProblem("limit");
    }
}
