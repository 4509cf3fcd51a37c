using CommunitySafety.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>A refusal is logged by its rule and path: its detail, which may quote people, stays out of the logs.</summary>
public sealed class ProblemLoggingTests
{
    [Fact]
    public async Task A_refusal_is_logged_with_its_rule_and_path_but_not_its_detail_naming_a_person()
    {
        var logger = new CapturingLogger();
        var handler = new ProblemExceptionHandler(new AlwaysWrites(), logger);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/governance/bodies/8a1f/members/3c2e/substitutes";

        Assert.True(await handler.TryHandleAsync(context,
            new DomainRuleViolation("membership-ended", "The membership of Jo Bloggs ended on 01/12/2026."), CancellationToken.None));

        var line = Assert.Single(logger.Lines);
        Assert.Contains("membership-ended", line);
        Assert.Contains("/api/governance/bodies/8a1f/members/3c2e/substitutes", line);
        Assert.DoesNotContain("Jo Bloggs", line);
        Assert.Equal(409, context.Response.StatusCode);
    }

    private sealed class AlwaysWrites : IProblemDetailsService
    {
        public ValueTask WriteAsync(ProblemDetailsContext context) => ValueTask.CompletedTask;
        public ValueTask<bool> TryWriteAsync(ProblemDetailsContext context) => ValueTask.FromResult(true);
    }

    private sealed class CapturingLogger : ILogger<ProblemExceptionHandler>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
