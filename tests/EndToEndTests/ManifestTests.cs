using CommunitySafety.Contracts;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CommunitySafety.TestSupport;
using Xunit;

namespace CommunitySafety.EndToEndTests;

/// <summary>
/// The AppHost publishes its model: `--publisher manifest` writes the JSON manifest a deployment tool reads, for either
/// kind of infrastructure. Each manifest is kept under .test-results/artefacts/.
/// </summary>
public sealed class ManifestTests
{
    private static readonly string[] Projects = [.. Platform.Services.Select(s => s.Name), "gateway", "web"];

    [Theory]
    [InlineData("servers")]
    [InlineData("containers")]
    public async Task The_AppHost_publishes_a_manifest_with_every_service_its_database_and_the_broker(string infrastructure)
    {
        var manifest = await PublishAsync(infrastructure);
        var resources = manifest["resources"]!.AsObject();

        foreach (var project in Projects)
            Assert.Equal("project.v0", resources[project]?["type"]?.GetValue<string>());
        foreach (var service in Projects.Where(p => p is not ("gateway" or "web")))
        {
            var environment = resources[service]!["env"]!.AsObject();
            Assert.Equal($"{{{service}-db.connectionString}}", environment[$"ConnectionStrings__{service}"]?.GetValue<string>());
            Assert.Equal("{messaging.connectionString}", environment["ConnectionStrings__messaging"]?.GetValue<string>());
            Assert.Contains(service, resources["gateway"]!["env"]!.AsObject().Select(e => e.Key).Where(k => k.StartsWith("services__", StringComparison.Ordinal)).Select(k => k.Split("__")[1]));
        }
        Assert.True(resources["gateway"]!["bindings"]!["http"]!["external"]!.GetValue<bool>(), "the gateway is the public entry point");
        // the web client behind the gateway at /, calling the services back through the gateway's internal listener only
        Assert.False(resources["gateway"]!["bindings"]!["internal"]!["external"]?.GetValue<bool>() ?? false, "the internal listener is not public");
        Assert.Contains("services__web__http__0", resources["gateway"]!["env"]!.AsObject().Select(e => e.Key));
        var web = resources["web"]!["env"]!.AsObject();
        Assert.Contains("services__gateway__internal__0", web.Select(e => e.Key));
        Assert.DoesNotContain(web, e => e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal));

        if (infrastructure == "servers")
        {
            // connection strings built from the servers' parameters, secrets with no default published
            Assert.Equal("parameter.v0", resources["postgres-server"]!["type"]!.GetValue<string>());
            Assert.True(resources["postgres-server"]!["inputs"]!["value"]!["secret"]!.GetValue<bool>());
            Assert.Equal("parameter.v0", resources["rabbitmq-server"]!["type"]!.GetValue<string>());
            Assert.Equal("{postgres-server.value};Database=governance", resources["governance-db"]!["connectionString"]!.GetValue<string>());
            Assert.Equal("{rabbitmq-server.value}", resources["messaging"]!["connectionString"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal("container.v0", resources["postgres"]!["type"]!.GetValue<string>());
            Assert.EndsWith(":15", resources["postgres"]!["image"]!.GetValue<string>());
            Assert.Equal("{postgres.connectionString};Database=governance", resources["governance-db"]!["connectionString"]!.GetValue<string>());
            Assert.Equal("container.v0", resources["messaging"]!["type"]!.GetValue<string>());
        }
    }

    private static async Task<JsonNode> PublishAsync(string infrastructure)
    {
        var output = Path.Combine(Repository.Root, ".test-results", "artefacts", $"aspire-manifest-{infrastructure}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.Delete(output);
        var dll = Path.Combine(Repository.Root, "apphost", "bin", Repository.Configuration, "net10.0", "CommunitySafety.AppHost.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            [dll, "--publisher", "manifest", "--output-path", output, $"--Platform:Infrastructure={infrastructure}"])
        {
            WorkingDirectory = Path.Combine(Repository.Root, "apphost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var texts = await log;
        Assert.True(process.ExitCode == 0, $"the manifest publisher exited with {process.ExitCode}:\n{texts[0]}\n{texts[1]}");
        return JsonNode.Parse(await File.ReadAllTextAsync(output))!;
    }
}
