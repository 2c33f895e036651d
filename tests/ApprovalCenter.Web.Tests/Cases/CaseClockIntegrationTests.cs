using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.States;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>The legal clock of real cases on PostgreSQL: deadlines, pauses, deemed acceptance and
/// the timers that drive them.</summary>
public sealed class CaseClockIntegrationTests
{
    private static async Task<WorkingCalendar> CalendarAsync(AppFactory app) =>
        await app.Services.GetRequiredService<CalendarProvider>().GetAsync();

    [Test]
    public async Task Acceptance_sets_both_deadlines_issues_the_notice_and_schedules_the_clock_timers()
    {
        // Business time stands still while the test runs: no deadline falls due.
        var clock = new TestClock(TestClock.China(2026, 12, 7));   // a Monday
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var submitted = await kit.SubmitAsync("company", "ZJ-001");   // promised 3 wd, statutory 7
        Assert.That(submitted.Number, Does.Match(@"^QYGX-2026-\d{6}$"));
        Assert.That(submitted.IntakeDeadline, Is.EqualTo(new DateOnly(2026, 12, 14)), "5 wd after Mon Dec 7");
        using (var s0 = app.Services.CreateScope())
        {
            var lapse = await s0.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>()
                .SingleAsync(t => t.Subject == submitted.Number && t.Key.Contains(":intake-lapse:"));
            Assert.That(lapse.DueAt, Is.EqualTo(TestClock.China(2026, 12, 15, 0)), "fires when Dec 15 begins in China");
            Assert.That(lapse.JobId, Is.Not.Null, "handed to Hangfire after the commit");
            var job = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(lapse.JobId);
            Assert.That(job.History[0].StateName, Is.EqualTo(ScheduledState.StateName));
            var wakeUp = ApprovalCenter.Web.Tests.Scheduling.TimerTestKit.EnqueueAt(job);
            var expected = DateTime.UtcNow + (TestClock.China(2026, 12, 15, 0) - clock.GetUtcNow());
            Assert.That(wakeUp, Is.EqualTo(expected).Within(TimeSpan.FromMinutes(1)), "woken in real time after as long as business time has to run");
        }

        var accepted = await kit.ActAsync(submitted.Number, "clerk", "accept");
        Assert.That(accepted.CurrentSteps, Is.EqualTo("review"));
        Assert.That(accepted.PromisedDeadline, Is.EqualTo(new DateOnly(2026, 12, 10)));
        Assert.That(accepted.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 12, 16)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var timers = await db.Set<ScheduledTimer>().Where(t => t.Subject == submitted.Number && t.Status == TimerStatus.Pending).Select(t => t.Key).ToListAsync();
        Assert.That(timers, Does.Contain(CaseService.ClockTimerKey(submitted.Number, ApprovalCenter.Clock.ClockTimerKind.PromisedExceeded)));
        Assert.That(timers, Does.Contain(CaseService.ClockTimerKey(submitted.Number, ApprovalCenter.Clock.ClockTimerKind.StatutoryExceeded)));
        Assert.That(timers.Any(t => t.Contains(":intake-lapse:")), Is.False, "the intake lapse timer is cancelled once accepted");
        var docs = await db.Set<IssuedDocument>().Where(d => d.CaseNumber == submitted.Number).ToListAsync();
        Assert.That(docs.Select(d => d.Kind), Is.EquivalentTo(new[] { ApprovalCenter.Documents.DocumentKind.AcceptanceNotice }));
        Assert.That(docs[0].Sha256, Has.Length.EqualTo(64));
        var journal = await kit.JournalAsync(submitted.Number);
        Assert.That(journal.Select(j => j.Action), Is.EqualTo(new[] { "submit", "accept" }));
        Assert.That(journal[1].ActorName, Is.EqualTo("李窗口"));
        Assert.That(journal[1].Ip, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task An_excluded_procedure_moves_both_deadlines_by_the_working_days_it_took()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "HB-001");
        var before = await kit.ActAsync(c.Number, "clerk", "accept");

        clock.Set(TestClock.China(2026, 12, 9));
        var paused = await kit.ActAsync(c.Number, "reviewer.hb", "start-excluded-procedure", new() { ["procedure"] = "ExpertReview", ["expectedDays"] = 5 });
        Assert.That(paused.CurrentSteps, Is.EqualTo("excluded-procedure"));
        clock.Set(TestClock.China(2026, 12, 14));
        var resumed = await kit.ActAsync(c.Number, "reviewer.hb", "end-excluded-procedure");

        var calendar = await CalendarAsync(app);
        // Paused over (Dec 9, Dec 14]: Dec 10, 11, 14 = 3 working days.
        Assert.That(resumed.PromisedDeadline, Is.EqualTo(calendar.AddWorkingDays(before.PromisedDeadline!.Value, 3).Value));
        Assert.That(resumed.StatutoryDeadline, Is.EqualTo(calendar.AddWorkingDays(before.StatutoryDeadline!.Value, 3).Value));
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.Explain(ApprovalCenter.Clock.DeadlineKind.Promised)!.ToText(), Does.Contain("专家评审"));
    }

    [Test]
    public async Task The_art32_intake_lapse_accepts_the_case_by_itself_as_of_its_receipt()
    {
        var clock = new TestClock(TestClock.China(2026, 10, 12));   // a Monday
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        Assert.That(c.IntakeDeadline, Is.EqualTo(new DateOnly(2026, 10, 19)));
        // Business time passes the lapse (Oct 20, 00:00 China time) by a day: the timer follows the
        // clock, and its effect is dated at its due instant, as after a node's downtime.
        clock.Set(TestClock.China(2026, 10, 21));

        var accepted = await kit.WaitForAsync(c.Number, r => r.CurrentSteps == "review");
        Assert.That(accepted.CurrentSteps, Is.EqualTo("review"), "nobody acted: the timer moved the case");
        var (_, instance, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.DeemedAccepted, Is.True);
        Assert.That(caseClock.AcceptedOn, Is.EqualTo(new DateOnly(2026, 10, 12)), "deemed accepted as of the day it was received");
        Assert.That(accepted.PromisedDeadline, Is.EqualTo(new DateOnly(2026, 10, 15)), "3 wd counted from the receipt");
        Assert.That(instance.Data["deemedAccepted"], Is.EqualTo(true));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Select(j => j.Action), Does.Contain("timer:intake-lapse"));
        Assert.That(journal.Single(j => j.Action == "timer:intake-lapse").Actor, Is.EqualTo("system"));
    }

    [Test]
    public async Task A_promised_limit_breach_is_journaled_and_escalated_to_the_supervisors()
    {
        // ZJ-013: promised 5 wd, statutory 20. Received Mon Nov 9 and nobody acts: the intake lapse
        // deems it accepted as of Nov 9, the promised limit ends Nov 16 and the statutory one Dec 7.
        // Business time then jumps to Nov 17: the lapse and the promised breach are both due and
        // fire together (in any order: the state only moves forward); the statutory one is still ahead.
        var clock = new TestClock(TestClock.China(2026, 11, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-013");
        clock.Set(TestClock.China(2026, 11, 17, 10));
        var journal = await kit.WaitForJournalAsync(c.Number, "clock:PromisedExceeded");
        Assert.That(journal.Select(j => j.Action), Does.Contain("timer:intake-lapse"));
        Assert.That(journal.Select(j => j.Action), Does.Contain("clock:PromisedExceeded"));
        await Task.Delay(2000);
        journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Count(j => j.Action == "clock:PromisedExceeded"), Is.EqualTo(1), "reported once");
        Assert.That(journal.Any(j => j.Action == "clock:StatutoryExceeded"), Is.False, "the statutory limit is still ahead");
        var stored = await kit.WaitForAsync(c.Number, r => true);
        Assert.That(stored.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 12, 7)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var supervisor = await db.Users.SingleAsync(u => u.UserName == "supervisor");
        Assert.That(await db.Set<ApprovalCenter.Notifications.Notification>().AnyAsync(n => n.UserId == supervisor.Id && n.CaseNumber == c.Number), Is.True);
        var reviewer = await db.Users.SingleAsync(u => u.UserName == "reviewer.zj");
        Assert.That(await db.Set<ApprovalCenter.Notifications.Notification>().AnyAsync(n => n.UserId == reviewer.Id && n.CaseNumber == c.Number), Is.True, "the handler is told");
    }

    [Test]
    public async Task A_second_extension_is_refused_by_the_clock()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept");
        await kit.ActAsync(c.Number, "reviewer.zj", "request-extension", new() { ["extensionReason"] = "需现场核查", ["extensionDays"] = 10 });
        var extended = await kit.ActAsync(c.Number, "head", "approve-extension");
        var calendar = await CalendarAsync(app);
        Assert.That(extended.StatutoryDeadline, Is.EqualTo(calendar.AddWorkingDays(accepted.StatutoryDeadline!.Value, 10).Value));
        var e = await Assert.ThrowsAsync<CaseException>(() =>
            kit.ActAsync(c.Number, "reviewer.zj", "request-extension", new() { ["extensionReason"] = "再次延期", ["extensionDays"] = 5 }));
        Assert.That(e!.Status, Is.EqualTo(400));
        Assert.That(e.Message, Does.Contain("只能延长一次"));
    }
}
