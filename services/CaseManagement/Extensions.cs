using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.Panel;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Signatories;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults.DataProtection;
using JasperFx.Events.Projections;

namespace CommunitySafety.CaseManagement;

/// <summary>
/// CaseManagement composed in one place: its streams, projections and documents; the queues it listens to; its
/// settings and keys. <c>Program.cs</c> only calls <see cref="AddCaseManagement"/> and <see cref="UseCaseManagement"/>.
/// </summary>
public static class CaseManagementExtensions
{
    /// <summary>The queues CaseManagement listens to.</summary>
    public static class Queues
    {
        /// <summary>Governance's events (the register of ISA signatories).</summary>
        public const string GovernanceEvents = "casemanagement.governance-events";

        /// <summary>The local, durable queue of scheduled review checks and retention erasures.</summary>
        public const string Schedules = "casemanagement-schedules";
    }

    /// <summary>Everything CaseManagement needs, registered on the service's builder.</summary>
    /// <param name="builder">The service's builder.</param>
    public static WebApplicationBuilder AddCaseManagement(this WebApplicationBuilder builder)
    {
        builder.AddEventSourcedService(Platform.CaseManagement, typeof(CaseManagementExtensions).Assembly, AddStreams,
            (wolverine, rabbit) =>
            {
                // Governance's events build the register of ISA signatories.
                wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);
                // Review checks and retention erasures are scheduled months or years ahead: persisted, they survive restarts.
                wolverine.LocalQueue(Queues.Schedules).UseDurableInbox();
                wolverine.PublishMessage<ReviewDueCheck>().ToLocalQueue(Queues.Schedules);
                wolverine.PublishMessage<RetentionDue>().ToLocalQueue(Queues.Schedules);
                // No integration events: case events carry (sealed) personal data and never leave CaseManagement.
            });
        builder.AddSettings(() => RiskMatrix.Default);
        builder.AddSettings<ReviewSchedule>();
        builder.AddSettings<RetentionPolicy>();

        // Keys that must live outside the database (configuration or a secret store), each a ring with key ids so that it
        // can be rotated: the key-encryption key wraps every data key (subjects', case texts'); the index key hashes the
        // blind index.
        builder.AddDataKeys("CaseManagement", "it wraps the data keys of case subjects and case text");
        builder.Services.AddSingleton<CaseKeys>();
        builder.Services.AddSingleton(new CaseIndex(KeyRing.FromConfiguration(builder.Configuration, "CaseManagement", "IndexKey",
            "the key of the similar-case index and of search hashes in the audit", builder.Environment.IsDevelopment())));

        // Every request to /api/cases/* is audited (CaseAccessAuditMiddleware); a case write commits its entry with its events.
        builder.Services.AddHttpContextAccessor();
        builder.Services.ConfigureMarten((services, marten) =>
            marten.Listeners.Add(new AuditWithCaseWrites(services.GetRequiredService<IHttpContextAccessor>())));
        return builder;
    }

    /// <summary>CaseManagement's request pipeline: the access audit around its endpoints.</summary>
    /// <param name="app">The service.</param>
    public static WebApplication UseCaseManagement(this WebApplication app)
    {
        app.UseMiddleware<CaseAccessAuditMiddleware>();
        app.MapEventSourcedService();
        return app;
    }

    private static void AddStreams(StoreOptions opts)
    {
        opts.Projections.Snapshot<CaseFile>(SnapshotLifecycle.Inline);
        // what the case reads show (its history lists), kept with every write of the case
        opts.Projections.Snapshot<CaseFileView>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PanelSitting>(SnapshotLifecycle.Inline);
        // what the sitting reads show (agenda, reviews, attendance)
        opts.Projections.Snapshot<PanelSittingView>(SnapshotLifecycle.Inline);
        opts.Schema.For<CaseFileView>().Index(c => c.Status);
        // The access audit: one document per request and case, written by the audit middleware only.
        opts.Schema.For<AuditEntry>().Index(a => a.CaseId).Index(a => a.OrganisationId).Index(a => a.At);
        opts.Schema.For<IsaSignatory>();
        opts.Schema.For<SubjectIndexEntry>().Index(e => e.NameAndBirth).Index(e => e.Address).Index(e => e.CaseId);
        opts.Schema.For<LocationIndexEntry>().Index(e => e.Address).Index(e => e.CaseId);
    }
}
