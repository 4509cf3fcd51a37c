using CommunitySafety.Governance.Compliance;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class ComplianceChecklistTests
{
    private static readonly DateOnly Today = new(2027, 6, 1);

    private static ComplianceInputs Complete => new(2027, Today,
        ["Ashford CSP", "Canterbury CSP"],
        [("Kent Community Safety Agreement 2027", Guid.NewGuid())],
        [new DateTimeOffset(2027, 3, 14, 18, 30, 0, TimeSpan.Zero)],
        [("Working Group", new DateOnly(2028, 5, 1)), ("KCSP", Today)],
        [("Kent Police", true), ("Kent Fire and Rescue", true)]);

    private static ComplianceCheck Check(ComplianceChecklistView view, string id) => view.Checks.Single(c => c.Id == id);

    [Fact]
    public void Everything_recorded_meets_every_check()
    {
        var view = ComplianceChecklist.Compute(Complete);
        Assert.True(view.AllMet, string.Join("; ", view.Checks.Where(c => !c.Met).Select(c => c.Detail)));
        Assert.Equal(["strategic-assessment", "agreement-agreed-and-published", "public-meeting-held", "chair-terms-current", "isa-current"],
            view.Checks.Select(c => c.Id));
        Assert.Equal(["2027-03-14"], Check(view, "public-meeting-held").Evidence);
    }

    [Fact]
    public void A_year_with_nothing_recorded_meets_nothing()
    {
        var view = ComplianceChecklist.Compute(new ComplianceInputs(2027, Today, [], [], [], [], []));
        Assert.False(view.AllMet);
        Assert.All(view.Checks, c => Assert.False(c.Met, c.Id));
    }

    [Fact]
    public void A_drafted_agreement_is_not_agreed()
    {
        var view = ComplianceChecklist.Compute(Complete with { AgreementsForYear = [("Kent Community Safety Agreement 2027", null)] });
        var check = Check(view, "agreement-agreed-and-published");
        Assert.False(check.Met);
        Assert.Contains("not yet agreed", check.Detail);
    }

    [Fact]
    public void A_lapsed_or_missing_chair_and_an_organisation_without_a_current_isa_are_named()
    {
        var view = ComplianceChecklist.Compute(Complete with
        {
            Chairs = [("Working Group", Today.AddDays(-1)), ("Steering Group", null), ("KCSP", Today)],
            MemberOrganisations = [("Kent Police", true), ("Probation Service", false)],
        });
        Assert.Equal(["Working Group", "Steering Group"], Check(view, "chair-terms-current").Evidence);
        Assert.Equal(["Probation Service"], Check(view, "isa-current").Evidence);
        Assert.False(view.AllMet);
        Assert.True(Check(view, "public-meeting-held").Met);
    }
}
