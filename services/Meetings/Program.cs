using CommunitySafety.Meetings;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMeetings();

var app = builder.Build();
app.UseMeetings();
return await app.RunEventSourcedService(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
