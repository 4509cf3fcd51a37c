using CommunitySafety.CaseManagement.Risk;
using System.Globalization;
using Xunit;

namespace CommunitySafety.UnitTests;

public sealed class RiskTests
{
    private static readonly RiskMatrix Matrix = RiskMatrix.Default;

    private static Dictionary<string, bool> Answers(params string[] yes) => Matrix.Questions.ToDictionary(q => q.Id, q => yes.Contains(q.Id));

    public static TheoryData<string[], int, RiskLevel> Cases => new()
    {
        { [], 0, RiskLevel.Low },
        { ["children", "community-impact"], 4, RiskLevel.Low },
        { ["health-impact", "fear", "children"], 8, RiskLevel.Medium },        // exactly the medium threshold
        { ["repeat-victim", "vulnerable", "children"], 12, RiskLevel.Medium },
        { ["repeat-victim", "vulnerable", "hate"], 15, RiskLevel.High },        // exactly the high threshold
        { ["repeat-victim", "vulnerable", "hate", "violence", "health-impact", "fear", "children", "community-impact"], 30, RiskLevel.High },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_matrix_sums_the_weights_of_the_yes_answers_and_applies_the_thresholds(string[] yes, int score, RiskLevel level) =>
        Assert.Equal((score, level), Matrix.Assess(Answers(yes)));

    [Fact]
    public void Every_question_must_be_answered_and_no_other()
    {
        Assert.Empty(Matrix.Check(Answers()));
        var partial = Answers();
        partial.Remove("hate");
        partial["astrology"] = true;
        Assert.Equal(["answers.astrology", "answers.hate"], Matrix.Check(partial).Select(e => e.Field).Order());
        Assert.Equal(["answers"], Matrix.Check(null).Select(e => e.Field));
    }

    [Fact]
    public void A_matrix_that_cannot_work_is_refused_at_start_up()
    {
        Assert.Empty(RiskMatrix.Default.Faults());
        Assert.Empty(new ReviewSchedule().Faults());
        Assert.NotEmpty(new RiskMatrix { HighThreshold = 2, MediumThreshold = 1 }.Faults());
        Assert.NotEmpty(new RiskMatrix
        {
            Questions = [new("a", "A", 1), new("a", "again", 1)], HighThreshold = 2, MediumThreshold = 1,
        }.Faults());
        Assert.NotEmpty(new RiskMatrix { Questions = [new("a", "A", 1)], HighThreshold = 1, MediumThreshold = 1 }.Faults());
        Assert.NotEmpty(new ReviewSchedule { LowMonths = 0 }.Faults());
    }

    [Theory]
    [InlineData(RiskLevel.High, "2026-11-23", "2026-12-23")]
    [InlineData(RiskLevel.Medium, "2026-11-23", "2026-12-23")]
    [InlineData(RiskLevel.Low, "2026-11-23", "2027-02-23")]
    [InlineData(RiskLevel.High, "2027-01-31", "2027-02-28")] // month ends clamp
    public void By_default_high_and_medium_risk_come_back_every_month_and_low_every_three(RiskLevel level, string from, string due) =>
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), new ReviewSchedule().NextReviewDue(level, DateOnly.Parse(from, CultureInfo.InvariantCulture)));

    [Fact]
    public void The_review_schedule_is_configurable() =>
        Assert.Equal(new DateOnly(2027, 5, 23), new ReviewSchedule { LowMonths = 6 }.NextReviewDue(RiskLevel.Low, new DateOnly(2026, 11, 23)));
}
