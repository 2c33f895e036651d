using ApprovalCenter.Clock;
using ApprovalCenter.Configuration;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalCenter.Scheduling;

/// <summary>All background work runs on Hangfire with its storage in our PostgreSQL database
/// (schema "hangfire", installed by our migrator under its advisory lock). Every node runs a
/// Hangfire server and the timer sweeper; nothing that matters is node-local.</summary>
public static class BackgroundJobsSetup
{
    public const string SchemaName = "hangfire";
    public static readonly string[] Queues = ["timers", "default"];

    /// <summary>Storage options that build around Hangfire.PostgreSql's crash behaviour (stack.md §8):
    /// a sliding invisibility timeout so a dead server's jobs come back in minutes, not 30; a short
    /// lock timeout so a lock row left by a killed node blocks for about a minute, not ten.</summary>
    public static PostgreSqlStorageOptions StorageOptions(SchedulerOptions o) => new()
    {
        SchemaName = SchemaName,
        PrepareSchemaIfNecessary = false,
        QueuePollInterval = TimeSpan.FromMilliseconds(100),
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(Math.Clamp(o.InvisibilityTimeoutSeconds, 60, 300)),
        DistributedLockTimeout = TimeSpan.FromSeconds(Math.Max(5, o.DistributedLockTimeoutSeconds)),
    };

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, SchedulerOptions options, string connectionString)
    {
        services.AddSingleton(options);
        services.AddSingleton<NodeIdentity>();
        services.TryAddSingleton(BusinessClock.System);
        // Our own storage and activator instances, registered before AddHangfire (which only TryAdds
        // its static JobStorage.Current / JobActivator.Current): two apps in one process (tests, the
        // benchmarks) then never share a database or a service container by accident.
        var storageOptions = StorageOptions(options);
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(HangfireLogging.Instance));
        services.AddHostedService<HangfireLoggingAttachment>();
        services.AddScoped<DurableTimers>();
        services.AddScoped<TimerJob>();
        services.AddScoped<TimerReconciler>();
        services.AddScoped<TimerIncidents>();
        services.AddRecurringJob<TimerReconciler>(TimerReconciler.RecurringId, j => j.ReconcileAsync(CancellationToken.None), "*/5 * * * *");
        if (options.ProbeTimers) services.AddSingleton<ITimerHandler, ProbeTimerHandler>();
        if (options.Enabled)
        {
            services.AddHangfireServer((sp, s) =>
            {
                s.ServerName = sp.GetRequiredService<NodeIdentity>().Id;
                s.WorkerCount = Math.Max(1, options.WorkerCount);
                s.Queues = Queues;
                s.SchedulePollingInterval = TimeSpan.FromSeconds(Math.Max(0.2, options.SchedulePollingIntervalSeconds));
                s.HeartbeatInterval = TimeSpan.FromSeconds(5);
                s.ServerTimeout = TimeSpan.FromSeconds(30);
                s.ServerCheckInterval = TimeSpan.FromSeconds(10);
                s.Activator = sp.GetRequiredService<JobActivator>();
            });
            services.AddHostedService<TimerSweeper>();
        }
        services.AddHealthChecks().AddCheck<BackgroundJobsHealthCheck>("background-jobs", tags: ["ready"]);
        return services;
    }
}
