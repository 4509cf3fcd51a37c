namespace CommunitySafety.Governance.Strategy;

public static class StrategyStreams
{
    /// <summary>Assessments and agreements are streams; their inline snapshots are the read models.</summary>
    public static void AddStrategyStreams(this Marten.StoreOptions opts)
    {
        opts.Projections.Snapshot<StrategicAssessment>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CommunitySafetyAgreement>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<StrategicAssessment>().Index(a => a.Year);
        PublicDecision.Configure(opts);
    }
}
