using System.Diagnostics;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalCenter.Bench;

/// <summary>One effect as a node wrote it to timer_probe_effects (real time of the effect, and who fired it).</summary>
public sealed record ProbeEffect(string Key, DateTimeOffset DueAt, DateTimeOffset RealAt, string FiredBy);

/// <summary>Probe timers (the app's "probe" kind: one timer_probe_effects row per effect, no
/// unique key, so a double effect shows) set from the bench process through the real
/// <see cref="DurableTimers"/>, and their effects read back. The effects are written by the node
/// processes, so counting them here counts what happened across the cluster.</summary>
public static class TimerProbes
{
    /// <summary><paramref name="count"/> keys due evenly from <paramref name="first"/> over <paramref name="window"/>.</summary>
    public static List<(string Key, DateTimeOffset Due)> Spread(string prefix, int count, DateTimeOffset first, TimeSpan window) =>
        Enumerable.Range(0, count)
            .Select(i => ($"{prefix}{i:D6}", first + window * (count <= 1 ? 0 : (double)i / (count - 1))))
            .ToList();

    /// <summary>Sets the timers with <paramref name="writers"/> concurrent writers, each taking batches
    /// of <paramref name="batchSize"/> in one scope, the way a request that sets many timers does:
    /// rows, one SaveChanges, then one Hangfire delayed job per timer and one UPDATE for their job ids.</summary>
    public static async Task<TimeSpan> ScheduleAsync(IServiceProvider services, IReadOnlyList<(string Key, DateTimeOffset Due)> timers,
        int writers, int batchSize)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var from = Interlocked.Increment(ref next) * batchSize;
                if (from >= timers.Count) return;
                using var scope = services.CreateScope();
                var durable = scope.ServiceProvider.GetRequiredService<DurableTimers>();
                for (var i = from; i < Math.Min(timers.Count, from + batchSize); i++)
                    await durable.SetAsync(timers[i].Key, ProbeTimerHandler.KindName, "BENCH", timers[i].Due);
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
                await durable.FlushAsync();
            }
        })));
        return clock.Elapsed;
    }

    public static async Task<List<ProbeEffect>> EffectsAsync(IServiceProvider services, string prefix)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TimerProbeEffect>().AsNoTracking()
            .Where(e => e.Key.StartsWith(prefix))
            .Select(e => new ProbeEffect(e.Key, e.DueAt, e.RealAt, e.FiredBy)).ToListAsync();
    }

    /// <summary>Polls (once a second, counting in SQL, not loading 20,000 rows each time) until every
    /// key of the prefix has an effect or <paramref name="until"/> passes; true when all arrived.</summary>
    public static async Task<bool> WaitForEffectsAsync(IServiceProvider services, string prefix, int count, DateTime until)
    {
        while (true)
        {
            using (var scope = services.CreateScope())
            {
                var have = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TimerProbeEffect>()
                    .Where(e => e.Key.StartsWith(prefix)).Select(e => e.Key).Distinct().CountAsync();
                if (have >= count) return true;
            }
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(1000);
        }
    }

    /// <summary>Hangfire jobs still to run: delayed jobs already due (the far-future warm-up jobs are
    /// not counted) plus jobs in the queues, enqueued or being processed.</summary>
    public static async Task<long> HangfireBacklogAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM hangfire.set WHERE key = 'schedule' AND score <= extract(epoch FROM now()))
                 + (SELECT count(*) FROM hangfire.jobqueue)
            """, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Waits (polling every 2 s) for <see cref="HangfireBacklogAsync"/> to reach 0; returns what is left.</summary>
    public static async Task<long> WaitForHangfireDrainAsync(string connectionString, DateTime until)
    {
        while (true)
        {
            var left = await HangfireBacklogAsync(connectionString);
            if (left == 0 || DateTime.UtcNow > until) return left;
            await Task.Delay(2000);
        }
    }
}
