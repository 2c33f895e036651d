using System.Globalization;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Bench;

/// <summary>
/// The whole app on a fresh database of the benchmark PostgreSQL (APPROVALCENTER_BENCH_PG, set by
/// ./build.sh bench): the tests' <see cref="AppFactory"/> pointed at the bench cluster, logging
/// at Warning so 100,000 "timer fired" lines do not become the benchmark. The database is dropped
/// on dispose.
/// </summary>
public sealed class BenchApp : AppFactory
{
    private readonly Action<IServiceCollection>? _services;
    private readonly int? _kestrelPort;

    private BenchApp(string database, Action<IServiceCollection>? services, int? kestrelPort) : base(database)
    {
        _services = services;
        _kestrelPort = kestrelPort;
        With("Logging:LogLevel:Default", "Warning");
        With("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        // A fresh database always "fails" the first migrations-history query; failed commands still throw.
        With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical");
        With("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        With("ApprovalCenter:RateLimits:PublicApiPerMinute", "1000000");
    }

    /// <param name="settings">Extra configuration, applied before the app starts (it starts here).</param>
    public static BenchApp Create(string purpose, Action<IServiceCollection>? services = null, bool kestrel = false,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var admin = Environment.GetEnvironmentVariable("APPROVALCENTER_BENCH_PG")
            ?? throw new InvalidOperationException("APPROVALCENTER_BENCH_PG is not set: run through ./build.sh bench <name>");
        // TestDatabase reads the admin connection string from the tests' variable.
        Environment.SetEnvironmentVariable("APPROVALCENTER_TEST_PG", admin);
        // A console app has no test-assembly content-root attribute; point the factory at the web project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_APPROVALCENTER_WEB",
            Path.Combine(BenchmarkRegistry.RepositoryRoot(), "src", "ApprovalCenter.Web"));
        var app = new BenchApp(TestDatabase.NewName("b" + purpose), services, kestrel ? FreePort.Next() : null);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) app.With(key, value);
        if (app._kestrelPort is { } port)
        {
            app.UseKestrel(port);
            app.StartServer();
        }
        else
        {
            _ = app.Services;   // migrate and seed now, outside any timing
        }
        return app;
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{_kestrelPort}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_services is { } configure) builder.ConfigureTestServices(configure);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAllAsync();
    }

    /// <summary>"--name=value" from the command line (after the benchmark names), else the default.</summary>
    public static int IntOption(string name, int fallback)
    {
        var prefix = $"--{name}=";
        var arg = Environment.GetCommandLineArgs().FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal));
        return arg is not null && int.TryParse(arg[prefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
