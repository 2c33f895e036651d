using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ApprovalCenter.Scheduling;

/// <summary>Sets and cancels durable timers. Usage, so that the timer rows commit with the
/// caller's own changes: <c>timers.Set(...); await db.SaveChangesAsync(); await timers.FlushAsync();</c>
/// If the process dies between the two, <see cref="TimerReconciler"/> recreates the trigger.</summary>
public sealed class DurableTimers(AppDbContext db, ISchedulerFactory schedulers)
{
    public const string JobGroup = "case-timers";
    private readonly List<ScheduledTimer> _toSchedule = [];
    private readonly List<string> _toCancel = [];

    /// <summary>Loads every timer of a subject in one query, so that setting or cancelling several
    /// of them (a case's clock timers after each action) needs no further round trips.</summary>
    public async Task PreloadAsync(string subject, CancellationToken ct = default) =>
        await db.Set<ScheduledTimer>().Where(t => t.Subject == subject).LoadAsync(ct);

    private async Task<ScheduledTimer?> FindAsync(string key, CancellationToken ct) =>
        db.Set<ScheduledTimer>().Local.FirstOrDefault(t => t.Key == key)
        ?? await db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.Key == key, ct);

    /// <summary>Stages a timer (new, or rescheduled to a new due time).</summary>
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
            return;   // nothing changed: keep the existing trigger
        }
        timer.Kind = kind;
        timer.Subject = subject;
        timer.DueAt = dueAt;
        timer.Generation++;
        timer.Status = TimerStatus.Pending;
        timer.FiredAt = null;
        timer.FiredBy = null;
        timer.Attempts = 0;
        timer.LastError = null;
        timer.UpdatedAt = DateTimeOffset.UtcNow;   // operational (real) time: the reconciler compares it with Quartz
        _toCancel.Remove(key);
        _toSchedule.RemoveAll(t => t.Key == key);
        _toSchedule.Add(timer);
    }

    /// <summary>Stages the cancellation of a timer; unknown keys are ignored.</summary>
    public async Task CancelAsync(string key, CancellationToken ct = default)
    {
        var timer = await FindAsync(key, ct);
        if (timer is null || timer.Status != TimerStatus.Pending) return;
        timer.Status = TimerStatus.Cancelled;
        timer.UpdatedAt = DateTimeOffset.UtcNow;   // operational (real) time: the reconciler compares it with Quartz
        _toSchedule.RemoveAll(t => t.Key == key);
        _toCancel.Add(key);
    }

    /// <summary>Pushes the staged changes to Quartz, all new triggers in one call (one store
    /// transaction under one lock). Call after the caller's SaveChanges.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (_toSchedule.Count == 0 && _toCancel.Count == 0) return;
        var scheduler = await schedulers.GetScheduler(ct);
        foreach (var key in _toCancel) await scheduler.DeleteJob(new JobKey(key, JobGroup), ct);
        if (_toSchedule.Count > 0)
        {
            var batch = _toSchedule.Select(t => BuildJob(t, t.DueAt)).ToDictionary(p => p.Job, p => (IReadOnlyCollection<ITrigger>)[p.Trigger]);
            await scheduler.ScheduleJobs(batch, new ScheduleJobOptions { Replace = true }, ct);
        }
        _toCancel.Clear();
        _toSchedule.Clear();
    }

    /// <summary>One job + one simple trigger per timer. A misfire (the node was down at the due
    /// time) fires once as soon as a node is back.</summary>
    internal static async Task ScheduleTriggerAsync(IScheduler scheduler, ScheduledTimer timer, DateTimeOffset at, CancellationToken ct)
    {
        var (job, trigger) = BuildJob(timer, at);
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct);
    }

    private static (IJobDetail Job, ITrigger Trigger) BuildJob(ScheduledTimer timer, DateTimeOffset at)
    {
        var job = JobBuilder.Create<CaseTimerJob>()
            .WithIdentity(timer.Key, JobGroup)
            .UsingJobData(CaseTimerJob.GenerationKey, timer.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .RequestRecovery(true)
            .Build();
        // Already due (a back-dated deadline, a retry): start now rather than in the past, which
        // Quartz would only pick up through its slower misfire scan.
        var now = DateTimeOffset.UtcNow;
        var trigger = TriggerBuilder.Create()
            .WithIdentity(timer.Key, JobGroup)
            .StartAt(at > now ? at : now)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        return (job, trigger);
    }
}
