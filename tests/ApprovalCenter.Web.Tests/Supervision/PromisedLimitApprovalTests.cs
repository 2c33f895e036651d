using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Supervision;

/// <summary>
/// rules.md §1d on PostgreSQL: exceeding the promised limit needs a supervisor's approval and a notice
/// to the applicant before the limit is reached. ZJ-001 accepted Mon 2026-12-07: promised 3 wd
/// (Dec 10), statutory 7 wd (Dec 16).
/// </summary>
public sealed class PromisedLimitApprovalTests
{
    private static readonly DateOnly Dec10 = new(2026, 12, 10), Dec15 = new(2026, 12, 15), Dec16 = new(2026, 12, 16);

    private static async Task<T> InScopeAsync<T>(AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Dictionary<string, object?> Request(DateOnly to) =>
        new() { ["promisedLimitReason"] = "需现场核验施工条件", ["newPromisedDeadline"] = to.ToString("yyyy-MM-dd") };

    [Test]
    public async Task Rules_1d_a_request_still_pending_when_the_promised_limit_runs_out_lapses_by_itself()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 12, 9, 10));
        await kit.WaitForJournalAsync(c.Number, "clock:Warning");
        await kit.ActAsync(c.Number, "reviewer.zj", "request-promised-limit", Request(Dec15));

        clock.Set(TestClock.China(2026, 12, 11, 9));   // nobody decided by Dec 10: the breach timer fires
        await kit.WaitForJournalAsync(c.Number, "promised-limit-lapsed");
        var lapsed = await InScopeAsync(app, db => db.Set<PromisedLimitRequest>().SingleAsync(r => r.CaseNumber == c.Number));
        Assert.That(lapsed.Status, Is.EqualTo(PromisedLimitRequestStatus.Lapsed));
        Assert.That(lapsed.DecisionReason, Does.Contain("2026-12-10").And.Contain("自动失效"));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Select(j => j.Action), Does.Contain("clock:PromisedExceeded"), "the breach is still reported");
        using var supervisor = app.CreateBrowserLikeClient();
        await supervisor.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        var inbox = await supervisor.GetStringAsync("/Supervision/PromisedLimitRequests");
        Assert.That(inbox, Does.Not.Contain($"data-case=\"{c.Number}\""), "the inbox holds only requests that can still be approved");
    }

    [Test]
    public async Task Rules_1d_request_supervisor_approves_notice_issued_promised_deadline_moved_no_breach_alarm()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept");
        Assert.That(accepted.PromisedDeadline, Is.EqualTo(Dec10));

        clock.Set(TestClock.China(2026, 12, 9, 10));
        // The warning timer (2/3 of 3 wd used) fires first; acting while it commits would be a fair 409.
        await kit.WaitForJournalAsync(c.Number, "clock:Warning");
        await kit.ActAsync(c.Number, "reviewer.zj", "request-promised-limit", Request(Dec15));
        var pending = await InScopeAsync(app, db => db.Set<PromisedLimitRequest>().SingleAsync(r => r.CaseNumber == c.Number));
        Assert.That((pending.Status, pending.CurrentDeadline, pending.RequestedDeadline), Is.EqualTo((PromisedLimitRequestStatus.Pending, Dec10, Dec15)));
        Assert.That((await kit.GetAsync(c.Number)).Record.PromisedDeadline, Is.EqualTo(Dec10), "nothing moves before the supervisor approves");

        var approved = await kit.ActAsync(c.Number, "supervisor", "approve-promised-limit", new() { ["decisionReason"] = "同意" });
        var lifted = await kit.JournalAsync(c.Number);
        Assert.That(lifted.Any(j => j.Action == "clock:Normal" && j.Summary.Contains("承诺时限顺延至 2026-12-15")), Is.True, "2 of 6 wd used: the warning is lifted");
        Assert.That(approved.PromisedDeadline, Is.EqualTo(Dec15));
        Assert.That(approved.StatutoryDeadline, Is.EqualTo(Dec16), "the statutory deadline is the bound and does not move");
        var decided = await InScopeAsync(app, db => db.Set<PromisedLimitRequest>().SingleAsync(r => r.CaseNumber == c.Number));
        Assert.That(decided.Status, Is.EqualTo(PromisedLimitRequestStatus.Approved));
        Assert.That(decided.DecidedAt, Is.Not.Null);
        var notice = await InScopeAsync(app, db => db.Set<IssuedDocument>().SingleAsync(d => d.CaseNumber == c.Number && d.Kind == DocumentKind.PromisedLimitNotice));
        Assert.That(notice.DocumentNumber, Does.EndWith("-CY"));
        Assert.That(notice.Pdf.Length, Is.GreaterThan(1000), "a sealed PDF");
        var breach = await InScopeAsync(app, db => db.Set<ScheduledTimer>().SingleAsync(t => t.Key == CaseService.ClockTimerKey(c.Number, ClockTimerKind.PromisedExceeded) && t.Status == TimerStatus.Pending));
        Assert.That(breach.DueAt, Is.EqualTo(TestClock.China(2026, 12, 16, 0)), "the breach timer moved from Dec 11 to the day after the new date");

        // Decided on Dec 14, after the old promised date and before the new one: on time, no alarm.
        clock.Set(TestClock.China(2026, 12, 14, 10));
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        var done = await kit.ActAsync(c.Number, "chief.zj", "approve");
        Assert.That(done.ClockState, Is.Not.EqualTo(nameof(ClockState.PromisedExceeded)));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Select(j => j.Action), Does.Contain("request-promised-limit").And.Contain("approve-promised-limit"));
        Assert.That(journal.Any(j => j.Action == "clock:PromisedExceeded"), Is.False, "no breach alarm");
        var supervisorAlarms = await InScopeAsync(app, db => db.Set<Notification>().CountAsync(n => n.Title == "超期督办" && n.Body.Contains(c.Number)));
        Assert.That(supervisorAlarms, Is.Zero);
    }

    [Test]
    public async Task Rules_1d_a_request_after_the_promised_limit_has_passed_is_refused_in_Chinese_and_the_date_is_bounded_by_the_statutory_deadline()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 12, 9, 10));
        var beyond = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.zj", "request-promised-limit", Request(new DateOnly(2026, 12, 17))));
        Assert.That((beyond!.Status, beyond.Errors.Single().Key), Is.EqualTo((400, "newPromisedDeadline")));
        Assert.That(beyond.Message, Does.Contain("不得晚于法定期限 2026-12-16"));
        Assert.That((await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.zj", "request-promised-limit", new() { ["newPromisedDeadline"] = "12/15" })))!.Status, Is.EqualTo(400));

        clock.Set(TestClock.China(2026, 12, 11, 9));
        var late = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.zj", "request-promised-limit", Request(Dec15)));
        Assert.That(late!.Status, Is.EqualTo(409));
        Assert.That(late.Message, Does.Contain("承诺时限已于 2026-12-10 届满").And.Contain("届满前经督查批准"));
        Assert.That(await InScopeAsync(app, db => db.Set<PromisedLimitRequest>().CountAsync(r => r.CaseNumber == c.Number)), Is.Zero);
    }

    [Test, Category("Browser")]
    public async Task Rules_1d_the_handler_asks_on_the_case_page_and_the_supervisor_approves_in_the_inbox_in_chromium()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        var app = new AppFactory { Clock = clock };
        await using var browser = await BrowserSession.StartAsync(app);
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", data: new() { ["projectName"] = "清远高新区示范厂房" });
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 12, 9, 10));
        await kit.WaitForJournalAsync(c.Number, "clock:Warning");

        await browser.SignInAsync("reviewer.zj", IdentitySeeder.DemoPassword);
        await browser.GoAsync($"/Staff/Cases/{c.Number}");
        await browser.Page.FillAsync("[name='in.promisedLimitReason']", "需现场核验施工条件");
        await browser.Page.FillAsync("[name='in.newPromisedDeadline']", "2026-12-15");
        await browser.Page.ClickAsync("[data-testid='act-request-promised-limit']");
        await Assertions.Expect(browser.Page.GetByTestId("promised-limit-requests")).ToContainTextAsync("待督查审批");

        await browser.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        await browser.GoAsync("/Supervision/PromisedLimitRequests");
        var row = browser.Page.Locator($"tr[data-case='{c.Number}']");
        await Assertions.Expect(row).ToContainTextAsync("2026-12-15");
        await Assertions.Expect(row).ToContainTextAsync("需现场核验施工条件");
        await browser.ScreenshotAsync("supervision-promised-limit-requests");
        await browser.Page.ClickAsync($"[data-testid='approve-{c.Number}']");
        await Assertions.Expect(browser.Page.GetByTestId("done")).ToContainTextAsync(c.Number);
        await Assertions.Expect(browser.Page.GetByTestId("no-requests")).ToBeVisibleAsync();
        Assert.That((await kit.GetAsync(c.Number)).Record.PromisedDeadline, Is.EqualTo(Dec15));
    }
}
