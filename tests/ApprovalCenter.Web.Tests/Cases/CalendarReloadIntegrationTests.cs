using System.Net;
using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// Issue 10, defect 6, on PostgreSQL with the movable business clock: a year's notice, and a
/// correction of it, reach every timer of every running case. 2027 is provisional until loaded
/// (Jan 1, Feb 5 and Feb 8 off); Jan 1 2027 is a Friday, Feb 1 a Monday.
/// </summary>
public sealed class CalendarReloadIntegrationTests
{
    // The notice: Spring Festival Feb 5–13, make-up Saturdays Jan 30 and Feb 20.
    private const string Notice = """
        { "year": 2027, "source": { "title": "测试用2027年节假日安排", "published": "2026-12-01" },
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "春节", "from": "2027-02-05", "to": "2027-02-13" } ],
          "makeUpWorkingDays": [ { "date": "2027-01-30", "for": "春节" }, { "date": "2027-02-20", "for": "春节" } ] }
        """;
    // Its correction: the festival runs to Feb 16, and Sunday Jan 31 is worked too.
    private const string Correction = """
        { "year": 2027, "source": { "title": "测试用2027年节假日安排（更正）", "published": "2027-02-10" },
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" }, { "name": "春节", "from": "2027-02-05", "to": "2027-02-16" } ],
          "makeUpWorkingDays": [ { "date": "2027-01-30", "for": "春节" }, { "date": "2027-01-31", "for": "春节" }, { "date": "2027-02-20", "for": "春节" } ] }
        """;

    private static DateTimeOffset Midnight(int m, int d) => ClockTimer.StartOfDay(new DateOnly(2027, m, d));

    private static async Task LoadAsync(AppFactory app, string json) =>
        await app.Services.GetRequiredService<CalendarProvider>().SaveYearAsync(CalendarYearParser.Parse(json), json, "admin");

    private static async Task<DateTimeOffset> DueAsync(AppFactory app, string number, string keyPart)
    {
        using var scope = app.Services.CreateScope();
        var timer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking()
            .SingleAsync(t => t.Subject == number && t.Status == TimerStatus.Pending && t.Key.Contains(keyPart));
        return timer.DueAt;
    }

    [Test]
    public async Task Loading_a_years_notice_moves_every_workflow_and_clock_timer_and_reports_the_breach_it_reveals()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 28));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);

        var commitment = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Commitment);
        await kit.ActAsync(commitment.Number, "clerk", "offer-commitment");
        await kit.ActAsync(commitment.Number, "chief.zj", "approve");
        Assert.That(await DueAsync(app, commitment.Number, ":verification-due:"), Is.EqualTo(Midnight(2, 12)), "30 wd on the provisional calendar end Feb 11");

        clock.Set(TestClock.China(2027, 1, 7));
        var supplement = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(supplement.Number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未加盖规划部门印章" });
        Assert.That(await DueAsync(app, supplement.Number, ":supplement-period:"), Is.EqualTo(Midnight(2, 10)), "Jan 7 + 30 nd = Feb 6 (off) → Feb 9");

        clock.Set(TestClock.China(2027, 1, 29));   // a Friday
        var revealed = await kit.SubmitAsync("company", "ZJ-001");   // promised 3 wd, statutory 7
        await kit.ActAsync(revealed.Number, "clerk", "accept");

        clock.Set(TestClock.China(2027, 2, 3));
        var intake = await kit.SubmitAsync("company", "ZJ-001");
        var tolerance = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Tolerance);
        await kit.ActAsync(tolerance.Number, "clerk", "accept-with-tolerance");
        Assert.That(await DueAsync(app, intake.Number, ":intake-lapse:"), Is.EqualTo(Midnight(2, 13)), "Feb 4, 9, 10, 11, 12");
        Assert.That(await DueAsync(app, tolerance.Number, ":tolerance-supplement-deadline:"), Is.EqualTo(Midnight(2, 11)));
        Assert.That(await DueAsync(app, tolerance.Number, ":" + ClockTimerKind.StatutoryExceeded), Is.EqualTo(Midnight(2, 17)));
        // Provisionally the accepted case's promised limit ends Feb 3 (Feb 1, 2, 3): today it is only in warning.
        await kit.WaitForJournalAsync(revealed.Number, "clock:Warning");

        clock.Set(TestClock.China(2027, 2, 3, 12));
        await LoadAsync(app, Notice);

        // Dec 29–31, Jan 4–29 (23), Jan 30 (24), Feb 1–4 (28), Feb 15, 16 → 30 wd end Feb 16.
        Assert.That(await DueAsync(app, commitment.Number, ":verification-due:"), Is.EqualTo(Midnight(2, 17)), "verification");
        Assert.That(await DueAsync(app, supplement.Number, ":supplement-period:"), Is.EqualTo(Midnight(2, 16)), "supplement period: Feb 6–14 off → Feb 15");
        Assert.That(await DueAsync(app, intake.Number, ":intake-lapse:"), Is.EqualTo(Midnight(2, 19)), "intake lapse: Feb 4, 15, 16, 17, 18");
        Assert.That(await DueAsync(app, tolerance.Number, ":tolerance-supplement-deadline:"), Is.EqualTo(Midnight(2, 17)), "tolerance supplements: Feb 4, 15, 16");
        Assert.That(await DueAsync(app, tolerance.Number, ":" + ClockTimerKind.PromisedExceeded), Is.EqualTo(Midnight(2, 17)), "promised breach");
        Assert.That(await DueAsync(app, tolerance.Number, ":" + ClockTimerKind.StatutoryExceeded), Is.EqualTo(Midnight(2, 21)), "statutory breach: … Feb 19, Sat Feb 20");
        Assert.That(await DueAsync(app, tolerance.Number, ":" + ClockTimerKind.Warning), Is.EqualTo(Midnight(2, 15)), "warning after 2 wd");

        // With Saturday Jan 30 worked, the promised limit of the case accepted Jan 29 ended Feb 2.
        var breached = await kit.GetAsync(revealed.Number);
        Assert.That(breached.Record.PromisedDeadline, Is.EqualTo(new DateOnly(2027, 2, 2)));
        Assert.That(breached.Record.ClockState, Is.EqualTo(nameof(ClockState.PromisedExceeded)));
        var journal = await kit.JournalAsync(revealed.Number);
        Assert.That(journal.Count(j => j.Action == "clock:PromisedExceeded"), Is.EqualTo(1), "reported once, by the recomputation");
        Assert.That(journal.Single(j => j.Action == "recompute-deadlines").Summary, Does.Contain("承诺时限 2027-02-03 → 2027-02-02"));
        var supervisor = await kit.ActorAsync("supervisor");
        using var scope = app.Services.CreateScope();
        var inbox = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Notification>().AsNoTracking()
            .Where(n => n.UserId == supervisor.UserId && n.CaseNumber == revealed.Number).ToListAsync();
        Assert.That(inbox.Select(n => n.Body), Has.Some.Contains("已超过承诺时限"), "escalated to the supervisors as a breach timer would");
    }

    [Test]
    public async Task Correcting_a_loaded_year_recomputes_re_arms_a_breach_that_fired_early_and_keeps_history_it_invalidates_readable()
    {
        var clock = new TestClock(TestClock.China(2027, 1, 29));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var history = await kit.SubmitAsync("company", "ZJ-001");
        clock.Set(TestClock.China(2027, 2, 3));
        var early = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(early.Number, "clerk", "accept");
        clock.Set(TestClock.China(2027, 2, 3, 12));
        await LoadAsync(app, Notice);

        // On the notice the window of the application received Jan 29 ends Feb 4 (Jan 30, Feb 1–4): a notice that day is in time.
        clock.Set(TestClock.China(2027, 2, 4, 16));
        Assert.That((await kit.GetAsync(history.Number)).Record.IntakeDeadline, Is.EqualTo(new DateOnly(2027, 2, 4)));
        await kit.ActAsync(history.Number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未加盖规划部门印章" });

        // Promised limit of the case accepted Feb 3: Feb 4, 15, 16; the breach fires at Feb 17 00:00.
        clock.Set(TestClock.China(2027, 2, 17, 12));
        await kit.WaitForJournalAsync(early.Number, "clock:PromisedExceeded");
        await LoadAsync(app, Correction);

        // The correction: Feb 15 and 16 are off, so the limit ends Feb 18 and the breach was early.
        var corrected = await kit.GetAsync(early.Number);
        Assert.That(corrected.Record.PromisedDeadline, Is.EqualTo(new DateOnly(2027, 2, 18)));
        Assert.That(corrected.Record.ClockState, Is.EqualTo(nameof(ClockState.Warning)));
        Assert.That(await DueAsync(app, early.Number, ":" + ClockTimerKind.PromisedExceeded), Is.EqualTo(Midnight(2, 19)), "re-armed");
        var journal = await kit.JournalAsync(early.Number);
        Assert.That(journal.Any(j => j.Action == "clock:Warning" && j.Summary.Contains("改为")), Is.True, "the withdrawn breach is journaled");

        // With Sunday Jan 31 worked the window had ended Feb 3: the notice of Feb 4 would be late today, yet it was given in time.
        var kept = await kit.GetAsync(history.Number);
        Assert.That(kept.Clock.Phase, Is.EqualTo(ClockPhase.AwaitingSupplement));
        var current = (await app.Services.GetRequiredService<CalendarProvider>().GetAsync()).Version.Fingerprint;
        Assert.That(kept.Record.CalendarFingerprint, Is.EqualTo(current), "recomputed on the correction, and the refresh went on after it");
        Assert.That(corrected.Record.CalendarFingerprint, Is.EqualTo(current));
        foreach (var (user, path) in new[] { ("clerk", $"/Staff/Cases/{history.Number}"), ("company", $"/My/Cases/{history.Number}") })
        {
            using var client = app.CreateBrowserLikeClient();
            await client.SignInAsync(user, IdentitySeeder.DemoPassword);
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }

        clock.Set(TestClock.China(2027, 2, 19, 10));
        var reported = await kit.WaitForAsync(early.Number, r => r.ClockState == nameof(ClockState.PromisedExceeded));
        Assert.That(reported.ClockState, Is.EqualTo(nameof(ClockState.PromisedExceeded)), "the re-armed timer reports the breach on the corrected day");
    }
}
