using CommunitySafety.CaseManagement;
using CommunitySafety.CaseManagement.Panel;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults;
using Wolverine;
using Wolverine.ErrorHandling;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService("casemanagement", typeof(CaseRoles).Assembly,
    marten => marten.AddCaseStreams(),
    (wolverine, rabbit) =>
    {
        // Governance's events build the register of ISA signatories.
        wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);
        // Review checks and retention erasures are scheduled months or years ahead: persisted, they survive restarts.
        wolverine.LocalQueue(Queues.Schedules).UseDurableInbox();
        wolverine.PublishMessage<ReviewDueCheck>().ToLocalQueue(Queues.Schedules);
        wolverine.PublishMessage<RetentionDue>().ToLocalQueue(Queues.Schedules);
        // A check racing a user's write on the same case retries, reading the case afresh.
        wolverine.OnException<JasperFx.ConcurrencyException>().RetryWithCooldown(
            TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    });
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:RiskMatrix").Get<RiskMatrix>() ?? RiskMatrix.Default).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:ReviewSchedule").Get<ReviewSchedule>() ?? new ReviewSchedule()).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:Retention").Get<RetentionPolicy>() ?? new RetentionPolicy()).Validated());

// Keys that must live outside the database (base64, 32 bytes each). Only Development has built-in ones.
byte[] Secret(string name, string purpose)
{
    var key = builder.Configuration[name] is { Length: > 0 } configured ? Convert.FromBase64String(configured)
        : builder.Environment.IsDevelopment() ? System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("development-only:" + name))
        : throw new InvalidOperationException($"Set {name} (base64, 32 bytes): {purpose}.");
    return key.Length == 32 ? key : throw new InvalidOperationException($"{name} must be 32 bytes (base64), not {key.Length}: {purpose}.");
}
builder.Services.AddSingleton(new PersonalDataVault(Secret("CaseManagement:KeyEncryptionKey", "the key that wraps subjects' data keys")));
builder.Services.AddSingleton(new SimilarCases(new BlindIndex(Secret("CaseManagement:IndexKey", "the key of the similar-case index"))));

var app = builder.Build();
app.MapEventSourcedService();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
