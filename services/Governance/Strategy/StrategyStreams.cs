namespace CommunitySafety.Governance.Strategy;

public static class StrategyStreams
{
    /// <summary>Assessments and agreements are streams with inline snapshots; an assessment is read from its own view (<see cref="StrategicAssessmentView"/>), an agreement from its snapshot.</summary>
    public static void AddStrategyStreams(this Marten.StoreOptions opts)
    {
        opts.Projections.Snapshot<StrategicAssessment>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<StrategicAssessmentView>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<CommunitySafetyAgreement>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        opts.Schema.For<StrategicAssessment>().Index(a => a.Year);
        opts.Schema.For<StrategicAssessmentView>().Index(a => a.Year);
        PublicDecision.Configure(opts);
    }
}
