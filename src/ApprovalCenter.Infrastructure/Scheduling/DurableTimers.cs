using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Scheduling;

/// <summary>Sets and cancels durable timers. Usage, so that the timer rows commit with the
/// caller's own changes: <c>timers.Set(...); await db.SaveChangesAsync(); await timers.FlushAsync();</c>
/// If the process dies between the two, the sweeper still fires the timer once it is due, and
/// <see cref="TimerReconciler"/> hands it to Hangfire.</summary>
public sealed class DurableTimers(AppDbContext db, IBackgroundJobClient jobs, BusinessClock clock, ILogger<DurableTimers> log)
{
    private readonly List<ScheduledTimer> _toSchedule = [];
    private readonly List<string> _toDelete = [];

    /// <summary>Loads every timer of a subject in one query, so that setting or cancelling several
    /// of them (a case's clock timers after each action) needs no further round trips.</summary>
    public async Task PreloadAsync(string subject, CancellationToken ct = default) =>
        await db.Set<ScheduledTimer>().Where(t => t.Subject == subject).LoadAsync(ct);

    /// <summary>The row of a timer (tracked, so a later Set or Cancel sees the same copy), or null.</summary>
    public async Task<ScheduledTimer?> FindAsync(string key, CancellationToken ct) =>
        db.Set<ScheduledTimer>().Local.FirstOrDefault(t => t.Key == key)
        ?? await db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.Key == key, ct);

    /// <summary>Stages a timer (new, or rescheduled to a new due time in business time).</summary>
    public async Task SetAsync(string key, string kind, string subject, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        dueAt = dueAt.ToUniversalTime();   // PostgreSQL timestamptz takes UTC only
        var timer = await FindAsync(key, ct);
        if (timer is null)
        {
            timer = new ScheduledTimer { Key = key };
            db.Add(timer);
        }
        else if (timer.Status == TimerStatus.Pending && timer.DueAt == dueAt && timer.Kind == kind)
        {
            return;   // nothing changed: keep the existing job
        }
        if (timer.JobId is { } old) _toDelete.Add(old);
        timer.Kind = kind;
        timer.Subject = subject;
        timer.DueAt = dueAt;
        timer.Generation++;
        timer.Status = TimerStatus.Pending;
        timer.FiredAt = null;
        timer.FiredBy = null;
        timer.Attempts = 0;
        timer.LastError = null;
        timer.RetryAt = null;
        timer.JobId = null;
        timer.UpdatedAt = DateTimeOffset.UtcNow;   // operational (real) time: the reconciler compares it
        _toSchedule.RemoveAll(t => t.Key == key);
        _toSchedule.Add(timer);
    }

    /// <summary>Stages the cancellation of a timer; unknown keys are ignored.</summary>
    public async Task CancelAsync(string key, CancellationToken ct = default)
    {
        var timer = await FindAsync(key, ct);
        if (timer is null || timer.Status != TimerStatus.Pending) return;
        timer.Status = TimerStatus.Cancelled;
        timer.UpdatedAt = DateTimeOffset.UtcNow;
        if (timer.JobId is { } old) _toDelete.Add(old);
        timer.JobId = null;
        _toSchedule.RemoveAll(t => t.Key == key);
    }

    /// <summary>Hands the staged timers to Hangfire after the caller's commit, then records their job
    /// ids in one statement. Old jobs are deleted as a courtesy to the dashboard; correctness never
    /// depends on it, since a job for an old generation finds nothing to claim.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (_toSchedule.Count == 0 && _toDelete.Count == 0) return;
        var scheduled = new List<(string Key, int Generation, string JobId)>(_toSchedule.Count);
        var businessNow = clock.GetUtcNow();
        foreach (var timer in _toSchedule)
            scheduled.Add((timer.Key, timer.Generation, TimerJob.Schedule(jobs, timer.Key, timer.Generation, timer.DueAt - businessNow)));
        foreach (var id in _toDelete)
        {
            try { jobs.Delete(id); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogDebug(e, "Could not delete stale job {Job}", id); }
        }
        foreach (var (timer, (_, _, jobId)) in _toSchedule.Zip(scheduled))
        {
            // Keep the tracked copy in step without marking it modified (the UPDATE below writes it).
            var property = db.Entry(timer).Property(t => t.JobId);
            property.CurrentValue = jobId;
            property.OriginalValue = jobId;
        }
        _toSchedule.Clear();
        _toDelete.Clear();
        if (scheduled.Count > 0) await RecordJobIdsAsync(db, scheduled, ct);
    }

    /// <summary>One UPDATE for the whole batch; a row rescheduled meanwhile (newer generation) keeps its own id.</summary>
    internal static async Task RecordJobIdsAsync(AppDbContext db, IReadOnlyList<(string Key, int Generation, string JobId)> rows, CancellationToken ct)
    {
        var keys = rows.Select(r => r.Key).ToArray();
        var generations = rows.Select(r => r.Generation).ToArray();
        var ids = rows.Select(r => r.JobId).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE scheduled_timers AS t SET "JobId" = v.job
            FROM unnest({keys}::text[], {generations}::int[], {ids}::text[]) AS v(key, generation, job)
            WHERE t."Key" = v.key AND t."Generation" = v.generation AND t."Status" = 0
            """, ct);
    }
}
