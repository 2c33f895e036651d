using ApprovalCenter.Administration;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Scheduling;

/// <summary>Timers that exhausted their retries. An administrator sees the subject and the error,
/// fixes the cause, and retries: the retry is journaled and goes through the normal firing path.</summary>
public sealed class TimerIncidents(AppDbContext db, DurableTimers timers, TimerJob job, NodeIdentity node)
{
    public Task<List<ScheduledTimer>> ListAsync(CancellationToken ct = default) =>
        db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Failed).OrderBy(t => t.DueAt).ToListAsync(ct);

    /// <summary>Re-arms the failed timer as a new generation and fires it now. Returns null when the
    /// key is not (or no longer) an incident, else the outcome of the firing.</summary>
    public async Task<TimerJob.FireOutcome?> RetryNowAsync(string key, string actorId, string actorName, string? ip, CancellationToken ct = default)
    {
        var timer = await db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.Key == key && t.Status == TimerStatus.Failed, ct);
        if (timer is null) return null;
        var error = timer.LastError;
        var attempts = timer.Attempts;
        await timers.SetAsync(timer.Key, timer.Kind, timer.Subject, timer.DueAt, ct);
        db.Add(new AdminJournalEntry
        {
            At = DateTimeOffset.UtcNow, Actor = actorId, ActorName = actorName, Ip = ip, Action = "timer:retry", Subject = key,
            Summary = $"重试失败的定时器（{timer.Subject}，已失败 {attempts} 次）", Reason = error,
        });
        await db.SaveChangesAsync(ct);
        await timers.FlushAsync(ct);
        db.ChangeTracker.Clear();
        return await job.FireAsync(key, null, node.Id + "/retry", ct);
    }
}
