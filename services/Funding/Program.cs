using CommunitySafety.Funding;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddFunding();

var app = builder.Build();
app.UseFunding();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
