using CommunitySafety.CaseManagement.Retention;
using CommunitySafety.CaseManagement.Risk;
using CommunitySafety.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Settings are bound one way (<see cref="SettingsRegistration.AddSettings{T}"/>) and checked when the service starts.</summary>
public sealed class SettingsTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSettings<RetentionPolicy>();
        builder.AddSettings(() => RiskMatrix.Default);
        return builder.Build();
    }

    [Fact]
    public async Task A_setting_the_service_cannot_work_with_stops_it_starting_and_says_which()
    {
        using var host = Host(new() { ["CaseManagement:Retention:Years"] = "0" });
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("CaseManagement:Retention: The retention period must be at least one year.", refused.Failures);
    }

    [Fact]
    public async Task Settings_are_bound_from_their_section_and_served_as_themselves()
    {
        using var host = Host(new() { ["CaseManagement:Retention:Years"] = "8" });
        await host.StartAsync();
        Assert.Equal(8, host.Services.GetRequiredService<RetentionPolicy>().Years);
        Assert.Same(host.Services.GetRequiredService<IOptions<RetentionPolicy>>().Value, host.Services.GetRequiredService<RetentionPolicy>());
        await host.StopAsync();
    }

    [Fact]
    public async Task A_section_that_says_nothing_starts_from_the_defaults_given_and_one_that_says_something_from_nothing()
    {
        using (var host = Host([]))
        {
            await host.StartAsync();
            Assert.Equal(RiskMatrix.Default.Questions, host.Services.GetRequiredService<RiskMatrix>().Questions);
            Assert.Equal(6, host.Services.GetRequiredService<RetentionPolicy>().Years);
            await host.StopAsync();
        }

        using var configured = Host(new()
        {
            ["CaseManagement:RiskMatrix:Questions:0:Id"] = "q", ["CaseManagement:RiskMatrix:Questions:0:Text"] = "Q?",
            ["CaseManagement:RiskMatrix:Questions:0:Weight"] = "3",
            ["CaseManagement:RiskMatrix:MediumThreshold"] = "1", ["CaseManagement:RiskMatrix:HighThreshold"] = "2",
        });
        await configured.StartAsync();
        Assert.Equal("q", Assert.Single(configured.Services.GetRequiredService<RiskMatrix>().Questions).Id);
        await configured.StopAsync();
    }
}
