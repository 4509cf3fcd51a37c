// Aspire 13 AppHost: runs the platform locally (Postgres, RabbitMQ, the services and the gateway).
//
// NOT BUILT on the project's machines or in CI: the NuGet mirror has no Aspire package
// (Aspire.AppHost.Sdk, Aspire.Hosting.*): it is in CommunitySafety.sln but not in
// CommunitySafety.Local.slnf, which the local scripts and CI build.
// Every call below was checked by hand against the dotnet/aspire sources at tag v13.1.3
// (commit 1a4acf7da09a01ca4312f0dd6e6b72965a15e889), the version pinned in AppHost.csproj and
// Directory.Packages.props, and is unchanged in signature on main at d44e195d (13.3.0-preview).
//
// What the services get (env var names are set by Aspire's WithReference):
//   governance, meetings: ConnectionStrings__<db>   Npgsql keyword string
//                           "Host=..;Port=..;Username=postgres;Password=..;Database=<db>"
//                         ConnectionStrings__messaging   "amqp://guest:<password>@<host>:<port>"
//   gateway:              services__governance__http__0, services__meetings__http__0
//                         (and __https__0 when the service's launch profile has an https URL)
// The database resources are called "<db>-db" because Aspire resource names must be unique
// (case-insensitive) across the whole app model, and "governance"/"meetings" are the project
// names; the connectionName argument keeps the env var ConnectionStrings__governance etc.

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres")
    .WithDataVolume();

var governanceDb = postgres.AddDatabase("governance-db", databaseName: "governance");
var meetingsDb = postgres.AddDatabase("meetings-db", databaseName: "meetings");
var casemanagementDb = postgres.AddDatabase("casemanagement-db", databaseName: "casemanagement");
var fundingDb = postgres.AddDatabase("funding-db", databaseName: "funding");

var messaging = builder.AddRabbitMQ("messaging")
    .WithManagementPlugin();

var governance = builder.AddProject<Projects.Governance>("governance")
    .WithReference(governanceDb, connectionName: "governance")
    .WithReference(messaging)
    .WaitFor(governanceDb)
    .WaitFor(messaging);

var meetings = builder.AddProject<Projects.Meetings>("meetings")
    .WithReference(meetingsDb, connectionName: "meetings")
    .WithReference(messaging)
    .WaitFor(meetingsDb)
    .WaitFor(messaging);

var casemanagement = builder.AddProject<Projects.CaseManagement>("casemanagement")
    .WithReference(casemanagementDb, connectionName: "casemanagement")
    .WithReference(messaging)
    .WaitFor(casemanagementDb)
    .WaitFor(messaging);

var funding = builder.AddProject<Projects.Funding>("funding")
    .WithReference(fundingDb, connectionName: "funding")
    .WithReference(messaging)
    .WaitFor(fundingDb)
    .WaitFor(messaging);

builder.AddProject<Projects.Gateway>("gateway")
    .WithReference(governance)
    .WithReference(meetings)
    .WithReference(casemanagement)
    .WithReference(funding)
    .WaitFor(governance)
    .WaitFor(meetings)
    .WaitFor(casemanagement)
    .WaitFor(funding)
    .WithExternalHttpEndpoints();

builder.Build().Run();
