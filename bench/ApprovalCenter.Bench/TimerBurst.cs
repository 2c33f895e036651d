namespace ApprovalCenter.Bench;

/// <summary>The burst: N timers set through DurableTimers while both nodes run (idle, since nothing
/// is due yet), all due within one window that starts only after scheduling is done, so the
/// scheduling rate and the firing rate are each measured alone.</summary>
public static class TimerBurst
{
    public sealed record Result(TimeSpan Scheduling, int WarmUpCount, double WarmUpRate, double SlackSeconds,
        TimerLag Lag, bool TimedOut, long BacklogLeft, double DrainSeconds);

    public static async Task<Result> RunAsync(BenchApp setter, string prefix, int count, TimeSpan window, int writers, int batchSize,
        TimeSpan timeout, TimeSpan drain)
    {
        // Warm-up: JIT, connection pools and Hangfire's first round trips are paid here, not in the
        // measured scheduling; its rate also tells how far ahead the burst must lie for scheduling to
        // finish before the first timer is due. Due in a day, so they never fire during the run.
        // Its first half pays the JIT and is not timed (timing it made the lead twice too long).
        var warmUp = Math.Clamp(count / 20, 100, 1000);
        var warmTimers = TimerProbes.Spread(prefix + "warm:", warmUp, DateTimeOffset.UtcNow.AddDays(1), TimeSpan.FromMinutes(1));
        var half = warmUp / 2;
        await TimerProbes.ScheduleAsync(setter.Services, warmTimers[..half], writers, Math.Max(1, half / writers));
        var warmRate = (warmUp - half) / (await TimerProbes.ScheduleAsync(setter.Services, warmTimers[half..], writers, Math.Max(1, (warmUp - half) / writers))).TotalSeconds;
        var lead = TimeSpan.FromSeconds(Math.Max(20, 1.5 * count / warmRate + 10));

        var first = DateTimeOffset.UtcNow + lead;
        var timers = TimerProbes.Spread(prefix + "due:", count, first, window);
        var scheduling = await TimerProbes.ScheduleAsync(setter.Services, timers, writers, batchSize);
        var slack = (first - DateTimeOffset.UtcNow).TotalSeconds;

        var all = await TimerProbes.WaitForEffectsAsync(setter.Services, prefix + "due:", count, (first + window + timeout).UtcDateTime);
        var lastEffectSeen = DateTime.UtcNow;
        // Hangfire still wakes every timer the sweepers fired first; wait (bounded) for those wake-ups,
        // because a wrong claim would show only then, as a second effect.
        var left = await TimerProbes.WaitForHangfireDrainAsync(setter.ConnectionString, DateTime.UtcNow + drain);
        await Task.Delay(2000);
        var effects = await TimerProbes.EffectsAsync(setter.Services, prefix + "due:");
        return new Result(scheduling, warmUp, warmRate, slack, TimerLag.Of(timers, effects), !all, left,
            (DateTime.UtcNow - lastEffectSeen).TotalSeconds);
    }
}
