using System.Reflection;
using Wolverine;
using Wolverine.Http;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>
/// The one way a write is written (README, "A use case, the example to follow"), held to across the four services: an
/// endpoint returns its events and the messages it schedules, which leave with its commit; its integration events are
/// published for it by the relay. None sends anything through an <see cref="IMessageBus"/> of its own.
/// </summary>
public sealed class UseCaseShapeTests
{
    private static readonly Assembly[] Services =
    [
        typeof(CommunitySafety.Governance.GovernanceRoles).Assembly,
        typeof(CommunitySafety.Meetings.MeetingsRoles).Assembly,
        typeof(CommunitySafety.CaseManagement.CaseRoles).Assembly,
        typeof(CommunitySafety.Funding.FundingRoles).Assembly,
    ];

    private static IEnumerable<MethodInfo> WriteEndpoints() => Services
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>().Any(a => a is not WolverineGetAttribute));

    [Fact]
    public void The_services_have_write_endpoints_to_check() => Assert.True(WriteEndpoints().Count() > 60);

    [Fact]
    public void No_write_endpoint_publishes_or_schedules_through_a_message_bus_of_its_own()
    {
        var offenders = WriteEndpoints()
            .Where(m => m.GetParameters().Any(p => typeof(IMessageBus).IsAssignableFrom(p.ParameterType)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }
}
