using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Bench;

/// <summary>
/// Durable timers at volume (issue 3): N timers set through <see cref="DurableTimers"/> (rows +
/// Quartz triggers in the clustered PostgreSQL store, exactly the path a case takes), each due
/// 10–40 s after the moment its batch is scheduled, handled by a no-op counting handler. Scheduling
/// and firing overlap, as they do in production. Baseline for the firing rate is the offered load
/// (timers falling due per second). Count: --timers=N (default 100,000).
/// </summary>
public sealed class TimersBenchmark : IBenchmark
{
    public const string Kind = "bench-noop";
    private const int BatchSize = 500, Writers = 4;

    public string Name => "timers";
    public string Description => $"{BenchApp.IntOption("timers", 100_000):N0} durable timers through DurableTimers + clustered Quartz: schedule, fire, lag, duplicates";

    public async Task<string> RunAsync()
    {
        var count = BenchApp.IntOption("timers", 100_000);
        var timeout = TimeSpan.FromMinutes(BenchApp.IntOption("timers-timeout-minutes", 20));
        CountingHandler.Calls.Clear();
        await using var app = BenchApp.Create("timers", s => s.AddScoped<ITimerHandler, CountingHandler>());
        var runId = Guid.NewGuid().ToString("N")[..6];

        // Schedule: Writers tasks, each taking batches of BatchSize; one scope (one request's worth) per batch.
        var next = -1;
        var rng = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId * 7919));
        var scheduling = Stopwatch.StartNew();
        var firstDue = DateTimeOffset.MaxValue;
        var lastDue = DateTimeOffset.MinValue;
        var dueLock = new object();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var batch = Interlocked.Increment(ref next);
                var from = batch * BatchSize;
                if (from >= count) return;
                using var scope = app.Services.CreateScope();
                var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var now = DateTimeOffset.UtcNow;
                var min = DateTimeOffset.MaxValue;
                var max = DateTimeOffset.MinValue;
                for (var i = from; i < Math.Min(count, from + BatchSize); i++)
                {
                    var due = now.AddSeconds(10 + rng.Value!.NextDouble() * 30);
                    if (due < min) min = due;
                    if (due > max) max = due;
                    await timers.SetAsync($"bench:{runId}:{i:D7}", Kind, $"bench-{i}", due);
                }
                await db.SaveChangesAsync();
                await timers.FlushAsync();
                lock (dueLock)
                {
                    if (min < firstDue) firstDue = min;
                    if (max > lastDue) lastDue = max;
                }
            }
        })));
        scheduling.Stop();

        // Wait until every timer has fired (or the timeout).
        var waitUntil = DateTime.UtcNow + timeout;
        int fired;
        while (true)
        {
            fired = CountingHandler.Calls.Count;
            if (fired >= count || DateTime.UtcNow > waitUntil) break;
            await Task.Delay(1000);
        }
        await Task.Delay(2000);   // let late duplicates (if any) show up

        using var read = app.Services.CreateScope();
        var rows = await read.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking()
            .Where(t => t.Kind == Kind).Select(t => new { t.DueAt, t.FiredAt, t.Status }).ToListAsync();
        var firedRows = rows.Where(r => r.FiredAt is not null && r.Status == TimerStatus.Fired).ToList();
        var lags = firedRows.Select(r => (r.FiredAt!.Value - r.DueAt).TotalMilliseconds).Order().ToList();
        var duplicates = CountingHandler.Calls.Values.Sum(v => Math.Max(0, v - 1));
        var lastFired = firedRows.Count > 0 ? firedRows.Max(r => r.FiredAt!.Value) : firstDue;
        var firingWindow = lastFired - firstDue;
        var dueWindow = lastDue - firstDue;
        var offered = count / Math.Max(0.001, dueWindow.TotalSeconds);
        var achieved = firedRows.Count / Math.Max(0.001, firingWindow.TotalSeconds);

        var sb = new StringBuilder();
        sb.AppendLine($"timers               : {count:N0} requested, {rows.Count:N0} rows, {firedRows.Count:N0} fired, handler calls {CountingHandler.Calls.Values.Sum():N0} ({(fired >= count ? "all fired" : $"TIMED OUT after {timeout.TotalMinutes:F0} min")})");
        sb.AppendLine($"scheduling           : {scheduling.Elapsed.TotalSeconds,8:F1} s  = {count / scheduling.Elapsed.TotalSeconds,7:F0} timers/s ({scheduling.Elapsed.TotalMilliseconds * 1000 / count:F0} µs/timer; {Writers} writers, batches of {BatchSize}: row + SaveChanges + Quartz trigger)");
        sb.AppendLine($"due window           : {dueWindow.TotalSeconds,8:F1} s  = {offered,7:F0} timers/s offered (each due 10–40 s after its batch was scheduled)");
        sb.AppendLine($"firing               : {firingWindow.TotalSeconds,8:F1} s  = {achieved,7:F0} timers/s fired (first due → last fired)");
        sb.AppendLine($"fired/offered ratio  : {achieved / offered:F2}x");
        if (lags.Count > 0)
            sb.AppendLine($"fire lag (FiredAt−DueAt): median {lags[lags.Count / 2] / 1000:F2} s, p95 {BenchApp.Percentile(lags, 0.95) / 1000:F2} s, max {lags[^1] / 1000:F2} s");
        sb.Append($"duplicates           : {duplicates} (handler ran more than once for the same timer; must be 0)");
        return sb.ToString();
    }

    /// <summary>Counts calls per timer key; does nothing else.</summary>
    private sealed class CountingHandler : ITimerHandler
    {
        public static readonly ConcurrentDictionary<string, int> Calls = new();
        public string Kind => TimersBenchmark.Kind;

        public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
        {
            Calls.AddOrUpdate(timer.Key, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}
