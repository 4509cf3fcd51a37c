using System.Net;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Wolverine.Tracking;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class ReductionTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);
    private readonly HttpClient _finance = fixture.Client(FundingRoles.FinanceOfficer);

    private async Task<decimal> Available(Guid streamId) =>
        (await (await _officer.GetStream(streamId)).Json(HttpStatusCode.OK))["available"]!.GetValue<decimal>();

    private async Task<Guid> Schedule(ArrangedAward award, decimal amount) =>
        (await (await _officer.ScheduleInstalment(award.AwardId, new { amount, dueOn = "2026-07-01" })).Json(HttpStatusCode.OK))["instalmentId"]!.GetValue<Guid>();

    [Fact]
    public async Task A_clawback_reduces_the_award_returns_the_money_to_the_stream_and_is_published()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m, budget: 50_000m);
        var instalment = await Schedule(award, 6_000m);
        Assert.Equal(40_000m, await Available(award.StreamId));

        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _officer.ClawBack(award.AwardId, new { amount = 4_000m, reason = "Second site did not open" }, "\"2\""));
        var answer = await response.Json(HttpStatusCode.OK);
        Assert.Equal(("\"3\"", 44_000m), (response.ETag(), answer["streamAvailable"]!.GetValue<decimal>()));
        var published = tracked.Sent.SingleMessage<AwardClawedBack>();
        Assert.Equal((award.AwardId, award.StreamId, award.OrganisationId, 4_000m, "GBP", "Second site did not open", false),
            (published.AwardId, published.FundingStreamId, published.RecipientOrganisationId, published.Amount, published.Currency, published.Reason, published.UnderspendReturned));

        Assert.Equal(44_000m, await Available(award.StreamId));
        var stream = await (await _officer.GetStream(award.StreamId)).Json(HttpStatusCode.OK);
        Assert.Equal(6_000m, stream["awards"]![award.AwardId.ToString()]!.GetValue<decimal>());
        Assert.Equal(6_000m, (await fixture.ReadAward(award.AwardId)).NetAmount);

        // The rest is scheduled: a further clawback needs the instalment cancelled first.
        var below = await (await _officer.ClawBack(award.AwardId, new { amount = 6_000m, reason = "Project abandoned" }))
            .Problem(HttpStatusCode.Conflict, "reduce-below-scheduled");
        Assert.Equal(6_000m, below["scheduled"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.NoContent, (await _officer.CancelInstalment(award.AwardId, instalment, new { reason = "Project abandoned" })).StatusCode);
        await (await _officer.ClawBack(award.AwardId, new { amount = 6_000m, reason = "Project abandoned" })).Json(HttpStatusCode.OK);
        Assert.Equal(50_000m, await Available(award.StreamId));
        Assert.Equal(0m, (await fixture.ReadAward(award.AwardId)).NetAmount);
    }

    [Fact]
    public async Task An_underspend_returned_gives_paid_money_back_to_the_stream_and_is_published()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m, budget: 50_000m);
        var instalment = await Schedule(award, 7_000m);
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.ApproveInstalment(award.AwardId, instalment)).StatusCode);
        await (await _officer.RecordUnderspend(award.AwardId, new { amount = 1m, reason = "Too early" })).Problem(HttpStatusCode.Conflict, "return-exceeds-paid");
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.PayInstalment(award.AwardId, instalment, new { paidOn = "2026-07-03" })).StatusCode);

        await (await _officer.RecordUnderspend(award.AwardId, new { amount = 7_000.01m, reason = "Too much" })).Problem(HttpStatusCode.Conflict, "return-exceeds-paid");
        HttpResponseMessage response = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            response = await _officer.RecordUnderspend(award.AwardId, new { amount = 2_000m, reason = "Unspent at year end" }));
        await response.Json(HttpStatusCode.OK);
        var published = tracked.Sent.SingleMessage<AwardClawedBack>();
        Assert.Equal((2_000m, true, "Unspent at year end"), (published.Amount, published.UnderspendReturned, published.Reason));

        Assert.Equal(42_000m, await Available(award.StreamId));
        var read = await fixture.ReadAward(award.AwardId);
        Assert.Equal((8_000m, 7_000m, 5_000m), (read.NetAmount, read.Paid, read.PaidNet));
        var reduction = Assert.Single(read.Reductions);
        Assert.True(reduction.UnderspendReturned);
    }

    [Theory]
    [InlineData("clawback")]
    [InlineData("underspend")]
    public async Task Bad_input_wrong_callers_unknown_awards_too_much_and_stale_versions_are_refused(string action)
    {
        var award = await fixture.ArrangeAward(amount: 10_000m, budget: 50_000m);
        var url = $"{award.Url}/{action}";

        foreach (var body in new object[]
                 {
                     new { amount = 0m, reason = "r" }, new { amount = -10m, reason = "r" }, new { amount = 1.001m, reason = "r" },
                     new { amount = 10m }, new { amount = 10m, reason = "" }, new { reason = "r" },
                 })
            await (await _officer.PostJson(url, body)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(url, "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw(url, "{\"amount\": \"all\", \"reason\": \"r\"}")).Problem(HttpStatusCode.BadRequest);

        var valid = new { amount = 10m, reason = "r" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().PostJson(url, valid)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _finance.PostJson(url, valid)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.ClientFor(award.OrganisationId, FundingRoles.Bidder).PostJson(url, valid)).StatusCode);
        await (await _officer.PostJson($"{FundingRoutes.Award(Guid.NewGuid())}/{action}", valid)).Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.PostJson(url, valid, "\"5\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
        {
            var problem = await (await _officer.PostJson(url, new { amount = 10_000.01m, reason = "Everything and more" }))
                .Problem(HttpStatusCode.Conflict, "reduction-exceeds-award");
            Assert.Equal(10_000m, problem["netAmount"]!.GetValue<decimal>());
        });
        Assert.Empty(tracked.Sent.MessagesOf<AwardClawedBack>());
        Assert.Equal(40_000m, await Available(award.StreamId));
        Assert.Empty((await fixture.ReadAward(award.AwardId)).Reductions);
    }
}
