using ApprovalCenter.Clock;
using System.Globalization;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ApprovalCenter.Scheduling;

/// <summary>The Quartz job behind every durable timer. It claims the timer row with a
/// conditional UPDATE (pending and same generation) in the same transaction as the handler's
/// work, so a trigger that fires twice, on one node or two, has exactly one effect.</summary>
public sealed class CaseTimerJob(AppDbContext db, IEnumerable<ITimerHandler> handlers, IServiceProvider services, BusinessClock clock, ILogger<CaseTimerJob> log) : IJob
{
    public const string GenerationKey = "generation";
    public const int MaxAttempts = 8;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var key = context.JobDetail.Key.Name;
        var generation = int.Parse((string)context.MergedJobDataMap[GenerationKey]!, CultureInfo.InvariantCulture);
        var node = context.Scheduler.SchedulerInstanceId;
        var outcome = await FireAsync(key, generation, node, ct);
        if (outcome is FireOutcome.Retry retry)
        {
            // A failed handler keeps the timer pending and tries again later with back-off.
            var timer = await db.Set<ScheduledTimer>().AsNoTracking().FirstAsync(t => t.Key == key, ct);
            await DurableTimers.ScheduleTriggerAsync(context.Scheduler, timer, retry.At, ct);
        }
    }

    public abstract record FireOutcome
    {
        public sealed record Done : FireOutcome;
        public sealed record Stale : FireOutcome;
        public sealed record Retry(DateTimeOffset At) : FireOutcome;
        public sealed record Failed : FireOutcome;
    }

    /// <summary>Fires one timer generation. Public so that tests and the admin "retry" action
    /// can drive it without Quartz.</summary>
    public async Task<FireOutcome> FireAsync(string key, int generation, string node, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Set<ScheduledTimer>()
                .Where(t => t.Key == key && t.Generation == generation && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.FiredAt, now)
                    .SetProperty(t => t.FiredBy, node).SetProperty(t => t.UpdatedAt, now), ct);
            if (claimed == 0)
            {
                log.LogDebug("Timer {Key} generation {Generation} is stale or already fired", key, generation);
                return new FireOutcome.Stale();
            }
            var timer = await db.Set<ScheduledTimer>().FirstAsync(t => t.Key == key, ct);
            try
            {
                var handler = handlers.FirstOrDefault(h => h.Kind == timer.Kind)
                    ?? throw new InvalidOperationException($"No timer handler for kind '{timer.Kind}'.");
                await handler.HandleAsync(timer, db, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                // Timers the handler set (e.g. the next deadline of a case) go to Quartz after the commit.
                await services.GetRequiredService<DurableTimers>().FlushAsync(ct);
                log.LogInformation("Timer {Key} ({Kind}) fired on {Node}", key, timer.Kind, node);
                return new FireOutcome.Done();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return await RecordFailureAsync(key, generation, e, now, ct);
            }
        }
    }

    private async Task<FireOutcome> RecordFailureAsync(string key, int generation, Exception e, DateTimeOffset now, CancellationToken ct)
    {
        var timer = await db.Set<ScheduledTimer>().FirstAsync(t => t.Key == key, ct);
        if (timer.Generation != generation) return new FireOutcome.Stale();
        timer.Attempts++;
        timer.LastError = e.GetBaseException().Message;
        timer.UpdatedAt = now;
        var failed = timer.Attempts >= MaxAttempts;
        if (failed) timer.Status = TimerStatus.Failed;   // an incident: visible to administrators, retried by hand
        await db.SaveChangesAsync(ct);
        log.LogError(e, "Timer {Key} failed (attempt {Attempts}){Final}", key, timer.Attempts, failed ? "; giving up" : "");
        return failed ? new FireOutcome.Failed() : new FireOutcome.Retry(now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, timer.Attempts - 1))));
    }
}
