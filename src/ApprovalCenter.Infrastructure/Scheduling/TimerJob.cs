using ApprovalCenter.Clock;
using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Scheduling;

/// <summary>Fires one durable timer. Hangfire runs it as a delayed job, the sweeper calls it for
/// overdue rows, an administrator's "retry now" calls it too: whoever calls, the row decides.
/// The claim locks the row (FOR UPDATE SKIP LOCKED, so a concurrent firer simply moves on),
/// checks generation, status and that business time has reached the due instant, and marks it
/// fired in the same transaction as the handler's effect: one effect, however many wake-ups.</summary>
public sealed class TimerJob(AppDbContext db, IEnumerable<ITimerHandler> handlers, DurableTimers timers, IBackgroundJobClient jobs,
    BusinessClock clock, NodeIdentity node, IOptions<ApprovalCenterOptions> options, ILogger<TimerJob> log)
{
    /// <summary>Hangfire fires delayed jobs up to a second early (due times are rounded down); an early
    /// wake-up is put back for the remainder, at least this long.</summary>
    private static readonly TimeSpan MinimumRequeue = TimeSpan.FromSeconds(1);

    public abstract record FireOutcome
    {
        public sealed record Done : FireOutcome;
        /// <summary>Another generation, already fired or cancelled, or being fired by someone else right now.</summary>
        public sealed record Stale : FireOutcome;
        public sealed record Early(TimeSpan Remaining) : FireOutcome;
        public sealed record Retry(TimeSpan After) : FireOutcome;
        public sealed record Failed : FireOutcome;
    }

    /// <summary>Schedules the Hangfire job for a generation, <paramref name="delay"/> from now in real time.</summary>
    public static string Schedule(IBackgroundJobClient jobs, string key, int generation, TimeSpan delay) =>
        jobs.Schedule<TimerJob>(j => j.RunAsync(key, generation), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);

    /// <summary>The Hangfire entry point. Our own back-off replaces Hangfire's retries, so a failing
    /// handler never blocks other timers and ends as an incident with its error.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [Queue("timers")]
    public async Task RunAsync(string key, int generation)
    {
        var outcome = await FireAsync(key, generation, node.Id, CancellationToken.None);
        var delay = outcome switch
        {
            FireOutcome.Early e => e.Remaining < MinimumRequeue ? MinimumRequeue : e.Remaining,
            FireOutcome.Retry r => r.After,
            _ => (TimeSpan?)null,
        };
        if (delay is { } d)
        {
            var id = Schedule(jobs, key, generation, d);
            await DurableTimers.RecordJobIdsAsync(db, [(key, generation, id)], CancellationToken.None);
        }
    }

    /// <summary>Fires the timer if it is still this generation, pending and due by business time.
    /// <paramref name="generation"/> null means "whatever generation is current" (sweeper, retry now).</summary>
    public async Task<FireOutcome> FireAsync(string key, int? generation, string firedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claim = await db.Database.SqlQuery<TimerClaim>($"""
            SELECT "Generation", "DueAt" FROM scheduled_timers
            WHERE "Key" = {key} AND "Status" = 0 FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (claim.Count == 0 || (generation is { } g && claim[0].Generation != g))
        {
            log.LogDebug("Timer {Key} generation {Generation} is stale, done or being fired elsewhere", key, generation);
            return new FireOutcome.Stale();
        }
        if (claim[0].DueAt > now) return new FireOutcome.Early(claim[0].DueAt - now);

        var current = claim[0].Generation;
        await db.Set<ScheduledTimer>().Where(t => t.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.FiredAt, now)
                .SetProperty(t => t.FiredBy, firedBy).SetProperty(t => t.UpdatedAt, DateTimeOffset.UtcNow), ct);
        var timer = await db.Set<ScheduledTimer>().AsNoTracking().FirstAsync(t => t.Key == key, ct);
        try
        {
            var handler = handlers.FirstOrDefault(h => h.Kind == timer.Kind)
                ?? throw new InvalidOperationException($"No timer handler for kind '{timer.Kind}'.");
            await handler.HandleAsync(timer, db, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await RecordFailureAsync(key, current, e, ct);
        }
        // Timers the handler set (e.g. the next deadline of a case) go to Hangfire after the commit.
        await timers.FlushAsync(ct);
        log.LogInformation("Timer {Key} ({Kind}) fired by {Node}, {Lag:F1} s after due", key, timer.Kind, firedBy, (now - timer.DueAt).TotalSeconds);
        return new FireOutcome.Done();
    }

    /// <summary>Back-off after the n-th failed attempt: 15 s, 30 s, 1 min … at most 1 hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Two timers of one case due together (an intake lapse and a breach) race for the case's
    /// row version; the loser is not broken, it just tries again a moment later, without using up an attempt.</summary>
    private static bool IsConflict(Exception e) => e is DbUpdateConcurrencyException || e.GetBaseException() is DbUpdateConcurrencyException
        || e is ApprovalCenter.Cases.CaseException { Status: 409 };

    private async Task<FireOutcome> RecordFailureAsync(string key, int generation, Exception e, CancellationToken ct)
    {
        var timer = await db.Set<ScheduledTimer>().FirstAsync(t => t.Key == key, ct);
        if (timer.Generation != generation || timer.Status != TimerStatus.Pending) return new FireOutcome.Stale();
        if (IsConflict(e))
        {
            var soon = TimeSpan.FromMilliseconds(500 + Random.Shared.Next(1500));
            timer.RetryAt = DateTimeOffset.UtcNow + soon;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Timer {Key} lost a race for its subject; trying again in {Delay}", key, soon);
            return new FireOutcome.Retry(soon);
        }
        timer.Attempts++;
        timer.LastError = Truncate(e.GetBaseException().Message, 2000);
        timer.UpdatedAt = DateTimeOffset.UtcNow;
        var failed = timer.Attempts >= Math.Max(1, options.Value.Scheduler.MaxTimerAttempts);
        var backOff = BackOff(timer.Attempts);
        if (failed) timer.Status = TimerStatus.Failed;   // an incident: shown at /Admin/Incidents, retried by hand
        else timer.RetryAt = DateTimeOffset.UtcNow + backOff;
        await db.SaveChangesAsync(ct);
        log.LogError(e, "Timer {Key} failed (attempt {Attempts}){Final}", key, timer.Attempts, failed ? "; giving up: see /Admin/Incidents" : "");
        return failed ? new FireOutcome.Failed() : new FireOutcome.Retry(backOff);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed class TimerClaim
    {
        public int Generation { get; set; }
        public DateTimeOffset DueAt { get; set; }
    }
}
