using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>Issue 10 defect 8 on PostgreSQL: the item's own settings reach the timers and the sealed documents.</summary>
public sealed class CaseClockPerItemTests
{
    private static async Task SetRulesAsync(AppFactory app, string code, ItemTimeRules rules)
    {
        using var scope = app.Services.CreateScope();
        var catalogs = scope.ServiceProvider.GetRequiredService<CatalogProvider>();
        var items = (await catalogs.GetAsync()).Catalog.Items.Select(i => i.Code == code ? i with { TimeRules = rules } : i);
        var saved = await catalogs.SaveItemsAsync(CatalogJson.WriteItems(items), "admin", $"{code}：本地核查期限");
        Assert.That(saved.IsSuccess, Is.True, () => string.Join("\n", saved.Errors));
    }

    [Test]
    public async Task Rules_2b_the_verification_timer_and_the_sealed_decision_read_the_items_period()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));   // a Monday
        await using var app = new AppFactory { Clock = clock };
        await SetRulesAsync(app, "ZJ-001", new ItemTimeRules(VerificationDays: 10));
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Commitment);
        Assert.That(c.VerificationDays, Is.EqualTo(10), "copied from the catalog at submission");
        await kit.ActAsync(c.Number, "clerk", "offer-commitment");
        await kit.ActAsync(c.Number, "chief.zj", "approve");
        var (record, instance, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.VerificationDeadline, Is.EqualTo(new DateOnly(2026, 12, 21)), "10 wd after Dec 7");
        using var scope = app.Services.CreateScope();
        var timer = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>()
            .SingleAsync(t => t.Subject == c.Number && t.Status == TimerStatus.Pending && t.Key.Contains(":verification-due:"));
        Assert.That(timer.DueAt, Is.EqualTo(TestClock.China(2026, 12, 22, 0)));
        var decision = CaseDocumentContent.Build(DocumentKind.ApprovalDecision, record, instance, caseClock, new DateOnly(2026, 12, 7), []);
        Assert.That(decision.Paragraphs, Has.Some.Contains(ChineseDate.Numeric(new DateOnly(2026, 12, 21))), "the decision prints the timer's date");
    }

    [Test]
    public async Task Rules_1d_a_warned_case_decided_on_time_goes_back_to_normal_and_is_journaled()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");   // promised 3 wd: Dec 10; warning from Dec 9 (2/3)
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 12, 9, 10));
        await kit.WaitForJournalAsync(c.Number, "clock:Warning");
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        var decided = await kit.ActAsync(c.Number, "chief.zj", "approve");
        Assert.That(decided.ClockState, Is.EqualTo(nameof(ClockState.Normal)), "decided on time: no longer 预警");
        Assert.That((await kit.JournalAsync(c.Number)).Any(j => j.Action == "clock:Normal" && j.Summary.Contains("解除预警")), Is.True);
    }
}
