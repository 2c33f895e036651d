using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ApprovalCenter.Scheduling;

/// <summary>Recreates the Quartz trigger of any pending timer that lost it (for instance when a
/// node died between saving a timer and scheduling it). Runs at startup and every few minutes;
/// the cluster runs it on one node at a time.</summary>
[DisallowConcurrentExecution]
public sealed class TimerReconciler(AppDbContext db, ILogger<TimerReconciler> log) : IJob
{
    public static readonly JobKey Key = new("timer-reconciler", "system");
    public static TimeSpan SettleTime { get; set; } = TimeSpan.FromMinutes(2);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default) => await ReconcileAsync(context.Scheduler, ct);

    public async Task<int> ReconcileAsync(IScheduler scheduler, CancellationToken ct)
    {
        var repaired = 0;
        string? after = null;
        while (true)
        {
            // Rows changed in the last minutes may simply not be flushed to Quartz yet: leave them.
            var settled = DateTimeOffset.UtcNow - SettleTime;
            var q = db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Pending && t.UpdatedAt < settled);
            if (after is not null) q = q.Where(t => string.Compare(t.Key, after) > 0);
            var batch = await q.OrderBy(t => t.Key).Take(500).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var timer in batch)
            {
                var existing = await scheduler.GetJobDetail(new JobKey(timer.Key, DurableTimers.JobGroup), ct);
                if (existing is not null && existing.JobDataMap.TryGetValue(CaseTimerJob.GenerationKey, out var g)
                    && g as string == timer.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture)) continue;
                await DurableTimers.ScheduleTriggerAsync(scheduler, timer, timer.DueAt, ct);
                repaired++;
            }
            after = batch[^1].Key;
        }
        if (repaired > 0) log.LogWarning("Recreated {Count} missing timer trigger(s)", repaired);
        return repaired;
    }
}
