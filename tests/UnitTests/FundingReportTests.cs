using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Reports;
using CommunitySafety.Funding.Streams;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class FundingReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static AwardView NewAward(Guid stream, decimal amount, string title = "Project") =>
        AwardView.Create(new AwardMade(Guid.NewGuid(), stream, Guid.NewGuid(), Guid.NewGuid(), title, "d", amount, Guid.NewGuid(), new DateOnly(2026, 6, 1), [], "o", T0));

    [Fact]
    public void Stream_totals_come_from_its_ledger_and_its_awards_net_of_reductions()
    {
        var streamId = Guid.NewGuid();
        var a = NewAward(streamId, 30_000m);
        var instalment = Guid.NewGuid();
        a = a.Apply(new InstalmentScheduled(a.Id, instalment, 10_000m, new DateOnly(2026, 7, 1), "o", T0))
            .Apply(new InstalmentApproved(a.Id, instalment, "f", T0))
            .Apply(new InstalmentPaid(a.Id, instalment, a.OrganisationId, 10_000m, new DateOnly(2026, 7, 1), "f", T0));
        var b = NewAward(streamId, 20_000m).Apply(new AwardReducedBy(Guid.Empty, streamId, Guid.Empty, 5_000m, "ended", false, "o", T0));
        var stream = FundingStreamView.Create(new FundingStreamCreated(streamId, "CRG", "PCC", 2026, 100_000m, "o", T0))
            .Apply(new AwardCommitted(streamId, a.Id, 30_000m, T0))
            .Apply(new AwardCommitted(streamId, b.Id, 20_000m, T0))
            .Apply(new AwardReduced(streamId, b.Id, 5_000m, "ended", T0));

        var report = FundingReport.ForStream(stream, [a, b, NewAward(Guid.NewGuid(), 1m)], new Dictionary<Guid, string>());

        Assert.Equal(new StreamTotals(streamId, "CRG", "PCC", "2026-27", 100_000m, 45_000m, 10_000m, 0m, 55_000m), report.Totals);
        Assert.Equal([20_000m, 15_000m], report.Awards.Select(r => r.Unpaid).Order().Reverse());
    }

    [Fact]
    public void A_report_whose_awards_do_not_add_up_to_the_ledger_refuses_to_hide_it()
    {
        var streamId = Guid.NewGuid();
        var stream = FundingStreamView.Create(new FundingStreamCreated(streamId, "CRG", "PCC", 2026, 100_000m, "o", T0))
            .Apply(new AwardCommitted(streamId, Guid.NewGuid(), 30_000m, T0));
        Assert.Throws<InvalidOperationException>(() => FundingReport.ForStream(stream, [NewAward(streamId, 29_999.99m)], new Dictionary<Guid, string>()));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("-5.00", "-5.00")]       // a negative number stays a number
    [InlineData("-cmd", "'-cmd")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("\t=1+2", "'\t=1+2")]     // a leading tab or carriage return is dropped by some spreadsheets, leaving a formula
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    public void CSV_fields_are_quoted_as_RFC_4180_says_and_formulas_are_defused(string field, string expected) =>
        Assert.Equal(expected, Csv.Escape(field));

    [Fact]
    public void The_360Giving_grant_carries_the_required_fields_with_the_net_amount_and_prefixed_ids()
    {
        var streamId = Guid.NewGuid();
        var award = NewAward(streamId, 30_000m, "Youth work").Apply(new AwardReducedBy(Guid.Empty, streamId, Guid.Empty, 1_000m, "r", true, "o", T0));
        var stream = FundingStreamView.Create(new FundingStreamCreated(streamId, "CRG", "PCC", 2026, 100_000m, "o", T0));
        var options = new ThreeSixtyGivingOptions { Prefix = "360G-kent", FundingOrganisationId = "GB-GOV-1", FundingOrganisationName = "Kent CSP" };

        var grant = Assert.Single(ThreeSixtyGiving.Package([award], new Dictionary<Guid, FundingStreamView> { [streamId] = stream },
            new Dictionary<Guid, CommunitySafety.Funding.Bids.BidView>(), new Dictionary<Guid, string> { [award.OrganisationId] = "Youth Trust" }, options, T0).Grants);

        Assert.Equal($"360G-kent-{award.Id}", grant.Id);
        Assert.Equal(("Youth work", "GBP", 29_000m, (decimal?)null), (grant.Title, grant.Currency, grant.AmountAwarded, grant.AmountAppliedFor));
        Assert.Equal("2026-06-01T00:00:00+01:00", grant.AwardDate); // midnight, British Summer Time
        Assert.Equal(new Organization($"360G-kent-org-{award.OrganisationId}", "Youth Trust"), Assert.Single(grant.RecipientOrganization));
        Assert.Equal(new Organization("GB-GOV-1", "Kent CSP"), Assert.Single(grant.FundingOrganization));
        Assert.Equal("CRG 2026-27", Assert.Single(grant.GrantProgramme).Title);
    }
}
