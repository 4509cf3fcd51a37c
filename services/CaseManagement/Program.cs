using CommunitySafety.CaseManagement;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.CaseManagement.Similarity;
using CommunitySafety.Contracts;
using CommunitySafety.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddEventSourcedService("casemanagement", typeof(CaseRoles).Assembly,
    marten => marten.AddCaseStreams(),
    (wolverine, rabbit) =>
    {
        // Governance's events build the register of ISA signatories.
        wolverine.SubscribeToExchange(rabbit, Exchanges.Governance, Queues.GovernanceEvents);
    });
builder.Services.AddSingleton<CommunitySafety.CaseManagement.PersonalData.PersonalDataVault>();
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:RiskMatrix").Get<RiskMatrix>() ?? RiskMatrix.Default).Validated());
builder.Services.AddSingleton((builder.Configuration.GetSection("CaseManagement:ReviewSchedule").Get<ReviewSchedule>() ?? new ReviewSchedule()).Validated());

// The key of the similar-case blind index (base64, 32 bytes). Only Development has a built-in one.
var indexKey = builder.Configuration["CaseManagement:IndexKey"] is { Length: > 0 } configured ? Convert.FromBase64String(configured)
    : builder.Environment.IsDevelopment() ? System.Text.Encoding.UTF8.GetBytes("development-only-blind-index-key!")
    : throw new InvalidOperationException("Set CaseManagement:IndexKey (base64, 32 bytes): the key of the similar-case index.");
builder.Services.AddSingleton(new SimilarCases(new BlindIndex(indexKey)));

var app = builder.Build();
app.MapEventSourcedService();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
