namespace CommunitySafety.Contracts;

/// <summary>A service of the platform: what the AppHost starts, the gateway routes to and the tests find, said once.</summary>
/// <param name="Name">
/// Its name everywhere: the AppHost's resource, its database and that database's connection string
/// (<c>ConnectionStrings:{Name}</c>), its address for the gateway (<c>services__{Name}__http__0</c>), its OpenAPI
/// document at the gateway (<c>/openapi/{Name}.json</c>).
/// </param>
/// <param name="ApiPrefix">The path it owns behind the gateway: <c>/api/{ApiPrefix}/...</c>.</param>
/// <param name="Title">Its name for people (the API reference, the dashboard).</param>
/// <param name="Project">Its project file, from the repository's root.</param>
public sealed record PlatformService(string Name, string ApiPrefix, string Title, string Project)
{
    /// <summary>The root of its API: <c>/api/{ApiPrefix}</c>.</summary>
    public string ApiBase => "/api/" + ApiPrefix;
}

/// <summary>The platform's manifest: its four services. The AppHost, the gateway, the services and the tests read it.</summary>
public static class Platform
{
    /// <summary>Bodies, organisations, terms of reference, the strategy and plan, webhooks for agencies.</summary>
    public static readonly PlatformService Governance = new("governance", "governance", "Governance", "services/Governance/Governance.csproj");

    /// <summary>Meetings, agendas, attendance, minutes, decisions, actions, residents' questions.</summary>
    public static readonly PlatformService Meetings = new("meetings", "meetings", "Meetings", "services/Meetings/Meetings.csproj");

    /// <summary>The ASB case panel: referrals, risk, interventions, reviews, shared only between ISA signatories.</summary>
    public static readonly PlatformService CaseManagement = new("casemanagement", "cases", "Case management", "services/CaseManagement/CaseManagement.csproj");

    /// <summary>The Crime Reduction Grant: streams, bids, awards, payments, monitoring.</summary>
    public static readonly PlatformService Funding = new("funding", "funding", "Funding", "services/Funding/Funding.csproj");

    /// <summary>All four, in the order they are started and listed.</summary>
    public static readonly IReadOnlyList<PlatformService> Services = [Governance, Meetings, CaseManagement, Funding];
}
