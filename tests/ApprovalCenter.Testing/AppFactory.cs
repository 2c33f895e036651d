using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Testing;

/// <summary>The real app on its own throw-away PostgreSQL database, in the Development
/// environment (demo accounts seeded), with a unique node id. Timers follow the business clock:
/// a test that moves <see cref="Clock"/> past a deadline sees the sweeper fire it within a second or two.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public string DatabaseName { get; }
    public string ConnectionString => TestDatabase.ConnectionStringFor(DatabaseName);
    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("ac-test-data-").FullName;
    private readonly Dictionary<string, string?> _settings = new();
    /// <summary>The client address the app sees (TestServer has none): loopback, as for an
    /// operator on the machine; set another to test what a remote client is shown.</summary>
    public string ClientAddress { get; init; } = "127.0.0.1";
    /// <summary>Set to make the app read a controllable clock.</summary>
    public TestClock? Clock { get; init; }

    public AppFactory(string? databaseName = null) => DatabaseName = databaseName ?? TestDatabase.NewName();

    // Every app would otherwise hold inotify instances for its configuration and file providers; a
    // run keeps dozens of apps alive and the kernel allows a user 128. Polling needs none.
    static AppFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    /// <summary>Extra configuration, applied before the app reads its options.</summary>
    public AppFactory With(string key, string? value) { _settings[key] = value; return this; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ApprovalCenter:Database:ConnectionString", ConnectionString);
        builder.UseSetting("ApprovalCenter:Database:Password", null);
        builder.UseSetting("ApprovalCenter:DataDirectory", DataDirectory);
        builder.UseSetting("ApprovalCenter:Scheduler:InstanceId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        // Tests move business time in jumps: sweep often, with no grace, so due timers follow at once.
        builder.UseSetting("ApprovalCenter:Scheduler:SweepIntervalSeconds", "0.5");
        builder.UseSetting("ApprovalCenter:Scheduler:SweepGraceSeconds", "0");
        builder.UseSetting("ApprovalCenter:Scheduler:WorkerCount", "2");
        builder.UseSetting("ApprovalCenter:Clock:SyncIntervalSeconds", "0.5");
        builder.UseSetting("ApprovalCenter:Scheduler:ProbeTimers", "true");
        // Tests sign in many times from one address; the limiter itself has its own test.
        builder.UseSetting("ApprovalCenter:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("ApprovalCenter:RateLimits:SignedInApiPerMinute", "100000");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureLogging(l => l.AddProvider(new ProgressErrorLoggerProvider()));
        var client = System.Net.IPAddress.Parse(ClientAddress);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressFilter(client)));
        if (Clock is { } clock)
            builder.ConfigureTestServices(s => s.AddSingleton<ApprovalCenter.Clock.BusinessClock>(clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        TestDatabase.ClearPool(DatabaseName);
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Gives every test request a remote address, before the app's own pipeline runs.</summary>
internal sealed class ClientAddressFilter(System.Net.IPAddress address) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((ctx, nextMiddleware) =>
        {
            ctx.Connection.RemoteIpAddress ??= address;
            return nextMiddleware(ctx);
        });
        next(app);
    };
}
