using System.Collections.Concurrent;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ApprovalCenter.Web.Tests.Scheduling;

/// <summary>Counts its firings per timer key; shared by every app instance in the test process.</summary>
public sealed class ProbeTimerHandler : ITimerHandler
{
    public static readonly ConcurrentDictionary<string, int> Fired = new();
    public string Kind => "test-probe";

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        Fired.AddOrUpdate(timer.Key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

public sealed class ProbeAppFactory(string database) : AppFactory(database)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<ITimerHandler, ProbeTimerHandler>());
    }
}

public sealed class DurableTimerTests
{
    private static async Task SetTimerAsync(AppFactory app, string key, DateTimeOffset due)
    {
        using var scope = app.Services.CreateScope();
        var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
        await timers.SetAsync(key, "test-probe", "TEST", due);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        await timers.FlushAsync();
    }

    private static async Task<ScheduledTimer> WaitForStatusAsync(AppFactory app, string key, TimerStatus status, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            using var scope = app.Services.CreateScope();
            var timer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking().FirstAsync(t => t.Key == key);
            if (timer.Status == status || DateTime.UtcNow > until) return timer;
            await Task.Delay(250);
        }
    }

    [Test]
    public async Task A_timer_that_falls_due_while_the_app_is_down_fires_once_after_restart()
    {
        var db = TestDatabase.NewName("timer");
        var key = "test:restart:" + Guid.NewGuid().ToString("N")[..8];
        await using (var first = new ProbeAppFactory(db))
        {
            await SetTimerAsync(first, key, DateTimeOffset.UtcNow.AddSeconds(2));
        }   // graceful stop before the due time
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That(ProbeTimerHandler.Fired.ContainsKey(key), Is.False, "nothing fires while no node is up");

        await using var second = new ProbeAppFactory(db);
        var timer = await WaitForStatusAsync(second, key, TimerStatus.Fired, TimeSpan.FromSeconds(40));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired));
        await Task.Delay(1500);
        Assert.That(ProbeTimerHandler.Fired[key], Is.EqualTo(1));
    }

    [Test]
    public async Task A_timer_set_while_the_app_runs_fires_on_time()
    {
        await using var app = new ProbeAppFactory(TestDatabase.NewName("timer"));
        var key = "test:live:" + Guid.NewGuid().ToString("N")[..8];
        await SetTimerAsync(app, key, DateTimeOffset.UtcNow.AddSeconds(1));
        var timer = await WaitForStatusAsync(app, key, TimerStatus.Fired, TimeSpan.FromSeconds(30));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired));
        Assert.That(timer.FiredAt!.Value - timer.DueAt, Is.LessThan(TimeSpan.FromSeconds(15)), "fire lag");
    }

    [Test]
    public async Task Timers_keep_real_time_when_the_application_clock_is_set_back()
    {
        await using var app = new ProbeAppFactory(TestDatabase.NewName("timer")) { Clock = new TestClock(TestClock.China(2026, 1, 5)) };
        var key = "test:clock:" + Guid.NewGuid().ToString("N")[..8];
        await SetTimerAsync(app, key, DateTimeOffset.UtcNow.AddSeconds(1));
        var timer = await WaitForStatusAsync(app, key, TimerStatus.Fired, TimeSpan.FromSeconds(30));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Fired));
    }

    [Test]
    public async Task Firing_the_same_generation_twice_has_one_effect_and_a_stale_generation_none()
    {
        await using var app = new ProbeAppFactory(TestDatabase.NewName("timer"));
        var key = "test:twice:" + Guid.NewGuid().ToString("N")[..8];
        await SetTimerAsync(app, key, DateTimeOffset.UtcNow.AddHours(1));
        await SetTimerAsync(app, key, DateTimeOffset.UtcNow.AddHours(2));   // reschedule: generation 2

        using var scope = app.Services.CreateScope();
        var job = ActivatorUtilities.CreateInstance<CaseTimerJob>(scope.ServiceProvider);
        Assert.That(await job.FireAsync(key, 1, "test", default), Is.TypeOf<CaseTimerJob.FireOutcome.Stale>(), "old generation");
        Assert.That(await job.FireAsync(key, 2, "test", default), Is.TypeOf<CaseTimerJob.FireOutcome.Done>());
        Assert.That(await job.FireAsync(key, 2, "test", default), Is.TypeOf<CaseTimerJob.FireOutcome.Stale>(), "second firing");
        Assert.That(ProbeTimerHandler.Fired[key], Is.EqualTo(1));
    }

    [Test]
    public async Task Rescheduling_moves_the_quartz_trigger_and_cancelling_removes_it()
    {
        await using var app = new ProbeAppFactory(TestDatabase.NewName("timer"));
        var key = "test:move:" + Guid.NewGuid().ToString("N")[..8];
        var later = DateTimeOffset.UtcNow.AddDays(3);
        await SetTimerAsync(app, key, DateTimeOffset.UtcNow.AddDays(1));
        await SetTimerAsync(app, key, later);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey(key, DurableTimers.JobGroup), default);
        Assert.That(trigger!.StartTimeUtc, Is.EqualTo(later).Within(TimeSpan.FromSeconds(1)));

        using (var scope = app.Services.CreateScope())
        {
            var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
            await timers.CancelAsync(key);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            await timers.FlushAsync();
        }
        Assert.That(await scheduler.GetTrigger(new TriggerKey(key, DurableTimers.JobGroup), default), Is.Null);
    }

    [Test]
    public async Task The_reconciler_recreates_a_lost_trigger()
    {
        await using var app = new ProbeAppFactory(TestDatabase.NewName("timer"));
        var key = "test:lost:" + Guid.NewGuid().ToString("N")[..8];
        using (var scope = app.Services.CreateScope())
        {
            var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
            await timers.SetAsync(key, "test-probe", "TEST", DateTimeOffset.UtcNow.AddDays(1));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            // crash here: FlushAsync never runs
        }
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.That(await scheduler.GetTrigger(new TriggerKey(key, DurableTimers.JobGroup), default), Is.Null);
        using (var scope = app.Services.CreateScope())
        {
            var reconciler = ActivatorUtilities.CreateInstance<TimerReconciler>(scope.ServiceProvider);
            Assert.That(await reconciler.ReconcileAsync(scheduler, default), Is.EqualTo(0), "a timer saved moments ago may still be on its way to Quartz");
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().SingleAsync(t => t.Key == key);
            row.UpdatedAt = DateTimeOffset.UtcNow - TimerReconciler.SettleTime - TimeSpan.FromSeconds(1);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            Assert.That(await reconciler.ReconcileAsync(scheduler, default), Is.GreaterThanOrEqualTo(1));
        }
        Assert.That(await scheduler.GetTrigger(new TriggerKey(key, DurableTimers.JobGroup), default), Is.Not.Null);
    }
}
