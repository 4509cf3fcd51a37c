using System.Net;
using CommunitySafety.Contracts.Funding;
using CommunitySafety.Funding.Awards;
using CommunitySafety.TestSupport;
using CommunitySafety.TestSupport.Clients.Funding;
using Wolverine.Tracking;
using Xunit;

namespace CommunitySafety.Funding.IntegrationTests;

public sealed class PaymentTests(FundingFixture fixture)
{
    private readonly HttpClient _officer = fixture.Client(FundingRoles.FundingOfficer);
    private readonly HttpClient _finance = fixture.Client(FundingRoles.FinanceOfficer);

    private async Task<Guid> Schedule(ArrangedAward award, decimal amount, string dueOn = "2026-07-01") =>
        (await (await _officer.ScheduleInstalment(award.AwardId, new { amount, dueOn })).Json(HttpStatusCode.OK))["instalmentId"]!.GetValue<Guid>();

    [Fact]
    public async Task An_instalment_is_scheduled_approved_and_paid_and_the_payment_is_published()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m);

        var scheduled = await _officer.ScheduleInstalment(award.AwardId, new { amount = 2_500.50m, dueOn = "2026-07-01" }, "\"1\"");
        var id = (await scheduled.Json(HttpStatusCode.OK))["instalmentId"]!.GetValue<Guid>();
        Assert.Equal("\"2\"", scheduled.ETag());

        var approved = await _finance.ApproveInstalment(award.AwardId, id, "\"2\"");
        Assert.Equal((HttpStatusCode.NoContent, "\"3\""), (approved.StatusCode, approved.ETag()));

        HttpResponseMessage paid = null!;
        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            paid = await _finance.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-03" }, "\"3\""));
        Assert.Equal((HttpStatusCode.NoContent, "\"4\""), (paid.StatusCode, paid.ETag()));
        var payment = tracked.Sent.SingleMessage<PaymentMade>();
        Assert.Equal((award.AwardId, id, award.OrganisationId, 2_500.50m, "GBP", new DateOnly(2026, 7, 3)),
            (payment.AwardId, payment.InstalmentId, payment.RecipientOrganisationId, payment.Amount, payment.Currency, payment.PaidOn));

        var read = await fixture.ReadAward(award.AwardId);
        var instalment = Assert.Single(read.Instalments);
        Assert.Equal((InstalmentStatus.Paid, new DateOnly(2026, 7, 3), new DateOnly(2026, 7, 1)), (instalment.Status, instalment.PaidOn, instalment.DueOn));
        Assert.Equal((2_500.50m, 2_500.50m), (read.Scheduled, read.Paid));
    }

    [Fact]
    public async Task The_schedule_stays_within_the_award_and_the_streams_financial_year()
    {
        var award = await fixture.ArrangeAward(amount: 10_000m);
        var first = await Schedule(award, 6_000m, "2026-04-01");
        await Schedule(award, 4_000m, "2027-03-31");

        var over = await (await _officer.ScheduleInstalment(award.AwardId, new { amount = 0.01m, dueOn = "2026-07-01" }))
            .Problem(HttpStatusCode.Conflict, "schedule-exceeds-award");
        Assert.Equal(0m, over["unscheduled"]!.GetValue<decimal>());
        await (await _officer.ScheduleInstalment(award.AwardId, new { amount = 100m, dueOn = "2026-03-31" })).Problem(HttpStatusCode.Conflict, "date-outside-financial-year");
        await (await _officer.ScheduleInstalment(award.AwardId, new { amount = 100m, dueOn = "2027-04-01" })).Problem(HttpStatusCode.Conflict, "date-outside-financial-year");

        // Cancelling an instalment frees its money for the schedule again.
        Assert.Equal(HttpStatusCode.NoContent, (await _officer.CancelInstalment(award.AwardId, first, new { reason = "Start delayed" })).StatusCode);
        await Schedule(award, 6_000m, "2026-10-01");
        Assert.Equal(10_000m, (await fixture.ReadAward(award.AwardId)).Scheduled);
    }

    [Fact]
    public async Task Instalments_move_only_forward_and_a_paid_one_cannot_be_cancelled()
    {
        var award = await fixture.ArrangeAward();
        var id = await Schedule(award, 1_000m);

        await (await _finance.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-03" })).Problem(HttpStatusCode.Conflict, "instalment-not-approved");
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.ApproveInstalment(award.AwardId, id)).StatusCode);
        await (await _finance.ApproveInstalment(award.AwardId, id)).Problem(HttpStatusCode.Conflict, "instalment-already-approved");
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-03" })).StatusCode);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
            await (await _finance.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-04" })).Problem(HttpStatusCode.Conflict, "instalment-closed"));
        Assert.Empty(tracked.Sent.MessagesOf<PaymentMade>());
        var closed = await (await _finance.ApproveInstalment(award.AwardId, id)).Problem(HttpStatusCode.Conflict, "instalment-closed");
        Assert.Equal("Paid", closed["instalmentStatus"]!.GetValue<string>());
        await (await _officer.CancelInstalment(award.AwardId, id, new { reason = "Paid in error" })).Problem(HttpStatusCode.Conflict, "instalment-paid");

        // Scheduled and approved instalments can be cancelled (by either officer), once.
        var scheduled = await Schedule(award, 1_000m);
        var approved = await Schedule(award, 1_000m);
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.ApproveInstalment(award.AwardId, approved)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _officer.CancelInstalment(award.AwardId, scheduled, new { reason = "Not needed" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.CancelInstalment(award.AwardId, approved, new { reason = "Not needed" })).StatusCode);
        await (await _finance.CancelInstalment(award.AwardId, approved, new { reason = "Again" })).Problem(HttpStatusCode.Conflict, "instalment-closed");
        await (await _finance.PayInstalment(award.AwardId, approved, new { paidOn = "2026-07-03" })).Problem(HttpStatusCode.Conflict, "instalment-closed");

        var read = await fixture.ReadAward(award.AwardId);
        Assert.Equal([InstalmentStatus.Paid, InstalmentStatus.Cancelled, InstalmentStatus.Cancelled], read.Instalments.Select(i => i.Status));
        Assert.Equal("Not needed", read.Instalments[1].CancelledReason);
    }

    [Fact]
    public async Task Payments_never_exceed_the_award()
    {
        // An approved instalment of the whole award, then a reduction recorded straight into the history: paying it would overpay.
        var instalmentId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var award = await fixture.ArrangeAward(amount: 10_000m, then:
        [
            a => new InstalmentScheduled(a.AwardId, instalmentId, 10_000m, ArrangedAwards.InYear, "officer", now),
            a => new InstalmentApproved(a.AwardId, instalmentId, "finance", now),
            a => new AwardReducedBy(a.AwardId, a.StreamId, a.OrganisationId, 500m, "Recorded elsewhere", false, "officer", now),
        ]);

        var tracked = await fixture.Host.ExecuteAndWaitAsync(async () =>
        {
            var problem = await (await _finance.PayInstalment(award.AwardId, instalmentId, new { paidOn = "2026-07-03" }))
                .Problem(HttpStatusCode.Conflict, "payment-exceeds-award");
            Assert.Equal(9_500m, problem["netAmount"]!.GetValue<decimal>());
        });
        Assert.Empty(tracked.Sent.MessagesOf<PaymentMade>());
        Assert.Equal(0m, (await fixture.ReadAward(award.AwardId)).Paid);
    }

    [Fact]
    public async Task Bad_input_wrong_callers_unknown_ids_and_stale_versions_are_refused()
    {
        var award = await fixture.ArrangeAward();
        var bidder = fixture.ClientFor(award.OrganisationId, FundingRoles.Bidder);

        foreach (var body in new object[]
                 {
                     new { amount = 0m, dueOn = "2026-07-01" }, new { amount = -5m, dueOn = "2026-07-01" }, new { amount = 10.001m, dueOn = "2026-07-01" },
                     new { amount = 10m }, new { dueOn = "2026-07-01" },
                 })
            await (await _officer.ScheduleInstalment(award.AwardId, body)).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(FundingRoutes.Instalments(award.AwardId), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw(FundingRoutes.Instalments(award.AwardId), "{\"amount\": 10, \"dueOn\": \"2026-13-01\"}")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.PostRaw(FundingRoutes.Instalments(award.AwardId), "{\"amount\": \"ten\", \"dueOn\": \"2026-07-01\"}")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().ScheduleInstalment(award.AwardId, new { amount = 10m, dueOn = "2026-07-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.ScheduleInstalment(award.AwardId, new { amount = 10m, dueOn = "2026-07-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _finance.ScheduleInstalment(award.AwardId, new { amount = 10m, dueOn = "2026-07-01" })).StatusCode);

        await (await _officer.ScheduleInstalment(Guid.NewGuid(), new { amount = 10m, dueOn = "2026-07-01" }))
            .Problem(HttpStatusCode.NotFound, "not-found");
        await (await _officer.ScheduleInstalment(award.AwardId, new { amount = 10m, dueOn = "2026-07-01" }, "\"7\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        var id = await Schedule(award, 10m);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.ApproveInstalment(award.AwardId, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bidder.CancelInstalment(award.AwardId, id, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client().ApproveInstalment(award.AwardId, id)).StatusCode);
        await (await _finance.ApproveInstalment(award.AwardId, id, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");
        await (await _finance.ApproveInstalment(award.AwardId, Guid.NewGuid())).Problem(HttpStatusCode.NotFound, "instalment-not-found");
        await (await _finance.ApproveInstalment(Guid.NewGuid(), id)).Problem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.NoContent, (await _finance.ApproveInstalment(award.AwardId, id)).StatusCode);

        await (await _finance.PayInstalment(award.AwardId, id, new { })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _finance.PostRaw(FundingRoutes.InstalmentPayment(award.AwardId, id), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _finance.PostRaw(FundingRoutes.InstalmentPayment(award.AwardId, id), "{\"paidOn\": \"yesterday\"}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, (await _officer.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-03" })).StatusCode);
        await (await _finance.PayInstalment(award.AwardId, Guid.NewGuid(), new { paidOn = "2026-07-03" })).Problem(HttpStatusCode.NotFound, "instalment-not-found");
        await (await _finance.PayInstalment(award.AwardId, id, new { paidOn = "2026-07-03" }, "\"2\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        await (await _officer.CancelInstalment(award.AwardId, id, new { reason = " " })).Problem(HttpStatusCode.BadRequest, "validation");
        await (await _officer.PostRaw(FundingRoutes.InstalmentCancellation(award.AwardId, id), "null")).Problem(HttpStatusCode.BadRequest);
        await (await _officer.CancelInstalment(award.AwardId, Guid.NewGuid(), new { reason = "x" })).Problem(HttpStatusCode.NotFound, "instalment-not-found");
        await (await _officer.CancelInstalment(award.AwardId, id, new { reason = "x" }, "\"1\"")).Problem(HttpStatusCode.PreconditionFailed, "stale-version");

        var read = await fixture.ReadAward(award.AwardId);
        Assert.Equal(InstalmentStatus.Approved, Assert.Single(read.Instalments).Status);
    }
}
