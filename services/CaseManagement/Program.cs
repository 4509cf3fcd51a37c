using CommunitySafety.CaseManagement;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCaseManagement();

var app = builder.Build();
app.UseCaseManagement();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
