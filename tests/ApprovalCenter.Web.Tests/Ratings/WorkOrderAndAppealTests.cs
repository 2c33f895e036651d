using System.Net;
using ApprovalCenter.Notifications;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>Issue 12 on PostgreSQL: a bad rating opens a work order whose callback warns and then
/// escalates on the working-day clock; steps only in order; an appeal on a good rating is refused,
/// an upheld one removes the rating from the indicators and keeps it in the record.</summary>
public sealed class WorkOrderAndAppealTests
{
    private static async Task<ApprovalCenter.Cases.CaseException> Refused(Func<Task> act)
    {
        try { await act(); }
        catch (ApprovalCenter.Cases.CaseException e) { return e; }
        throw new AssertionException("expected a refusal");
    }

    [Test]
    public async Task A_bad_rating_opens_a_work_order_whose_callback_warns_escalates_and_whose_steps_go_only_in_order()
    {
        // Rated on Monday 2026-12-07: callback due by the end of Tuesday Dec 8.
        var clock = new TestClock(TestClock.China(2026, 12, 7, 15));
        await using var app = RatingsKit.App(clock);
        var kit = new CaseTestKit(app.Services);
        var c = await kit.DeliveredAsync();
        var company = await CasesApiClient.SignInAsync(app, "company");
        Assert.That((await company.RateAsync(new { caseNumber = c.Number, level = "非常不满意", reasons = new[] { "态度" } })).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var order = (await app.WorkOrderOfAsync(c.Number))!;
        Assert.That(order.Step, Is.EqualTo(WorkOrderStep.Callback));
        Assert.That((order.HandlerName, order.Department), Is.EqualTo(("李窗口", "住建")));
        Assert.That(order.CallbackDueAt, Is.EqualTo(TestClock.China(2026, 12, 9, 0)));
        Assert.That(order.RectificationDueAt, Is.EqualTo(TestClock.China(2026, 12, 15, 0)), "5 wd: Dec 14 is the fifth");
        var assigned = await app.InScopeAsync(db => (from n in db.Set<Notification>() join u in db.Users on n.UserId equals u.Id where n.Title == "新的差评工单" select u.UserName).ToListAsync());
        Assert.That(assigned, Is.SupersetOf(new[] { "clerk", "chief.zj", "supervisor" }), "handler, department lead and supervisors");

        clock.Set(TestClock.China(2026, 12, 8, 8));
        order = await RatingsKit.WaitAsync(async () => (await app.WorkOrderOfAsync(c.Number))!, w => w.CallbackWarned);
        Assert.That((order.CallbackWarned, order.CallbackEscalated), Is.EqualTo((true, false)), "warned at the start of its last day");

        clock.Set(TestClock.China(2026, 12, 9, 9));
        order = await RatingsKit.WaitAsync(async () => (await app.WorkOrderOfAsync(c.Number))!, w => w.CallbackEscalated);
        Assert.That(order.CallbackEscalated, Is.True, "overdue callback escalates");
        var escalated = await app.InScopeAsync(db => (from n in db.Set<Notification>() join u in db.Users on n.UserId equals u.Id where n.Title == "差评回访超期督办" select u.UserName).ToListAsync());
        Assert.That(escalated, Does.Contain("supervisor").And.Contain("chief.zj"));

        var clerk = await CasesApiClient.SignInAsync(app, "clerk");
        var outOfOrder = await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/rectification", new { outcome = "已整改" });
        Assert.That(outOfOrder.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await outOfOrder.Content.ReadAsStringAsync(), Does.Contain("请先完成“回访评价人”"));
        var empty = await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/callback", new { });
        Assert.That((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _), Is.True);
        var reviewerHb = await CasesApiClient.SignInAsync(app, "reviewer.hb");
        Assert.That((await reviewerHb.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/callback", new { outcome = "x" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "another department's reviewer is no assignee");

        Assert.That((await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/callback", new { outcome = "已电话联系，申请人反映窗口解释不耐心" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/verification", new { outcome = "调取录像属实", complaintValid = true })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/rectification", new { outcome = "窗口服务规范培训" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.SendAsync(HttpMethod.Post, $"/api/v1/ratings/work-orders/{order.Id}/steps/reportBack", new { outcome = "已告知整改情况", raterView = "认可" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        order = (await app.WorkOrderOfAsync(c.Number))!;
        Assert.That((order.Step, order.CallbackLate, order.ComplaintValid, order.RaterView), Is.EqualTo((WorkOrderStep.Closed, true, (bool?)true, "认可")));
        using var scope = app.Services.CreateScope();
        var stats = await scope.ServiceProvider.GetRequiredService<RatingStatistics>().WorkOrdersAsync(new RatingFilter(TestClock.China(2026, 12, 1), TestClock.China(2027, 1, 1)));
        Assert.That((stats.Total, stats.CalledBack, stats.CallbackLate, stats.CallbackRate), Is.EqualTo((1, 1, 1, (decimal?)1m)));
    }

    [Test]
    public async Task An_upheld_appeal_removes_the_rating_from_the_indicators_and_keeps_it_in_the_record()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7, 10));
        await using var app = RatingsKit.App(clock);
        var kit = new CaseTestKit(app.Services);
        var good = await kit.DeliveredAsync();
        var bad = await kit.DeliveredAsync();
        var company = await CasesApiClient.SignInAsync(app, "company");
        await company.RateAsync(new { caseNumber = good.Number, level = "满意" });
        await company.RateAsync(new { caseNumber = bad.Number, level = "不满意", comment = "随便点的" });
        var goodRating = (await app.RatingsOfAsync(good.Number)).Single();
        var badRating = (await app.RatingsOfAsync(bad.Number)).Single();
        var appeals = () => { var s = app.Services.CreateScope(); return (s, s.ServiceProvider.GetRequiredService<AppealService>()); };
        var clerk = await kit.ActorAsync("clerk");

        var (s1, a1) = appeals();
        var refused = await Refused(() => a1.FileAsync(goodRating.Id, "mistaken", "点错了", clerk));
        Assert.That((refused.Status, refused.Message), Is.EqualTo((422, "“满意”不是差评，好评不能申诉。")));
        s1.Dispose();

        var period = new RatingFilter(TestClock.China(2026, 12, 1), TestClock.China(2027, 1, 1));
        async Task<RatingIndicatorValues> Totals() { using var s = app.Services.CreateScope(); return await s.ServiceProvider.GetRequiredService<RatingStatistics>().TotalsAsync(period); }
        var before = await Totals();
        Assert.That((before.Counted, before.GoodRate), Is.EqualTo((2, (decimal?)0.5m)));

        var (s2, a2) = appeals();
        var appeal = await a2.FileAsync(badRating.Id, "mistaken", "申请人来电说明误点了“不满意”，有通话录音", clerk);
        s2.Dispose();
        var (s3, a3) = appeals();
        var noReason = await Refused(() => a3.DecideAsync(appeal.Id, "uphold", "", clerk));
        Assert.That(noReason.Status, Is.EqualTo(403), "a clerk does not decide");
        s3.Dispose();
        var (s4, a4) = appeals();
        await a4.DecideAsync(appeal.Id, "uphold", "录音证实误评", await kit.ActorAsync("supervisor"));
        s4.Dispose();

        var after = await Totals();
        Assert.That((after.Counted, after.Excluded, after.GoodRate, after.Bad), Is.EqualTo((1, 1, (decimal?)1m, 0)), "out of the statistics");
        var kept = (await app.RatingsOfAsync(bad.Number)).Single();
        Assert.That((kept.Level, kept.Excluded, kept.ExcludedReason), Is.EqualTo((RatingLevel.Dissatisfied, true, "申诉成立（误评）：录音证实误评")), "still in the record");
        var indicators = System.Net.WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Indicators?Month=2026-12"));
        Assert.That(indicators, Does.Contain("住建").And.Contain("100%"), "public, anonymous, per department");
        Assert.That(indicators, Does.Not.Contain("李窗口").And.Not.Contain("清远示例建设"), "without names");
        Assert.That(System.Net.WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Indicators?Month=2025-01")), Does.Contain("暂无数据"));
        var supervisor = await app.SignedInAsyncPage("supervisor", "/Supervision/Appeals");
        Assert.That(supervisor, Does.Contain("录音证实误评").And.Contain("申诉成立"));
    }
}
