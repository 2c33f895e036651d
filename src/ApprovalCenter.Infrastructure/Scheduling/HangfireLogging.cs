using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Scheduling;

/// <summary>Hangfire's log provider is process-wide (a static), while each app has its own
/// ILoggerFactory. Bound to one app's factory, it breaks every other app in the process once that
/// one stops (ObjectDisposedException: two nodes in one test run, the benchmarks). This provider
/// forwards each call to the factory of the newest app still running, and logs nothing in between.</summary>
public sealed class HangfireLogging : ILogProvider
{
    public static readonly HangfireLogging Instance = new();
    private readonly List<ILoggerFactory> _factories = [];

    private HangfireLogging() { }

    /// <summary>Registers an app's factory; dispose the result when the app stops.</summary>
    public IDisposable Attach(ILoggerFactory factory)
    {
        lock (_factories) _factories.Add(factory);
        return new Detach(this, factory);
    }

    public ILog GetLogger(string name) => new ForwardingLog(this, name);

    private ILoggerFactory? Current { get { lock (_factories) return _factories.Count == 0 ? null : _factories[^1]; } }

    private sealed class Detach(HangfireLogging owner, ILoggerFactory factory) : IDisposable
    {
        public void Dispose() { lock (owner._factories) owner._factories.Remove(factory); }
    }

    private sealed class ForwardingLog(HangfireLogging owner, string name) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (owner.Current is not { } factory) return false;
            var level = logLevel switch
            {
                Hangfire.Logging.LogLevel.Trace => Microsoft.Extensions.Logging.LogLevel.Trace,
                Hangfire.Logging.LogLevel.Debug => Microsoft.Extensions.Logging.LogLevel.Debug,
                Hangfire.Logging.LogLevel.Info => Microsoft.Extensions.Logging.LogLevel.Information,
                Hangfire.Logging.LogLevel.Warn => Microsoft.Extensions.Logging.LogLevel.Warning,
                Hangfire.Logging.LogLevel.Error => Microsoft.Extensions.Logging.LogLevel.Error,
                _ => Microsoft.Extensions.Logging.LogLevel.Critical,
            };
            try
            {
                var logger = factory.CreateLogger(name);
                if (messageFunc is null) return logger.IsEnabled(level);   // LibLog's "is this level on?" probe
                if (!logger.IsEnabled(level)) return false;
                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException) { return false; }   // that app stopped between the two lines
        }
    }
}

/// <summary>Attaches this app's logger factory to <see cref="HangfireLogging"/> while the app runs.
/// Registered before the Hangfire server, so its start-up is logged too.</summary>
public sealed class HangfireLoggingAttachment(ILoggerFactory factory) : Microsoft.Extensions.Hosting.IHostedService
{
    private IDisposable? _attached = HangfireLogging.Instance.Attach(factory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _attached, null)?.Dispose();
        return Task.CompletedTask;
    }
}
