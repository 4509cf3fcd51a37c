using CommunitySafety.Governance;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGovernance();

var app = builder.Build();
app.UseGovernance();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
