using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalCenter.Web.Tests.Scheduling.TimerTestKit;

namespace ApprovalCenter.Web.Tests.Scheduling;

/// <summary>Two app processes (two Hangfire servers, two sweepers) on one database, with the
/// production defaults for sweeping. The test process only sets timers: its own factory runs no
/// server and no sweeper.</summary>
[NonParallelizable]
public sealed class TwoNodeTimerTests
{
    private static AppFactory Setter() => new AppFactory().With("ApprovalCenter:Scheduler:Enabled", "false");

    private static Dictionary<string, string> ProductionSweep => new()
    {
        ["ApprovalCenter__Scheduler__SweepIntervalSeconds"] = "5",
        ["ApprovalCenter__Scheduler__SweepGraceSeconds"] = "10",
        ["ApprovalCenter__Scheduler__WorkerCount"] = "8",
    };

    private static async Task<List<TimerProbeEffect>> WaitForEffectsAsync(IServiceProvider services, string prefix, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var effects = await EffectsAsync(services, prefix);
            if (effects.Select(e => e.Key).Distinct().Count() >= count || DateTime.UtcNow > until) return effects;
            await Task.Delay(1000);
        }
    }

    [Test]
    public async Task A_thousand_timers_due_within_a_minute_fire_exactly_once_each_across_two_nodes()
    {
        await using var setter = Setter();
        using (setter.CreateClient()) { }   // migrate and seed
        await using var a = await AppProcess.StartAsync("node-a", setter.DatabaseName, ProductionSweep);
        await using var b = await AppProcess.StartAsync("node-b", setter.DatabaseName, ProductionSweep);

        var prefix = "test:thousand:" + Guid.NewGuid().ToString("N")[..6] + ":";
        var start = DateTimeOffset.UtcNow.AddSeconds(10);
        var timers = Enumerable.Range(0, 1000).Select(i => (prefix + i, start.AddMilliseconds(i * 50))).ToList();   // due over 50 s
        foreach (var chunk in timers.Chunk(100)) await SetManyAsync(setter.Services, chunk);

        var effects = await WaitForEffectsAsync(setter.Services, prefix, 1000, TimeSpan.FromMinutes(4));
        await Task.Delay(TimeSpan.FromSeconds(5));   // anything late and doubled would show now
        effects = await EffectsAsync(setter.Services, prefix);
        var perKey = effects.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(timers.Count(t => !perKey.ContainsKey(t.Item1)), Is.Zero, "missing effects");
        Assert.That(perKey.Count(p => p.Value > 1), Is.Zero, "double effects");
        Assert.That(effects.All(e => e.FiredAt >= e.DueAt), Is.True, "none before its due time");
        var lag = effects.Select(e => (e.RealAt - e.DueAt).TotalSeconds).Order().ToList();
        TestContext.Progress.WriteLine($"1,000 timers: by node {string.Join(", ", effects.GroupBy(e => e.FiredBy.Split('/')[0]).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"lag p50 {lag[lag.Count / 2]:F1} s, p99 {lag[(int)(lag.Count * 0.99)]:F1} s, max {lag[^1]:F1} s");
    }

    [Test]
    public async Task A_node_killed_holding_the_scheduler_lock_delays_no_timer_by_more_than_90_seconds()
    {
        await using var setter = Setter();
        using (setter.CreateClient()) { }
        await using var a = await AppProcess.StartAsync("node-a", setter.DatabaseName, ProductionSweep);
        await using var b = await AppProcess.StartAsync("node-b", setter.DatabaseName, ProductionSweep);

        var prefix = "test:kill:" + Guid.NewGuid().ToString("N")[..6] + ":";
        var start = DateTimeOffset.UtcNow.AddSeconds(15);
        var timers = Enumerable.Range(0, 200).Select(i => (prefix + i, start.AddMilliseconds(i * 100))).ToList();   // due over 20 s
        await SetManyAsync(setter.Services, timers);

        // SIGKILL node A, and leave its delayed-job scheduler lock row behind exactly as a kill during
        // the poll does (the row has no owner, so whether A happened to hold it at that instant is
        // chance; the row makes the worst case certain). Hangfire on B now waits out the lock timeout.
        a.Kill();
        using (var scope = setter.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("""
                INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES ('hangfire:locks:schedulepoller', 0, now())
                ON CONFLICT (resource) DO UPDATE SET acquired = now()
                """);
        }

        var effects = await WaitForEffectsAsync(setter.Services, prefix, timers.Count, TimeSpan.FromMinutes(3));
        var perKey = effects.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(timers.Count(t => !perKey.ContainsKey(t.Item1)), Is.Zero, "every due timer fired");
        Assert.That(perKey.Count(p => p.Value > 1), Is.Zero, "once each");
        var worst = effects.Max(e => (e.RealAt - e.DueAt).TotalSeconds);
        TestContext.Progress.WriteLine($"after kill -9 with the lock held: worst lag {worst:F1} s; by {string.Join(", ", effects.GroupBy(e => e.FiredBy).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.That(worst, Is.LessThan(90), "the sweeper bounds the stall a stale Hangfire lock causes");
    }
}
