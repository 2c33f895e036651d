using System.Text.RegularExpressions;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>Issue 12's journeys in chromium as the real roles: the applicant rates a matter 不满意
/// with reasons, and the clerk runs the work order through callback, verification, rectification
/// and report back, the rater's name never shown to them.</summary>
[Category("Browser")]
public sealed class RatingJourneyTests
{
    [Test]
    public async Task Applicant_rates_a_delivered_matter_dissatisfied_and_the_clerk_works_the_order_to_its_end()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7, 10));
        await using var b = await BrowserSession.StartAsync(RatingsKit.App(clock));
        var kit = new CaseTestKit(b.App.Services);
        var c = await kit.DeliveredAsync();
        var page = b.Page;

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{c.Number}");
        await page.GetByTestId("rate-link").Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/My/Cases/{c.Number}/Rate$"));
        await page.GetByTestId("submit-rating").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请选择评价等级");
        await page.CheckAsync("#level-Dissatisfied");
        await page.CheckAsync("#reason-attitude");
        await page.CheckAsync("#reason-efficiency");
        await page.FillAsync("#Comment", "窗口解释材料要求不够耐心。");
        await b.ScreenshotAsync("ratings-1-applicant-rates");
        await page.GetByTestId("submit-rating").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rating-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("can-change")).ToContainTextAsync("24 小时内修改");
        await b.ScreenshotAsync("ratings-2-applicant-rated");
        var rating = (await b.App.RatingsOfAsync(c.Number)).Single();
        Assert.That((rating.Level, rating.ReasonCodes), Is.EqualTo((RatingLevel.Dissatisfied, new[] { "attitude", "efficiency" })));

        await SignInAsync(b, "clerk");
        await b.GoAsync("/Ratings");
        await Assertions.Expect(page.GetByTestId("my-ratings")).ToContainTextAsync("不满意");
        Assert.That(await page.ContentAsync(), Does.Not.Contain("清远示例建设有限公司"), "the clerk never sees the rater");
        await page.GetByTestId("my-work-orders").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-order-step")).ToContainTextAsync("回访评价人");
        await Assertions.Expect(page.GetByTestId("rater")).ToContainTextAsync("仅督查人员可见");
        await page.GetByTestId("do-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请填写回访结果");
        await page.FillAsync("#Outcome", "已电话回访，申请人希望窗口一次讲清材料要求。");
        await page.GetByTestId("do-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-order-step")).ToContainTextAsync("核实");
        await page.CheckAsync("#valid-yes");
        await page.FillAsync("#Outcome", "调阅窗口录像，情况属实。");
        await page.GetByTestId("do-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-order-step")).ToContainTextAsync("整改");
        await page.FillAsync("#Outcome", "制作材料一次性告知清单，窗口人员培训。");
        await page.GetByTestId("do-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-order-step")).ToContainTextAsync("反馈评价人");
        await page.FillAsync("#Outcome", "已向申请人反馈整改措施。");
        await page.FillAsync("#RaterView", "满意整改结果。");
        await page.GetByTestId("do-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("work-order-step")).ToContainTextAsync("已办结");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("已回访评价人");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("工单办结");
        Assert.That(await page.GetByTestId("journal").InnerTextAsync(), Does.Not.Contain("清远示例建设"));
        await b.ScreenshotAsync("ratings-3-clerk-work-order-closed");
        var order = (await b.App.WorkOrderOfAsync(c.Number))!;
        Assert.That((order.Step, order.RaterView), Is.EqualTo((WorkOrderStep.Closed, "满意整改结果。")));
    }
}
