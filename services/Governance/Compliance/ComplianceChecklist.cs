using System.Globalization;

namespace CommunitySafety.Governance.Compliance;

/// <summary>One line of the checklist: whether it is met, and what shows it (or what is missing).</summary>
public sealed record ComplianceCheck(string Id, string Title, bool Met, string Detail, IReadOnlyList<string> Evidence);

public sealed record ComplianceChecklistView(int Year, DateOnly AsOf, bool AllMet, IReadOnlyList<ComplianceCheck> Checks);

/// <summary>What the checklist looks at, gathered from Governance's records (and Meetings' events).</summary>
/// <param name="Year">The plan year checked.</param>
/// <param name="Today">The partnership's calendar date now.</param>
/// <param name="AssessmentsForYear">The local partnerships whose strategic assessment for the year is recorded.</param>
/// <param name="AgreementsForYear">The Community Safety Agreements for the year: title and, once agreed, the adopting decision.</param>
/// <param name="PublicMeetingsHeld">Start of each public meeting held (Meetings' MeetingHeld) in the year.</param>
/// <param name="Chairs">Each body with members: its name and its chair's term end (null: no chair elected).</param>
/// <param name="MemberOrganisations">Each organisation with a current member on a body: its name and whether its ISA is current.</param>
public sealed record ComplianceInputs(
    int Year, DateOnly Today,
    IReadOnlyList<string> AssessmentsForYear,
    IReadOnlyList<(string Title, Guid? AgreedBy)> AgreementsForYear,
    IReadOnlyList<DateTimeOffset> PublicMeetingsHeld,
    IReadOnlyList<(string Body, DateOnly? ChairTermEndsOn)> Chairs,
    IReadOnlyList<(string Organisation, bool IsaCurrent)> MemberOrganisations);

/// <summary>The annual compliance checklist, as a pure function of what was recorded.</summary>
public static class ComplianceChecklist
{
    public static ComplianceChecklistView Compute(ComplianceInputs x)
    {
        var agreed = x.AgreementsForYear.Where(a => a.AgreedBy is not null).ToList();
        var lapsedChairs = x.Chairs.Where(c => c.ChairTermEndsOn is not { } end || end < x.Today).ToList();
        var lapsedIsa = x.MemberOrganisations.Where(o => !o.IsaCurrent).ToList();
        ComplianceCheck[] checks =
        [
            new("strategic-assessment", "Strategic assessment done", x.AssessmentsForYear.Count > 0,
                x.AssessmentsForYear.Count > 0
                    ? $"{x.AssessmentsForYear.Count} local strategic assessment(s) for {x.Year}."
                    : $"No strategic assessment recorded for {x.Year}.",
                x.AssessmentsForYear),
            new("agreement-agreed-and-published", "Community Safety Agreement agreed and published", agreed.Count > 0,
                agreed.Count > 0
                    ? $"Agreed by decision {agreed[0].AgreedBy} and published as open data."
                    : x.AgreementsForYear.Count > 0 ? $"The agreement for {x.Year} is drafted but not yet agreed by a decision." : $"No agreement for {x.Year}.",
                [.. agreed.Select(a => a.Title)]),
            new("public-meeting-held", "At least one public meeting held", x.PublicMeetingsHeld.Count > 0,
                x.PublicMeetingsHeld.Count > 0
                    ? $"{x.PublicMeetingsHeld.Count} public meeting(s) held in {x.Year}."
                    : $"No public meeting (Open Forum, Neighbourhood Engagement Meeting, conference) recorded as held in {x.Year}.",
                [.. x.PublicMeetingsHeld.Order().Select(m => m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]),
            new("chair-terms-current", "Chairs' terms current", x.Chairs.Count > 0 && lapsedChairs.Count == 0,
                lapsedChairs.Count == 0
                    ? x.Chairs.Count > 0 ? "Every body's chair is within their term." : "No body with members yet."
                    : "No chair in term: " + string.Join(", ", lapsedChairs.Select(c => c.Body)) + ".",
                [.. lapsedChairs.Select(c => c.Body)]),
            new("isa-current", "Every member organisation's ISA current", x.MemberOrganisations.Count > 0 && lapsedIsa.Count == 0,
                lapsedIsa.Count == 0
                    ? x.MemberOrganisations.Count > 0 ? "Every member organisation has signed the ISA and is within its review date." : "No member organisations yet."
                    : "Not signed, withdrawn or past review: " + string.Join(", ", lapsedIsa.Select(o => o.Organisation)) + ".",
                [.. lapsedIsa.Select(o => o.Organisation)]),
        ];
        return new ComplianceChecklistView(x.Year, x.Today, checks.All(c => c.Met), checks);
    }
}
