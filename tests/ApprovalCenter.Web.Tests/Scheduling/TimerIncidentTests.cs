using System.Net;
using ApprovalCenter.Administration;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalCenter.Web.Tests.Scheduling.TimerTestKit;

namespace ApprovalCenter.Web.Tests.Scheduling;

/// <summary>A timer kind whose handler throws while <see cref="Broken"/> is set.</summary>
public sealed class FlakyTimerHandler : ITimerHandler
{
    public static volatile bool Broken = true;
    public string Kind => "test-flaky";

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct) =>
        Broken ? throw new InvalidOperationException("下游系统不可用 (test)") : new ProbeTimerHandler().HandleAsync(timer, db, ct);
}

public sealed class TimerIncidentTests
{
    private sealed class FlakyAppFactory : AppFactory
    {
        public FlakyAppFactory() => With("ApprovalCenter:Scheduler:MaxTimerAttempts", "2");

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<ITimerHandler, FlakyTimerHandler>());
        }
    }

    [Test]
    public async Task A_failing_handler_backs_off_becomes_an_incident_blocks_no_other_timer_and_is_retried_by_hand()
    {
        FlakyTimerHandler.Broken = true;
        await using var app = new FlakyAppFactory();
        var flaky = NewKey("flaky");
        using (var scope = app.Services.CreateScope())
        {
            var timers = scope.ServiceProvider.GetRequiredService<DurableTimers>();
            await timers.SetAsync(flaky, "test-flaky", "QYGX-2026-999999", DateTimeOffset.UtcNow.AddSeconds(-1));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
            await timers.FlushAsync();
        }
        var healthy = NewKey("healthy");
        await SetAsync(app.Services, healthy, DateTimeOffset.UtcNow.AddSeconds(1));

        var first = await WaitForAsync(app.Services, flaky, t => t.Attempts >= 1, TimeSpan.FromSeconds(10));
        Assert.That(first.Attempts, Is.EqualTo(1), "first attempt failed");
        Assert.That(first.RetryAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddSeconds(5)), "backs off before the next try");
        Assert.That(first.LastError, Does.Contain("下游系统不可用"));
        Assert.That((await WaitForStatusAsync(app.Services, healthy, TimerStatus.Fired, TimeSpan.FromSeconds(20))).Status, Is.EqualTo(TimerStatus.Fired),
            "a failing timer never blocks the others");

        var incident = await WaitForStatusAsync(app.Services, flaky, TimerStatus.Failed, TimeSpan.FromSeconds(40));
        Assert.That(incident.Status, Is.EqualTo(TimerStatus.Failed), "after MaxTimerAttempts it is an incident");
        Assert.That(incident.Attempts, Is.EqualTo(2));

        using var admin = await app.SignedInAsync("admin");
        var page = (await admin.GetStringAsync("/Admin/Incidents")).Html();
        Assert.That(page, Does.Contain("QYGX-2026-999999").And.Contain("下游系统不可用").And.Contain("立即重试"));

        FlakyTimerHandler.Broken = false;   // the cause is fixed
        var retried = await admin.PostFormAsync("/Admin/Incidents?handler=Retry", new Dictionary<string, string> { ["Key"] = flaky });
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(retried.Headers.Location!.ToString(), Does.Contain("done=fired"));
        Assert.That((await TimerAsync(app.Services, flaky)).Status, Is.EqualTo(TimerStatus.Fired));
        Assert.That(await EffectsAsync(app.Services, flaky), Has.Count.EqualTo(1));
        using var scope2 = app.Services.CreateScope();
        var journal = await scope2.ServiceProvider.GetRequiredService<AppDbContext>().Set<AdminJournalEntry>().Where(j => j.Subject == flaky).ToListAsync();
        Assert.That(journal.Select(j => j.Action), Is.EqualTo(new[] { "timer:retry" }));
        Assert.That(journal[0].ActorName, Is.EqualTo("admin"));
        Assert.That(journal[0].Reason, Does.Contain("下游系统不可用"), "why it was retried: the error it had");
        Assert.That((await admin.GetStringAsync("/Admin/Incidents")).Html(), Does.Contain("没有待处理的定时器故障"));

        using var clerk = await app.SignedInAsync("clerk");
        Assert.That((await clerk.GetAsync("/Admin/Incidents")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "administrators only");
    }
}
