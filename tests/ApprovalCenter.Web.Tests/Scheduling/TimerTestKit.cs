using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Scheduling;

/// <summary>Sets probe timers through the real DurableTimers and reads their effects back from
/// timer_probe_effects, which every node in every process writes to.</summary>
public static class TimerTestKit
{
    public static string NewKey(string purpose) => $"test:{purpose}:{Guid.NewGuid():N}"[..40];

    public static async Task SetAsync(IServiceProvider services, string key, DateTimeOffset due) =>
        await SetManyAsync(services, [(key, due)]);

    public static async Task SetManyAsync(IServiceProvider services, IReadOnlyList<(string Key, DateTimeOffset Due)> timers)
    {
        using var scope = services.CreateScope();
        var durable = scope.ServiceProvider.GetRequiredService<DurableTimers>();
        foreach (var (key, due) in timers) await durable.SetAsync(key, ProbeTimerHandler.KindName, "TEST", due);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await durable.FlushAsync();
    }

    public static async Task CancelAsync(IServiceProvider services, string key)
    {
        using var scope = services.CreateScope();
        var durable = scope.ServiceProvider.GetRequiredService<DurableTimers>();
        await durable.CancelAsync(key);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await durable.FlushAsync();
    }

    public static async Task<ScheduledTimer> TimerAsync(IServiceProvider services, string key)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking().SingleAsync(t => t.Key == key);
    }

    public static async Task<List<TimerProbeEffect>> EffectsAsync(IServiceProvider services, string keyPrefix)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TimerProbeEffect>().AsNoTracking()
            .Where(e => e.Key.StartsWith(keyPrefix)).ToListAsync();
    }

    public static Task<ScheduledTimer> WaitForStatusAsync(IServiceProvider services, string key, TimerStatus status, TimeSpan timeout) =>
        WaitForAsync(services, key, t => t.Status == status, timeout);

    public static async Task<ScheduledTimer> WaitForAsync(IServiceProvider services, string key, Func<ScheduledTimer, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var timer = await TimerAsync(services, key);
            if (condition(timer) || DateTime.UtcNow > until) return timer;
            await Task.Delay(200);
        }
    }

    /// <summary>When a scheduled Hangfire job will be enqueued (state data: Unix milliseconds, or ISO 8601 in old data).</summary>
    public static DateTime EnqueueAt(Hangfire.Storage.Monitoring.JobDetailsDto job)
    {
        var raw = job.History[0].Data["EnqueueAt"];
        return long.TryParse(raw, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : DateTime.Parse(raw, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
    }

    public static async Task<TimerJob.FireOutcome> FireAsync(IServiceProvider services, string key, int? generation)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimerJob>().FireAsync(key, generation, "test", default);
    }
}
