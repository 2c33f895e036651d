using ApprovalCenter.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ApprovalCenter.Scheduling;

/// <summary>Quartz with its clustered store in the application's PostgreSQL database. Every node
/// runs a scheduler; the cluster makes sure each trigger fires on exactly one of them.</summary>
public static class SchedulerSetup
{
    public static IServiceCollection AddApprovalScheduler(this IServiceCollection services, SchedulerOptions options, string connectionString)
    {
        var instanceId = options.InstanceId is "AUTO" or ""
            ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
            : options.InstanceId;
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.InstanceName;
                s.InstanceId = instanceId;
                // Acquire due triggers in batches: one store lock round trip per batch instead of per
                // trigger, which is what limits firing throughput on the clustered ADO store.
                s.MaxBatchSize = options.MaxBatchSize;
                s.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromSeconds(1);
            });
            q.UseDefaultThreadPool(options.ThreadCount);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(options.CheckinIntervalSeconds);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.CheckinIntervalSeconds * 2);
                });
                // The qrtz_* tables are created by our own EF migration (QuartzSchema), so that one
                // migration path under one advisory lock sets up the whole database.
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.Validate);
            });
            q.AddJob<TimerReconciler>(j => j.WithIdentity(TimerReconciler.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(TimerReconciler.Key).WithIdentity("timer-reconciler", "system")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(10))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(5)).RepeatForever()));
        });
        services.AddScoped<DurableTimers>();
        services.TryAddSingleton(ApprovalCenter.Clock.BusinessClock.System);
        if (options.Enabled)
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]);
        return services;
    }
}

/// <summary>Ready when this node's scheduler is started and not in standby.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var scheduler = await factory.GetScheduler(ct);
            var meta = await scheduler.GetMetadata(ct);
            var data = new Dictionary<string, object>
            {
                ["instanceId"] = meta.SchedulerInstanceId,
                ["status"] = meta.Status.ToString(),
                ["clustered"] = meta.JobStoreClustered,
                ["persistent"] = meta.JobStorePersistent,
            };
            if (meta.Status != SchedulerStatus.Running)
                return HealthCheckResult.Unhealthy("调度器未运行 (scheduler not started)", data: data);
            return HealthCheckResult.Healthy("调度器运行中", data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("调度器不可用 (scheduler unavailable)", e);
        }
    }
}
