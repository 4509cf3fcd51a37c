using System.Globalization;
using System.Text;
using CommunitySafety.Funding.Awards;
using CommunitySafety.Funding.Streams;

namespace CommunitySafety.Funding.Reports;

/// <summary>One award's money: awarded (net of underspend returned and clawback), paid, spend its recipient reported, and what is left to pay.</summary>
public sealed record AwardTotals(
    Guid AwardId, string Title, Guid OrganisationId, string OrganisationName, DateOnly AwardDate, decimal Awarded, decimal Paid, decimal ReportedSpend,
    decimal Unpaid);

/// <summary>A stream's money: budget, awarded, paid, reported spend and available.</summary>
public sealed record StreamTotals(
    Guid StreamId, string Name, string Source, string FinancialYear, decimal Budget, decimal Awarded, decimal Paid, decimal ReportedSpend,
    decimal Available);

public sealed record StreamReport(StreamTotals Totals, IReadOnlyList<AwardTotals> Awards);

/// <summary>The reports as pure functions of the stream's ledger and its awards.</summary>
public static class FundingReport
{
    public static AwardTotals ForAward(AwardView award, string organisationName) =>
        new(award.Id, award.Title, award.OrganisationId, organisationName, award.AwardDate, award.NetAmount, award.Paid, award.ReportedSpend,
            award.NetAmount - award.Paid);

    /// <summary>
    /// The stream's totals. Awarded is taken from the stream's own ledger (what the budget invariant guards); the awards'
    /// rows must add up to it, so a report never hides a discrepancy: it throws.
    /// </summary>
    public static StreamReport ForStream(FundingStreamView stream, IEnumerable<AwardView> awards, IReadOnlyDictionary<Guid, string> organisationNames)
    {
        var rows = awards.Where(a => a.StreamId == stream.Id)
            .OrderBy(a => a.AwardDate).ThenBy(a => a.Title, StringComparer.Ordinal)
            .Select(a => ForAward(a, organisationNames.GetValueOrDefault(a.OrganisationId) ?? a.OrganisationId.ToString()))
            .ToList();
        if (rows.Sum(r => r.Awarded) != stream.Committed)
            throw new InvalidOperationException(
                $"Stream {stream.Id}: its ledger commits {stream.Committed} but its awards add up to {rows.Sum(r => r.Awarded)}.");
        var totals = new StreamTotals(stream.Id, stream.Name, stream.Source, stream.FinancialYearLabel, stream.Budget, stream.Committed,
            rows.Sum(r => r.Paid), rows.Sum(r => r.ReportedSpend), stream.Available);
        return new StreamReport(totals, rows);
    }

    public static string StreamsCsv(IEnumerable<StreamTotals> streams) => Csv.Write(
        ["stream_id", "name", "source", "financial_year", "budget", "awarded", "paid", "reported_spend", "available"],
        streams.Select(s => new object[] { s.StreamId, s.Name, s.Source, s.FinancialYear, s.Budget, s.Awarded, s.Paid, s.ReportedSpend, s.Available }));

    public static string AwardsCsv(StreamReport report) => Csv.Write(
        ["award_id", "title", "organisation_id", "organisation", "award_date", "awarded", "paid", "reported_spend", "unpaid"],
        report.Awards.Select(a => new object[] { a.AwardId, a.Title, a.OrganisationId, a.OrganisationName, a.AwardDate, a.Awarded, a.Paid, a.ReportedSpend, a.Unpaid })
            .Append(["TOTAL", report.Totals.Name, "", "", "", report.Totals.Awarded, report.Totals.Paid, report.Totals.ReportedSpend,
                report.Totals.Awarded - report.Totals.Paid]));
}

/// <summary>RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.</summary>
public static class Csv
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object>> rows)
    {
        var csv = new StringBuilder();
        Line(csv, headers);
        foreach (var row in rows) Line(csv, row.Select(Format).ToList());
        return csv.ToString();
    }

    private static string Format(object value) => value switch
    {
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
    }

    // A leading =, +, -, @, tab or carriage return (OWASP's list) can make a spreadsheet run the text as a formula:
    // such text is given a leading apostrophe. A number (a negative amount) stays a number.
    public static string Escape(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '@' or '-' or '\t' or '\r'
                             && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
