using Microsoft.Extensions.Configuration;

namespace CommunitySafety.AppHost;

/// <summary>What may be chosen when the platform starts (section <c>Platform</c>: appsettings, environment, command line).</summary>
/// <param name="Infrastructure">auto (default), containers or servers.</param>
/// <param name="GatewayPort">The gateway's port on the host (5000).</param>
/// <param name="GatewayInternalPort">The gateway's internal listener, which only the web client calls (5001).</param>
/// <param name="DataVolumes">Containers keep their data in named volumes across runs (true); the tests turn it off.</param>
/// <param name="DatabasePrefix">Before each service's database name, which is the service's name (""); the tests use fresh ones.</param>
public sealed record PlatformSettings(string Infrastructure, int GatewayPort, int GatewayInternalPort, bool DataVolumes, string DatabasePrefix)
{
    public const string HealthPath = "/health";

    public static PlatformSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Platform");
        return new PlatformSettings(
            section["Infrastructure"] ?? "auto",
            section.GetValue("GatewayPort", 5000),
            section.GetValue("GatewayInternalPort", 5001),
            section.GetValue("DataVolumes", true),
            section["DatabasePrefix"] ?? "");
    }

    public string DatabaseOf(string service) => DatabasePrefix + service;
}
