using ApprovalCenter.Clock;
using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Scheduling;

/// <summary>Fires timers that are due by business time but still pending, straight from
/// scheduled_timers, on every node. It is deliberately not a Hangfire job: Hangfire's lock rows
/// have no owner heartbeat, so a node killed while holding the delayed-job scheduler lock stalls
/// every delayed job in the cluster until the lock times out. The sweeper bounds that stall to
/// about <see cref="SchedulerOptions.SweepGraceSeconds"/> + <see cref="SchedulerOptions.SweepIntervalSeconds"/>.
/// It is also how timers follow a business clock that was moved forward (tests, training).</summary>
public sealed class TimerSweeper(IServiceScopeFactory scopes, BusinessClock clock, NodeIdentity node,
    IOptions<ApprovalCenterOptions> options, ILogger<TimerSweeper> log) : BackgroundService
{
    private const int BatchSize = 200;
    private const int Parallelism = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.Scheduler.SweepIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepOnceAsync(stoppingToken) >= BatchSize) { }   // a full batch: more may wait
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Timer sweep failed; trying again in {Interval}", interval);
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass: returns how many overdue timers it found (fired or not).</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromSeconds(options.Value.Scheduler.SweepGraceSeconds);
        var realNow = DateTimeOffset.UtcNow;
        List<string> due;
        using (var scope = scopes.CreateScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking()
                .Where(t => t.Status == TimerStatus.Pending && t.DueAt <= cutoff && (t.RetryAt == null || t.RetryAt <= realNow))
                .OrderBy(t => t.DueAt).Take(BatchSize).Select(t => t.Key).ToListAsync(ct);
        }
        if (due.Count == 0) return 0;
        var fired = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (key, token) =>
        {
            using var scope = scopes.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<TimerJob>().FireAsync(key, null, node.Id + "/sweeper", token);
            if (outcome is TimerJob.FireOutcome.Done) Interlocked.Increment(ref fired);
        });
        if (fired > 0) log.LogInformation("Sweeper fired {Count} overdue timer(s)", fired);
        return due.Count;
    }
}
