using CommunitySafety.CaseManagement;
using CommunitySafety.CaseManagement.Audit;
using CommunitySafety.CaseManagement.Panel;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults.DataProtection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService(Platform.CaseManagement, typeof(CaseRoles).Assembly,
    marten => marten.AddCaseStreams(),
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

// Keys that must live outside the database (configuration or a secret store), each a ring with key ids so that it can be
// rotated: the key-encryption key wraps every data key (subjects', case texts'); the index key hashes the blind index.
builder.AddDataKeys("CaseManagement", "it wraps the data keys of case subjects and case text");
builder.Services.AddSingleton<CaseKeys>();
builder.Services.AddSingleton(new CaseIndex(KeyRing.FromConfiguration(builder.Configuration, "CaseManagement", "IndexKey",
    "the key of the similar-case index and of search hashes in the audit", builder.Environment.IsDevelopment())));

// Every request to /api/cases/* is audited (CaseAccessAuditMiddleware); a case write commits its entry with its events.
builder.Services.AddHttpContextAccessor();
builder.Services.ConfigureMarten((services, marten) => marten.Listeners.Add(new AuditWithCaseWrites(services.GetRequiredService<IHttpContextAccessor>())));

var app = builder.Build();
app.UseMiddleware<CaseAccessAuditMiddleware>();
app.MapEventSourcedService();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
