using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Journeys;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// Issue 10, defect 9, the hearing (ALL Art. 47–48) on PostgreSQL with the movable business clock.
/// HB-001 (promised 10 wd) accepted Mon 2026-03-02: promised Mar 16. Told of the right Tue Mar 3: request
/// by Mon Mar 9 (Mar 8 is a Sunday). Requested Fri Mar 6, notified Mon Mar 9 for Fri Mar 20 (≥ Mar 18,
/// ≤ Apr 3), held Mar 20: 10 wd excluded, promised Mar 30.
/// </summary>
public sealed class HearingIntegrationTests
{
    private static async Task<ScheduledTimer?> TimerAsync(AppFactory app, string number, string name)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Subject == number && t.Key.Contains(":" + name + ":") && t.Status == TimerStatus.Pending);
    }

    [Test]
    public async Task ALL_Art_47_48_a_hearing_requested_in_time_is_notified_7_days_ahead_and_its_time_is_excluded()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "HB-001");
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept");
        Assert.That(accepted.PromisedDeadline, Is.EqualTo(new DateOnly(2026, 3, 16)));

        clock.Set(TestClock.China(2026, 3, 3, 10));
        await kit.ActAsync(c.Number, "reviewer.hb", "notify-hearing-right", new() { ["hearingMatter"] = "项目排污口设置涉及下游居民重大利益" });
        Assert.That((await TimerAsync(app, c.Number, "hearing-request-period"))!.DueAt, Is.EqualTo(TestClock.China(2026, 3, 10, 0)), "the 5 days end Mon Mar 9");

        clock.Set(TestClock.China(2026, 3, 6, 10));
        var requested = await kit.ActAsync(c.Number, "company", "request-hearing");
        Assert.That(requested.CurrentSteps, Is.EqualTo("hearing-scheduling"));
        Assert.That(await TimerAsync(app, c.Number, "hearing-request-period"), Is.Null);

        clock.Set(TestClock.China(2026, 3, 9, 10));
        var early = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.hb", "schedule-hearing",
            new() { [ActionCatalog.HearingDate] = "2026-03-17", ["hearingPlace"] = "本局三楼听证室", ["hearingOfficer"] = "王五" }));
        Assert.That((early!.Status, early.Field), Is.EqualTo((400, ActionCatalog.HearingDate)));
        Assert.That(early.Errors[0].Message, Does.Contain("2026-03-18").And.Contain("2026-04-03"));
        var malformed = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.hb", "schedule-hearing",
            new() { [ActionCatalog.HearingDate] = "3月20日", ["hearingPlace"] = "本局三楼听证室", ["hearingOfficer"] = "王五" }));
        Assert.That((malformed!.Status, malformed.Field), Is.EqualTo((400, ActionCatalog.HearingDate)));
        await kit.ActAsync(c.Number, "reviewer.hb", "schedule-hearing",
            new() { [ActionCatalog.HearingDate] = "2026-03-20", ["hearingPlace"] = "本局三楼听证室", ["hearingOfficer"] = "王五" });

        clock.Set(TestClock.China(2026, 3, 20, 15));
        var held = await kit.ActAsync(c.Number, "reviewer.hb", "hold-hearing", new() { ["hearingRecord"] = "居民代表陈述意见，申请人申辩" });
        Assert.That((held.CurrentSteps, held.PromisedDeadline), Is.EqualTo(("review", new DateOnly(2026, 3, 30))), "Mar 9–13 and 16–20 excluded");
        var calendar = await app.Services.GetRequiredService<CalendarProvider>().GetAsync();
        Assert.That(held.StatutoryDeadline, Is.EqualTo(calendar.AddWorkingDays(accepted.StatutoryDeadline!.Value, 10).Value));
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.Pauses.Single(), Is.EqualTo(new PauseSpan(ExcludedProcedure.Hearing, new DateOnly(2026, 3, 6), 20, new DateOnly(2026, 4, 3), new DateOnly(2026, 3, 20))));

        var docs = await app.DocumentsAsync(c.Number);
        var right = await JourneyKit.PdfTextAsync(docs.Single(d => d.Kind == DocumentKind.HearingRightNotice).Pdf);
        Assert.That(right, Does.Contain("听证").And.Contain("2026年3月9日"));
        var notice = await JourneyKit.PdfTextAsync(docs.Single(d => d.Kind == DocumentKind.HearingNotice).Pdf);
        Assert.That(notice, Does.Contain("2026年3月20日").And.Contain("三楼听证室"));
        var journal = (await kit.JournalAsync(c.Number)).Select(j => j.Action).ToList();
        Assert.That(journal, Is.SupersetOf(new[] { "notify-hearing-right", "request-hearing", "schedule-hearing", "hold-hearing" }));
    }

    [Test]
    public async Task ALL_Art_47_no_request_within_5_days_and_the_timer_returns_the_case_to_review()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "HB-001");
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 3, 3, 10));
        await kit.ActAsync(c.Number, "reviewer.hb", "notify-hearing-right", new() { ["hearingMatter"] = "项目排污口设置涉及下游居民重大利益" });

        clock.Set(TestClock.China(2026, 3, 10, 0, 1));
        var back = await kit.WaitForAsync(c.Number, r => r.CurrentSteps == "review");
        Assert.That(back.CurrentSteps, Is.EqualTo("review"), "nobody acted: the 5 days lapsed");
        Assert.That((await kit.JournalAsync(c.Number)).Any(j => j.Action == "timer:hearing-request-period"), Is.True);
        Assert.That(async () => await kit.ActAsync(c.Number, "company", "request-hearing"), Throws.TypeOf<CaseException>(), "too late to request");
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.Pauses, Is.Empty, "no hearing, nothing excluded");
    }
}
