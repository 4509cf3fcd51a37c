using CommunitySafety.Funding.Streams;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>How a funding stream reads (<see cref="FundingStreamView"/>): its projection, fed the events the stream's rules decide.</summary>
public sealed class FundingStreamViewTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_stream_reads_with_its_source_its_budget_changes_and_its_ledger_as_the_rules_keep_it()
    {
        var id = Guid.NewGuid();
        var created = new FundingStreamCreated(id, "Crime Reduction Grant", "PCC", 2026, 50_000m, "officer", T0);
        var stream = FundingStream.Evolve(null, created);
        var view = FundingStreamView.Evolve(null, created);
        var award = Guid.NewGuid();
        foreach (var e in new object[]
                 {
                     FundingStream.DecideBudgetChange(stream, 10_000m, "Top-up", "officer", T0),
                     new AwardCommitted(id, award, 30_000m, T0),
                     new AwardReduced(id, award, 5_000m, "Underspend", T0),
                 })
        {
            stream = FundingStream.Evolve(stream, e);
            view = FundingStreamView.Evolve(view, e);
        }
        var cut = FundingStream.DecideBudgetChange(stream, -1_000m, "Cut", "officer", T0);
        stream = FundingStream.Evolve(stream, cut);
        view = FundingStreamView.Evolve(view, cut);

        Assert.Equal((id, "Crime Reduction Grant", "PCC", 2026, T0, "2026-27"),
            (view.Id, view.Name, view.Source, view.FinancialYear, view.CreatedAt, view.FinancialYearLabel));
        Assert.Equal([(10_000m, "Top-up"), (-1_000m, "Cut")], view.BudgetChanges.Select(c => (c.Change, c.Reason)));
        Assert.Equal((59_000m, 25_000m, 34_000m, 25_000m), (view.Budget, view.Committed, view.Available, view.Awards[award]));
        Assert.Equal((stream.Budget, stream.Committed, stream.Available, stream.Awards[award]), (view.Budget, view.Committed, view.Available, view.Awards[award]));
    }

    [Fact]
    public void A_streams_history_starts_with_its_creation()
    {
        Assert.Throws<InvalidOperationException>(() => FundingStreamView.Evolve(null, new BudgetChanged(Guid.NewGuid(), 1m, "r", "o", T0)));
        Assert.Throws<InvalidOperationException>(() => FundingStream.Evolve(null, new BudgetChanged(Guid.NewGuid(), 1m, "r", "o", T0)));
    }
}
