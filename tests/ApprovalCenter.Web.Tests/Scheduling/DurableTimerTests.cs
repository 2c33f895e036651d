using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalCenter.Web.Tests.Scheduling.TimerTestKit;

namespace ApprovalCenter.Web.Tests.Scheduling;

/// <summary>Durable timers on Hangfire, in one process: business time decides when a timer takes
/// effect, the row decides whether it still does.</summary>
public sealed class DurableTimerTests
{
    [Test]
    public async Task A_timer_that_falls_due_while_the_app_is_down_fires_once_after_restart()
    {
        var db = TestDatabase.NewName("timer");
        var key = NewKey("restart");
        await using (var first = new AppFactory(db))
        {
            await SetAsync(first.Services, key, DateTimeOffset.UtcNow.AddSeconds(2));
        }   // graceful stop before the due time
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That(await EffectsAsyncOn(db, key), Is.Empty, "nothing fires while no node is up");

        await using var second = new AppFactory(db);
        var timer = await WaitForStatusAsync(second.Services, key, TimerStatus.Fired, TimeSpan.FromSeconds(40));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired));
        await Task.Delay(1500);
        Assert.That(await EffectsAsync(second.Services, key), Has.Count.EqualTo(1));
    }

    private static async Task<List<TimerProbeEffect>> EffectsAsyncOn(string database, string key)
    {
        await using var ctx = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(TestDatabase.ConnectionStringFor(database)).Options);
        return await ctx.Set<TimerProbeEffect>().Where(e => e.Key == key).ToListAsync();
    }

    [Test]
    public async Task A_timer_set_while_the_app_runs_fires_on_time()
    {
        await using var app = new AppFactory();
        var key = NewKey("live");
        await SetAsync(app.Services, key, DateTimeOffset.UtcNow.AddSeconds(1));
        var timer = await WaitForStatusAsync(app.Services, key, TimerStatus.Fired, TimeSpan.FromSeconds(30));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired));
        Assert.That(timer.FiredAt!.Value, Is.GreaterThanOrEqualTo(timer.DueAt), "never before its due instant");
        Assert.That(timer.FiredAt!.Value - timer.DueAt, Is.LessThan(TimeSpan.FromSeconds(15)), "fire lag");
    }

    [Test]
    public async Task Timers_follow_the_business_clock_not_the_real_one()
    {
        var clock = new TestClock(TestClock.China(2026, 1, 5, 10));
        await using var app = new AppFactory { Clock = clock };
        var key = NewKey("clock");
        var due = clock.GetUtcNow().AddDays(1);
        await SetAsync(app.Services, key, due);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That((await TimerAsync(app.Services, key)).Status, Is.EqualTo(TimerStatus.Pending), "a day ahead in business time, whatever the real date");

        clock.Set(due.AddMinutes(1));
        var timer = await WaitForStatusAsync(app.Services, key, TimerStatus.Fired, TimeSpan.FromSeconds(15));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired), "the moved clock made it due");
        Assert.That(timer.FiredAt, Is.GreaterThanOrEqualTo(due));
    }

    [Test]
    public async Task Firing_the_same_generation_twice_has_one_effect_and_a_stale_generation_none()
    {
        var clock = new TestClock(TestClock.China(2026, 1, 5, 10));
        await using var app = new AppFactory { Clock = clock };
        var key = NewKey("twice");
        await SetAsync(app.Services, key, clock.GetUtcNow().AddHours(1));
        await SetAsync(app.Services, key, clock.GetUtcNow().AddHours(2));   // reschedule: generation 2
        clock.Set(clock.GetUtcNow().AddHours(3));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => FireAsync(app.Services, key, 2)));
        Assert.That(await FireAsync(app.Services, key, 1), Is.TypeOf<TimerJob.FireOutcome.Stale>(), "old generation");
        Assert.That(outcomes.Count(o => o is TimerJob.FireOutcome.Done), Is.LessThanOrEqualTo(1));
        await WaitForStatusAsync(app.Services, key, TimerStatus.Fired, TimeSpan.FromSeconds(10));
        Assert.That(await EffectsAsync(app.Services, key), Has.Count.EqualTo(1), "six firers (and the sweeper): one effect");
    }

    [Test]
    public async Task A_timer_woken_early_does_nothing_and_puts_itself_back_for_the_remainder()
    {
        var clock = new TestClock(TestClock.China(2026, 1, 5, 10));
        // No server and no sweeper on this node: the test plays Hangfire waking the job.
        await using var clocked = new AppFactory { Clock = clock }.With("ApprovalCenter:Scheduler:Enabled", "false");
        var key = NewKey("early");
        var due = clock.GetUtcNow().AddMinutes(10);
        await SetAsync(clocked.Services, key, due);
        var before = await TimerAsync(clocked.Services, key);

        using (var scope = clocked.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<TimerJob>().RunAsync(key, before.Generation);   // Hangfire fires early
        var after = await TimerAsync(clocked.Services, key);
        Assert.That(after.Status, Is.EqualTo(TimerStatus.Pending), "no effect before business time reaches the due instant");
        Assert.That(await EffectsAsync(clocked.Services, key), Is.Empty);
        Assert.That(after.JobId, Is.Not.EqualTo(before.JobId), "a new wake-up was scheduled");
        var job = clocked.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(after.JobId);
        var enqueueAt = ApprovalCenter.Web.Tests.Scheduling.TimerTestKit.EnqueueAt(job);
        Assert.That(job.History[0].StateName, Is.EqualTo(ScheduledState.StateName));
        Assert.That(enqueueAt, Is.EqualTo(DateTime.UtcNow.AddMinutes(10)).Within(TimeSpan.FromSeconds(30)), "for the remaining ten minutes");

        clock.Set(due);
        using (var scope = clocked.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<TimerJob>().RunAsync(key, before.Generation);
        var fired = await TimerAsync(clocked.Services, key);
        Assert.That(fired.Status, Is.EqualTo(TimerStatus.Fired));
        Assert.That(fired.FiredAt, Is.EqualTo(due), "takes effect on time");
        Assert.That(await EffectsAsync(clocked.Services, key), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rescheduled_or_cancelled_timer_never_has_an_effect_at_its_old_time()
    {
        await using var app = new AppFactory();
        var moved = NewKey("moved");
        var cancelled = NewKey("cancel");
        await SetManyAsync(app.Services, [(moved, DateTimeOffset.UtcNow.AddSeconds(2)), (cancelled, DateTimeOffset.UtcNow.AddSeconds(2))]);
        var old = await TimerAsync(app.Services, moved);
        await SetAsync(app.Services, moved, DateTimeOffset.UtcNow.AddHours(1));
        await CancelAsync(app.Services, cancelled);
        var storage = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.That(storage.JobDetails(old.JobId).History[0].StateName, Is.EqualTo(DeletedState.StateName), "the old wake-up is withdrawn");

        await Task.Delay(TimeSpan.FromSeconds(5));   // well past the old due time: sweeper and Hangfire had their chance
        Assert.That(await FireAsync(app.Services, moved, old.Generation), Is.TypeOf<TimerJob.FireOutcome.Stale>(), "even if the old job ran anyway");
        Assert.That(await EffectsAsync(app.Services, moved), Is.Empty);
        Assert.That(await EffectsAsync(app.Services, cancelled), Is.Empty);
        Assert.That((await TimerAsync(app.Services, moved)).Status, Is.EqualTo(TimerStatus.Pending));
        Assert.That((await TimerAsync(app.Services, cancelled)).Status, Is.EqualTo(TimerStatus.Cancelled));
    }

    [Test]
    public async Task The_reconciler_hands_a_timer_whose_job_was_lost_to_hangfire()
    {
        await using var app = new AppFactory();
        var key = NewKey("lost");
        using (var scope = app.Services.CreateScope())
        {
            var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
            await timers.SetAsync(key, ProbeTimerHandler.KindName, "TEST", DateTimeOffset.UtcNow.AddDays(1));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            // crash here: FlushAsync never runs
        }
        Assert.That((await TimerAsync(app.Services, key)).JobId, Is.Null);
        using (var scope = app.Services.CreateScope())
        {
            var reconciler = scope.ServiceProvider.GetRequiredService<TimerReconciler>();
            Assert.That(await reconciler.ReconcileAsync(default), Is.EqualTo(0), "a timer saved moments ago may still be on its way");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<ScheduledTimer>().Where(t => t.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, DateTimeOffset.UtcNow - TimerReconciler.SettleTime - TimeSpan.FromSeconds(1)));
            Assert.That(await reconciler.ReconcileAsync(default), Is.GreaterThanOrEqualTo(1));
        }
        var repaired = await TimerAsync(app.Services, key);
        Assert.That(repaired.JobId, Is.Not.Null);
        Assert.That(app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(repaired.JobId).History[0].StateName, Is.EqualTo(ScheduledState.StateName));
    }
}
