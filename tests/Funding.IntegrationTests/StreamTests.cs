using System.Net;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class StreamTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);

    [Fact]
    public async Task A_stream_opens_with_its_budget_which_changes_only_with_a_reason_and_never_below_what_is_committed()
    {
        var created = await _officer.CreateStream(
            new { name = "Crime Reduction Grant", source = "PCC Crime Reduction Grant", financialYear = 2026, budget = 100_000.00m });
        var stream = await created.Json(HttpStatusCode.Created);
        var id = stream["id"]!.GetValue<Guid>();
        Assert.Equal(FundingRoutes.Stream(id), created.Headers.Location!.OriginalString);
        Assert.Equal(("2026-27", 100_000m, 100_000m), (stream["financialYearLabel"]!.GetValue<string>(), stream["budget"]!.GetValue<decimal>(),
            stream["available"]!.GetValue<decimal>()));

        Assert.Equal(HttpStatusCode.NoContent, (await _officer.ChangeBudget(id,
            new { change = 5_000.50m, reason = "PCC in-year top-up" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _officer.ChangeBudget(id,
            new { change = -20_000m, reason = "PCC in-year reduction" })).StatusCode);
        var read = await _officer.GetStream(id);
        var view = await read.Json(HttpStatusCode.OK);
        Assert.Equal("\"3\"", read.ETag());
        Assert.Equal(85_000.50m, view["budget"]!.GetValue<decimal>());
        Assert.Equal(["PCC in-year top-up", "PCC in-year reduction"], view["budgetChanges"]!.AsArray().Select(c => c!["reason"]!.GetValue<string>()));
        await (await _officer.ChangeBudget(id, new { change = -85_000.51m, reason = "Too much" }))
            .Problem(HttpStatusCode.Conflict, "budget-below-committed");

        var listed = await (await fixture.Client(FundingRoles.Bidder).GetStreams(financialYear: 2026)).Json(HttpStatusCode.OK);
        Assert.Contains(listed.AsArray(), s => s!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Bad_input_and_wrong_callers_are_refused_with_problems()
    {
        var invalid = await (await _officer.CreateStream(new { name = "", financialYear = 1990, budget = -5m }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["budget", "financialYear", "name", "source"], invalid["errors"]!.AsObject().Select(e => e.Key).Order());
        await (await _officer.CreateStream(new { name = "x", source = "y", financialYear = 2026, budget = 10.001m }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.CreateStream(new { name = "x", source = "y", financialYear = 2026, budget = 0 }))
            .Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw("/api/funding/streams", "{\"budget\": \"lots\"}")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw("/api/funding/streams", "null")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(FundingRoles.Bidder).CreateStream(
            new { name = "x", source = "y", financialYear = 2026, budget = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().GetStreams()).StatusCode);

        var id = await (await _officer.CreateStream(new { name = "x", source = "y", financialYear = 2026, budget = 10m })).CreatedId();
        await (await _officer.ChangeBudget(id, new { change = 0, reason = "nothing" })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.ChangeBudget(id, new { change = 5 })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.ChangeBudget(Guid.NewGuid(), new { change = 5, reason = "r" })).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.ChangeBudget(id, new { change = 5, reason = "r" }, "\"9\"")).Problem(HttpStatusCode.PreconditionFailed);
        await (await _officer.GetStream(Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.GetAsync("/api/funding/streams?financialYear=this")).Problem(HttpStatusCode.BadRequest);
    }
}
