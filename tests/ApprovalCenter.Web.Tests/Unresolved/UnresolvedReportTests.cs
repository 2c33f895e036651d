using System.Text;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Unresolved.UnresolvedApiKit;

namespace ApprovalCenter.Web.Tests.Unresolved;

/// <summary>The 办不成事 report (issue 11 item 8) in chromium as the supervisor: outcomes and time to
/// close per day, the chart beside its table, CSV/XLSX of the same numbers; and the window's pages
/// pass axe-core with real data on them.</summary>
[Category("Browser")]
public sealed class UnresolvedReportTests
{
    /// <summary>Mon 7 Dec: one closed at once, one referred; Wed 9 Dec: one closed after a reopen (2 wd).</summary>
    private static async Task<string> SeedAsync(UnresolvedApiKit kit, TestClock clock)
    {
        var clerk = await kit.SignInAsync("clerk");
        async Task<string> CloseAsync(bool reopenFirst)
        {
            var m = await kit.IntakeOkAsync(clerk);
            var number = m.GetProperty("number").GetString()!;
            m = await ActOkAsync(clerk, number, "dispatch", new { departments = new[] { "环保" } });
            var party = PartyId(m, "Department");
            await ActOkAsync(clerk, number, "reply", new { partyId = party, text = "已处理" });
            await ActOkAsync(clerk, number, "answer", new { text = "已处理完毕" });
            if (reopenFirst)
            {
                await ActOkAsync(clerk, number, "callback", new { satisfied = false, text = "仍未解决" });
                clock.Set(TestClock.China(2026, 12, 9, 15));
                await ActOkAsync(clerk, number, "reply", new { partyId = party, text = "已再次处理" });
                await ActOkAsync(clerk, number, "answer", new { text = "已再次处理完毕" });
            }
            await ActOkAsync(clerk, number, "callback", new { satisfied = true });
            return number;
        }
        var first = await CloseAsync(false);
        await kit.IntakeOkAsync(clerk, Intake("Petition", "已向市信访局反映，受理号 XF-2026-88"));
        await CloseAsync(true);
        return first;
    }

    [Test]
    public async Task Supervisor_sees_outcomes_and_time_to_close_per_day_with_chart_table_and_exports()
    {
        var clock = new TestClock(Monday);
        await using var b = await BrowserSession.StartAsync(App(clock));
        await SeedAsync(new UnresolvedApiKit(b.App, b.BaseUrl), clock);
        var page = b.Page;
        await b.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        await b.GoAsync("/Windows/Unresolved/Report?period=Day&from=2026-12-07&to=2026-12-11");
        var outcomes = page.GetByTestId("table-outcomes");
        await Assertions.Expect(outcomes.Locator("tbody tr")).ToHaveCountAsync(5);
        Assert.That(await CellsAsync(outcomes, 0), Is.EqualTo(new[] { "2026-12-07", "1", "0", "1", "0", "2" }));
        Assert.That(await CellsAsync(outcomes, 2), Is.EqualTo(new[] { "2026-12-09", "0", "1", "0", "0", "1" }));
        var times = page.GetByTestId("table-times");
        Assert.That(await CellsAsync(times, 2), Is.EqualTo(new[] { "2026-12-09", "1", "2", "2", "2", "100" }));
        await Assertions.Expect(page.Locator("#chart-outcomes")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chart-outcomes canvas, #chart-outcomes svg").First).ToBeVisibleAsync();
        await b.ScreenshotAsync("unresolved-6-report");

        var csvHref = await page.GetByTestId("export-outcomes-csv").GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(b.BaseUrl + csvHref);
        Assert.That(csv.Status, Is.EqualTo(200));
        Assert.That(csv.Headers["content-type"], Does.StartWith("text/csv"));
        var text = Encoding.UTF8.GetString(await csv.BodyAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines[0], Is.EqualTo("期间,满意办结,重新办理后办结,转出（不属受理范围）,其中逾期办结,合计"));
        Assert.That(lines[1], Is.EqualTo("2026-12-07,1,0,1,0,2"));
        Assert.That(lines[3], Is.EqualTo("2026-12-09,0,1,0,0,1"));
        var xlsx = await page.Context.APIRequest.GetAsync(b.BaseUrl + await page.GetByTestId("export-times-xlsx").GetAttributeAsync("href"));
        Assert.That(xlsx.Status, Is.EqualTo(200));
        Assert.That((await xlsx.BodyAsync()).AsSpan(0, 2).ToArray(), Is.EqualTo("PK"u8.ToArray()));

        // Bad input: an unknown period, a reversed range and an unknown export format are named in the summary.
        var bad = await b.GoAsync("/Windows/Unresolved/Report?period=Year&from=2026-12-11&to=2026-12-07");
        Assert.That(bad!.Status, Is.EqualTo(400));
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("统计周期只能是按日、按周或按月");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("开始日期不能晚于结束日期");
        var pdf = await page.Context.APIRequest.GetAsync(b.BaseUrl + "/Windows/Unresolved/Report?handler=Export&table=outcomes&format=pdf");
        Assert.That(pdf.Status, Is.EqualTo(400));
        Assert.That(await pdf.TextAsync(), Does.Contain("导出格式只能是 csv 或 xlsx"));

        // Clerks run the window but the report is for supervisors.
        await b.SignInAsync("clerk", IdentitySeeder.DemoPassword);
        await b.GoAsync("/Windows/Unresolved/Report");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
    }

    private static async Task<string[]> CellsAsync(ILocator table, int row) =>
        (await table.Locator("tbody tr").Nth(row).Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToArray();

    [TestCase(360, 780)]
    [TestCase(1920, 1080)]
    public async Task The_window_pages_with_data_pass_axe_and_fit_the_screen(int width, int height)
    {
        var clock = new TestClock(Monday);
        await using var b = await BrowserSession.StartAsync(App(clock), width, height);
        var kit = new UnresolvedApiKit(b.App, b.BaseUrl);
        var closed = await SeedAsync(kit, clock);
        var clerk = await kit.SignInAsync("clerk");
        var open = (await kit.IntakeOkAsync(clerk)).GetProperty("number").GetString()!;
        await ActOkAsync(clerk, open, "dispatch", new { departments = new[] { "住建", "发改" }, hotlineCategory = "HelpRequest", outsideBodies = "清城区供电局" });
        var problems = new List<string>();
        foreach (var (user, paths) in new[]
        {
            ("supervisor", new[] { "/Windows/Unresolved", $"/Windows/Unresolved/{open}", $"/Windows/Unresolved/{closed}", "/Windows/Unresolved/Report", "/Windows/Unresolved/New" }),
            ("citizen", new[] { "/My/Unresolved", "/My/Unresolved/New" }),
        })
        {
            await b.SignInAsync(user, IdentitySeeder.DemoPassword);
            foreach (var path in paths)
            {
                var response = await b.GoAsync(path);
                Assert.That(response!.Status, Is.EqualTo(200), path);
                foreach (var v in await Axe.SeriousViolationsAsync(b.Page)) problems.Add($"{user} {path}: {v}");
                var overflow = await b.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 1) problems.Add($"{user} {path}: {overflow}px wider than {width}px");
            }
        }
        await b.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        await b.GoAsync($"/Windows/Unresolved/{open}");
        await b.ScreenshotAsync($"unresolved-7-open-{width}");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }
}
