using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Testing;

/// <summary>Writes the app's errors (with their exceptions) to NUnit's progress output at once, so a
/// test that sees a 500 shows why; the console logger writes late, from its own thread.</summary>
public sealed class ProgressErrorLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);
    public void Dispose() { }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[app {logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}";
            TestContext.Progress.WriteLine(line);
            if (Environment.GetEnvironmentVariable("APPROVALCENTER_TEST_OUTPUT") is { } dir)
                lock (typeof(ProgressErrorLoggerProvider)) File.AppendAllText(Path.Combine(dir, "app-errors.log"), line + Environment.NewLine);
        }
    }
}
