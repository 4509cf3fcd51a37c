namespace CommunitySafety.Governance.Strategy;

/// <summary>Where the strategy cycle's resources are.</summary>
public static class StrategyUrls
{
    public const string Base = "/api/governance/strategy";
    public const string Assessments = Base + "/assessments";
    public const string Agreements = Base + "/agreements";

    public static string Agreement(Guid id) => $"{Agreements}/{id}";
    public static string Plan(Guid id) => $"{Agreement(id)}/plan";

    internal static async Task<IReadOnlyDictionary<Guid, StrategicAssessment>> LoadAssessments(IQuerySession session, IEnumerable<Guid> ids,
        CancellationToken ct) =>
        (await session.LoadManyAsync<StrategicAssessment>(ct, ids.ToArray())).ToDictionary(a => a.Id);
}
