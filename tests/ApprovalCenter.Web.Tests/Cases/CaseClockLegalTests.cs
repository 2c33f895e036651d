using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>Issue 10 end to end on PostgreSQL, with the dates and the movable business clock.</summary>
public sealed class CaseClockLegalTests
{
    private static async Task<List<ScheduledTimer>> PendingTimersAsync(AppFactory app, string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>()
            .Where(t => t.Subject == number && t.Status == TimerStatus.Pending).ToListAsync();
    }

    [Test]
    public async Task Civil_Code_Art_203_a_supplement_uploaded_after_hours_on_day_29_before_the_National_Day_holiday_is_in_time()
    {
        var clock = new TestClock(TestClock.China(2026, 8, 31));   // a Monday
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        clock.Set(TestClock.China(2026, 9, 1));
        await kit.ActAsync(c.Number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未加盖规划部门印章" });
        var waiting = await kit.GetAsync(c.Number);
        Assert.That(waiting.Clock.SupplementDeadline, Is.EqualTo(new DateOnly(2026, 10, 8)), "Oct 1 is a holiday: the period ends Oct 8");
        var lapse = (await PendingTimersAsync(app, c.Number)).Single(t => t.Key.Contains(":supplement-period:"));
        Assert.That(lapse.DueAt, Is.EqualTo(TestClock.China(2026, 10, 9, 0)), "not at Oct 2 00:00 in the middle of the holiday");

        clock.Set(TestClock.China(2026, 9, 30, 18));   // day 29, after hours
        var supplemented = await kit.SupplementAsync(c.Number);
        Assert.That(supplemented.CurrentSteps, Is.EqualTo("intake"));
        Assert.That(supplemented.IntakeDeadline, Is.EqualTo(new DateOnly(2026, 10, 14)), "the bureau counts from Oct 8, the next working day");
        var timers = await PendingTimersAsync(app, c.Number);
        Assert.That(timers.Any(t => t.Key.Contains(":supplement-period:")), Is.False, "the not-accepted timer is gone");
        Assert.That(timers.Single(t => t.Key.Contains(":intake-lapse:")).DueAt, Is.EqualTo(TestClock.China(2026, 10, 15, 0)));
    }

    [Test]
    public async Task The_bureaus_decision_at_17_45_on_the_promised_last_day_carries_that_date()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");   // promised 3 wd, statutory 7
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept");
        Assert.That(accepted.PromisedDeadline, Is.EqualTo(new DateOnly(2026, 12, 10)));
        clock.Set(TestClock.China(2026, 12, 10, 17, 40));
        // The jump makes the warning due: let its timer report first, or it races the opinion for the row (a fair 409).
        Assert.That((await kit.WaitForJournalAsync(c.Number, "clock:Warning")).Any(j => j.Action == "clock:Warning"), Is.True);
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        clock.Set(TestClock.China(2026, 12, 10, 17, 45));
        var decided = await kit.ActAsync(c.Number, "chief.zj", "approve");
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.DecidedOn, Is.EqualTo(new DateOnly(2026, 12, 10)), "the date the sealed decision prints");
        Assert.That(decided.ClockState, Is.EqualTo(nameof(ClockState.Warning)).Or.EqualTo(nameof(ClockState.Normal)));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Any(j => j.Action == "clock:PromisedExceeded"), Is.False, "no escalation for a decision on time");
    }

    [Test]
    public async Task ALL_Art_44_a_commitment_certificate_handed_out_with_the_decision_is_recorded_as_delivered()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Commitment);
        await kit.ActAsync(c.Number, "clerk", "offer-commitment");
        var approved = await kit.ActAsync(c.Number, "chief.zj", "approve");
        Assert.That(approved.CurrentSteps, Is.EqualTo("verification"));
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.DeliveredOn, Is.EqualTo(new DateOnly(2026, 12, 7)));
        var timers = await PendingTimersAsync(app, c.Number);
        Assert.That(timers.Any(t => t.Key == CaseService.ClockTimerKey(c.Number, ClockTimerKind.DeliveryOverdue)), Is.False, "no false 超过送达期限");
        Assert.That(timers.Any(t => t.Key.Contains(":verification-due:")), Is.True, "verification still follows");
    }

    [Test]
    public async Task ALL_Art_44_under_tolerance_the_delivery_limit_starts_when_the_certificate_may_be_released()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Tolerance);
        await kit.ActAsync(c.Number, "clerk", "accept-with-tolerance");
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        var decided = await kit.ActAsync(c.Number, "chief.zj", "approve");
        Assert.That(decided.DeliveryDeadline, Is.Null, "withheld: no delivery limit runs");
        Assert.That((await PendingTimersAsync(app, c.Number)).Any(t => t.Key == CaseService.ClockTimerKey(c.Number, ClockTimerKind.DeliveryOverdue)), Is.False);

        clock.Set(TestClock.China(2026, 12, 9));
        await kit.SupplementAsync(c.Number, action: "submit-supplements");
        var verified = await kit.ActAsync(c.Number, "clerk", "verify");
        Assert.That(verified.CurrentSteps, Is.EqualTo("delivery"));
        Assert.That(verified.DeliveryDeadline, Is.EqualTo(new DateOnly(2026, 12, 23)), "10 wd from the release on Dec 9");
    }
}
