using System.Diagnostics;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>Issue 12's supervisor journey in chromium: reads the ratings and deadline dashboards,
/// filters, exports XLSX (opened and checked here), decides an appeal, and issues the sealed monthly report.</summary>
[Category("Browser")]
public sealed class SupervisorJourneyTests
{
    [Test]
    public async Task Supervisor_reads_dashboards_filters_exports_xlsx_decides_an_appeal_and_issues_the_monthly_report()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7, 10));
        await using var b = await BrowserSession.StartAsync(RatingsKit.App(clock));
        var kit = new CaseTestKit(b.App.Services);
        var c1 = await kit.DeliveredAsync();
        var c2 = await kit.DeliveredAsync();
        var c3 = await kit.DeliveredAsync();
        var running = await kit.SubmitAsync("company", "ZJ-001");
        var company = await kit.ActorAsync("company");
        foreach (var (number, level) in new[] { (c1.Number, "非常满意"), (c2.Number, "满意"), (c3.Number, "非常不满意") })
        {
            using var scope = b.App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<RatingService>().RateMatterAsync(number, new RatingInput(level, ["态度"], null), company);
        }
        var bad = (await b.App.RatingsOfAsync(c3.Number)).Single();
        using (var scope = b.App.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<AppealService>().FileAsync(bad.Id, "malicious", "申请人当场表示系报复性评价，有窗口录像", await kit.ActorAsync("clerk"));
        var page = b.Page;

        await SignInAsync(b, "supervisor");
        await b.GoAsync("/Supervision");
        await page.GetByTestId("supervision-links").GetByText("好差评统计").ClickAsync();
        await Assertions.Expect(page.GetByTestId("good-rate")).ToHaveTextAsync("66.67%");
        await Assertions.Expect(page.GetByTestId("voluntary-good-rate")).ToHaveTextAsync("66.67%");
        await Assertions.Expect(page.GetByTestId("table-levels")).ToContainTextAsync("非常不满意");
        await Assertions.Expect(page.GetByTestId("table-steps")).ToContainTextAsync("回访评价人");
        await b.ScreenshotAsync("ratings-4-supervisor-dashboard");

        await page.SelectOptionAsync("#By", "clerk");
        await page.SelectOptionAsync("#Department", "住建");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Assertions.Expect(page.GetByTestId("table-groups")).ToContainTextAsync("李窗口");
        var (type, xlsx) = await DownloadAsync(b, page.GetByTestId("export-groups-xlsx"));
        Assert.That(type, Does.StartWith("application/vnd.openxmlformats"));
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(1), "one clerk in 住建");
        Assert.That((rows[0]["工作人员"], Convert.ToInt32(rows[0]["评价数"]), rows[0]["好评率"]), Is.EqualTo(("李窗口", 3, "66.67%")));

        await b.GoAsync("/Supervision/Ratings?Month=2025-01");
        await Assertions.Expect(page.GetByTestId("good-rate")).ToHaveTextAsync("暂无数据");

        await b.GoAsync("/Supervision/Deadlines");
        await Assertions.Expect(page.GetByTestId("waiting-requests")).ToHaveTextAsync("0");
        await page.SelectOptionAsync("#Department", "住建");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-case='{running.Number}']")).ToBeVisibleAsync();
        await b.ScreenshotAsync("ratings-5-supervisor-deadlines");
        await page.SelectOptionAsync("#Department", "环保");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-cases")).ToBeVisibleAsync();

        await b.GoAsync("/Supervision/Appeals");
        var appeal = page.Locator("[data-testid^='appeal-']").First;
        await Assertions.Expect(appeal).ToContainTextAsync("恶意评价");
        await appeal.Locator("button[value=uphold]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请填写审核理由");
        await page.Locator("textarea[name=DecisionReason]").First.FillAsync("录像证实为恶意评价");
        await page.Locator("button[value=uphold]").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("decided-appeals")).ToContainTextAsync("录像证实为恶意评价");
        await b.ScreenshotAsync("ratings-6-supervisor-appeal-decided");
        await b.GoAsync("/Supervision/Ratings");
        await Assertions.Expect(page.GetByTestId("good-rate")).ToHaveTextAsync("100%", new() { Timeout = 10000 });

        await b.GoAsync("/Supervision/Report");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("issue").ClickAsync());
        var pdfPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, "..", "..", "..", "..", "output", "ratings-monthly-report.pdf");
        await download.SaveAsAsync(pdfPath);
        var pdf = await File.ReadAllBytesAsync(pdfPath);
        var text = await PdfTextAsync(pdf);
        Assert.That(text, Does.Contain("政务服务效能督查月报").And.Contain("100%").And.Contain(c3.Number).And.Contain("申诉成立"));
        using var render = Process.Start("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", pdfPath, Path.ChangeExtension(pdfPath, null)])!;
        await render.WaitForExitAsync();
    }
}
