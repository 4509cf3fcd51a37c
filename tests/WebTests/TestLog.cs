using Microsoft.Extensions.Logging;
using Xunit;

namespace CommunitySafety.WebTests;

/// <summary>The site's warnings and errors in the running test's output, so that a failing page says why.</summary>
public sealed class TestLog : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}";
            TestContext.Current.TestOutputHelper?.WriteLine(line);
            if (Environment.GetEnvironmentVariable("WEBTESTS_LOG") is { Length: > 0 } file) File.AppendAllText(file, line + "\n");
        }
    }
}
