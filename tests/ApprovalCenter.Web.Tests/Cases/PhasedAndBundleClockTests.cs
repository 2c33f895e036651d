using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// Issue 10, the latent gaps, on PostgreSQL: the phased construction permit stops its limits (and its timers)
/// between phases and counts each phase afresh; 企业开办 and 拿地即开工 (with its 模拟审批 sub-cases) count from the
/// day the bureau took them up, and are never "deemed accepted" at the receipt. Mon Mar 2 2026; Qingming Apr 4–6.
/// </summary>
public sealed class PhasedAndBundleClockTests
{
    private static async Task UseProcessAsync(AppFactory app, string code, string process)
    {
        using var scope = app.Services.CreateScope();
        var catalogs = scope.ServiceProvider.GetRequiredService<CatalogProvider>();
        var items = (await catalogs.GetAsync()).Catalog.Items.Select(i => i.Code == code ? i with { Process = process } : i);
        var saved = await catalogs.SaveItemsAsync(CatalogJson.WriteItems(items), "admin", $"{code}：{process}");
        Assert.That(saved.IsSuccess, Is.True, () => string.Join("\n", saved.Errors));
    }

    private static async Task<List<ScheduledTimer>> PendingClockTimersAsync(AppFactory app, string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>()
            .Where(t => t.Subject == number && t.Status == TimerStatus.Pending && t.Key.StartsWith("clock:")).ToListAsync();
    }

    [Test]
    public async Task Rules_2d_a_phased_permit_stops_its_limits_between_phases_and_counts_each_phase_afresh()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        await UseProcessAsync(app, "ZJ-001", "phased-construction-permit");
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(c.Number, "clerk", "accept");
        clock.Set(TestClock.China(2026, 3, 4, 10));
        await kit.WaitForJournalAsync(c.Number, "clock:Warning");   // day 2 of 3: warned, and the phase's decision lifts it
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "桩基础符合要求" });
        var issued = await kit.ActAsync(c.Number, "chief.zj", "approve-phase");
        Assert.That(issued.Steps, Is.EqualTo(new[] { "awaiting-next-phase" }));
        var (_, _, between) = await kit.GetAsync(c.Number);
        Assert.That(between.Phase, Is.EqualTo(ClockPhase.BetweenPhases));
        Assert.That(await PendingClockTimersAsync(app, c.Number), Is.Empty, "no warning or breach is armed while the applicant prepares the next phase");

        clock.Set(TestClock.China(2026, 3, 13, 10));   // past the first phase's promised Mar 5
        var waiting = await kit.GetAsync(c.Number);
        Assert.That(waiting.Clock.StateAt(new DateOnly(2026, 3, 13)), Is.EqualTo(ClockState.Normal));

        clock.Set(TestClock.China(2026, 3, 16, 10));
        var next = await kit.ActAsync(c.Number, "company", "apply-next-phase", new() { ["phase"] = "基坑支护和土方开挖", ["finalPhase"] = true });
        Assert.That(next.Steps, Is.EqualTo(new[] { "phase-review" }));
        Assert.That((next.PromisedDeadline, next.StatutoryDeadline), Is.EqualTo((new DateOnly(2026, 3, 19), new DateOnly(2026, 3, 25))), "fresh limits from Mar 16: promised 3 wd, statutory 7 wd");
        var timers = await PendingClockTimersAsync(app, c.Number);
        Assert.That(timers.Single(t => t.Key.EndsWith(":PromisedExceeded")).DueAt, Is.EqualTo(TestClock.China(2026, 3, 20, 0)));

        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "同意" });
        var done = await kit.ActAsync(c.Number, "chief.zj", "approve-phase");
        Assert.That(done.Status, Is.EqualTo(CaseStatus.Completed));
        Assert.That(done.ClockState, Is.EqualTo(nameof(ClockState.Normal)));
        Assert.That((await kit.GetAsync(c.Number)).Clock.CompletedPhases, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Rules_2f_business_start_up_counts_from_its_receipt_as_an_acceptance_not_a_deemed_one()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        await UseProcessAsync(app, "JX-001", "business-startup");
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "JX-001");
        var (record, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That((caseClock.Phase, caseClock.AcceptedOn, caseClock.DeemedAccepted), Is.EqualTo((ClockPhase.InProgress, (DateOnly?)new DateOnly(2026, 3, 2), false)));
        Assert.That(record.PromisedDeadline, Is.Not.Null);
        Assert.That((await PendingClockTimersAsync(app, c.Number)).Select(t => t.Key), Has.None.Contains("IntakeLapse"));
    }

    [Test]
    public async Task Rules_2d_land_to_construction_and_its_pre_reviews_count_from_their_own_start_and_stop_while_the_land_contract_is_awaited()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        await UseProcessAsync(app, "ZJ-002", "land-to-construction");
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-002");
        var parent = await kit.GetAsync(c.Number);
        Assert.That((parent.Clock.AcceptedOn, parent.Clock.DeemedAccepted), Is.EqualTo(((DateOnly?)new DateOnly(2026, 3, 2), false)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var children = await db.Set<CaseRecord>().Where(x => x.ParentCaseId == c.Id).Select(x => x.Number).ToListAsync();
        Assert.That(children, Has.Count.EqualTo(3));
        clock.Set(TestClock.China(2026, 3, 2, 15));
        foreach (var child in children)
        {
            var (_, _, childClock) = await kit.GetAsync(child);
            Assert.That((childClock.AcceptedOn, childClock.DeemedAccepted), Is.EqualTo(((DateOnly?)new DateOnly(2026, 3, 2), false)), "a pre-review counts from its own start");
            await kit.ActAsync(child, "reviewer.zj", "pass");
        }
        var waiting = await kit.GetAsync(c.Number);
        Assert.That(waiting.Record.Steps, Is.EqualTo(new[] { "awaiting-land-contract" }));
        Assert.That(waiting.Clock.Phase, Is.EqualTo(ClockPhase.BetweenPhases), "the wait for the land contract is not the bureau's time");
        Assert.That(await PendingClockTimersAsync(app, c.Number), Is.Empty);
    }
}
