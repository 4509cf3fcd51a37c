namespace CommunitySafety.CaseManagement.Risk;

public enum RiskLevel { Low, Medium, High }

public sealed record RiskQuestion(string Id, string Text, int Weight);

/// <summary>
/// The risk assessment the panel uses: yes/no questions with weights; the score is the sum of the weights of the
/// questions answered yes, and thresholds turn it into high / medium / low. Configurable
/// (<c>CaseManagement:RiskMatrix</c>); the default follows the victim-centred ASB risk assessments UK partnerships use.
/// </summary>
public sealed class RiskMatrix : ISettings<RiskMatrix>
{
    /// <inheritdoc />
    public static string Section => "CaseManagement:RiskMatrix";

    public List<RiskQuestion> Questions { get; set; } = [];
    public int HighThreshold { get; set; }
    public int MediumThreshold { get; set; }

    public static RiskMatrix Default => new()
    {
        Questions =
        [
            new("repeat-victim", "Has the victim been targeted repeatedly?", 5),
            new("vulnerable", "Is the victim vulnerable (age, disability, mental or physical health)?", 5),
            new("hate", "Is the behaviour motivated by hate (race, religion, disability, sexuality, gender identity)?", 5),
            new("violence", "Has there been violence or a threat of violence?", 5),
            new("health-impact", "Is the behaviour affecting the victim's health or wellbeing?", 3),
            new("fear", "Is the victim afraid to leave home or of reprisals?", 3),
            new("children", "Are children living in or affected by the situation?", 2),
            new("community-impact", "Is the wider community affected?", 2),
        ],
        HighThreshold = 15,
        MediumThreshold = 8,
    };

    /// <summary>Refuses a matrix that cannot be used: called at start-up, so a bad configuration stops the service.</summary>
    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (Questions.Count == 0) yield return "The risk matrix has no questions.";
        if (Questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count() != Questions.Count)
            yield return "The risk matrix's question ids are not unique.";
        if (Questions.Any(q => string.IsNullOrWhiteSpace(q.Id) || q.Weight < 0))
            yield return "Every risk question needs an id and a weight of 0 or more.";
        if (MediumThreshold <= 0 || HighThreshold <= MediumThreshold)
            yield return "Risk thresholds must satisfy 0 < medium < high.";
    }

    /// <summary>The field errors of a set of answers: every question answered, no unknown question.</summary>
    public IEnumerable<(string Field, string Message)> Check(IReadOnlyDictionary<string, bool>? answers)
    {
        if (answers is null)
        {
            yield return ("answers", "'answers' is required: an object of question id → true/false.");
            yield break;
        }
        foreach (var unknown in answers.Keys.Where(k => Questions.All(q => q.Id != k)))
            yield return ($"answers.{unknown}", $"'{unknown}' is not a question of the risk matrix.");
        foreach (var missing in Questions.Where(q => !answers.ContainsKey(q.Id)))
            yield return ($"answers.{missing.Id}", $"'{missing.Id}' must be answered.");
    }

    public (int Score, RiskLevel Level) Assess(IReadOnlyDictionary<string, bool> answers)
    {
        var score = Questions.Where(q => answers.GetValueOrDefault(q.Id)).Sum(q => q.Weight);
        return (score, score >= HighThreshold ? RiskLevel.High : score >= MediumThreshold ? RiskLevel.Medium : RiskLevel.Low);
    }
}

/// <summary>
/// How often a case must come back to the panel, by risk (<c>CaseManagement:ReviewSchedule</c>). By default high and
/// medium risk cases are reviewed at every monthly panel, low risk ones every three months.
/// </summary>
public sealed class ReviewSchedule : ISettings<ReviewSchedule>
{
    /// <inheritdoc />
    public static string Section => "CaseManagement:ReviewSchedule";


    public int HighMonths { get; set; } = 1;
    public int MediumMonths { get; set; } = 1;
    public int LowMonths { get; set; } = 3;

    public DateOnly NextReviewDue(RiskLevel level, DateOnly from) => from.AddMonths(level switch
    {
        RiskLevel.High => HighMonths,
        RiskLevel.Medium => MediumMonths,
        _ => LowMonths,
    });

    /// <inheritdoc />
    public IEnumerable<string> Faults()
    {
        if (HighMonths < 1 || MediumMonths < 1 || LowMonths < 1) yield return "Review intervals must be at least one month.";
    }
}
