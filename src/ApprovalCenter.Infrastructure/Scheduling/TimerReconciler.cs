using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Scheduling;

/// <summary>Hands to Hangfire any pending timer that never got its job (the node died between
/// committing the timer and scheduling it). A recurring Hangfire job every few minutes; running it
/// on two nodes at once only schedules a spare wake-up, which finds nothing to claim.</summary>
public sealed class TimerReconciler(AppDbContext db, IBackgroundJobClient jobs, BusinessClock clock, ILogger<TimerReconciler> log)
{
    public const string RecurringId = "timer-reconciler";
    /// <summary>Rows changed this recently may simply not be flushed yet: leave them.</summary>
    public static TimeSpan SettleTime { get; set; } = TimeSpan.FromMinutes(2);

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var repaired = 0;
        var after = "";
        while (true)
        {
            var settled = DateTimeOffset.UtcNow - SettleTime;
            var batch = await db.Set<ScheduledTimer>().AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.JobId == null && t.UpdatedAt < settled && string.Compare(t.Key, after) > 0)
                .OrderBy(t => t.Key).Take(500).Select(t => new { t.Key, t.Generation, t.DueAt }).ToListAsync(ct);
            if (batch.Count == 0) break;
            var now = clock.GetUtcNow();
            var rows = batch.Select(t => (t.Key, t.Generation, TimerJob.Schedule(jobs, t.Key, t.Generation, t.DueAt - now))).ToList();
            await DurableTimers.RecordJobIdsAsync(db, rows, ct);
            repaired += rows.Count;
            after = batch[^1].Key;
            if (batch.Count < 500) break;
        }
        if (repaired > 0) log.LogWarning("Handed {Count} timer(s) without a job to Hangfire", repaired);
        return repaired;
    }
}
