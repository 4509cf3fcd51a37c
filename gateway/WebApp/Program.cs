using CommunitySafety.ServiceDefaults;
using CommunitySafety.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebClient();

var app = builder.Build();
app.UseWebClient();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
