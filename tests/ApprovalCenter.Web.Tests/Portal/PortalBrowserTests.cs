using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Portal;

[Category("Browser")]
public sealed class PortalBrowserTests
{
    [Test]
    public async Task The_company_applies_for_a_construction_permit_from_start_to_confirmation()
    {
        await using var app = new AppFactory();
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, Locale = "zh-CN" });
        var root = $"http://127.0.0.1:{port}";

        await page.GotoAsync($"{root}/Account/Login");
        await page.FillAsync("#Input_UserName", "company");
        await page.FillAsync("#Input_Password", IdentitySeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/My$"));

        // From the service guide to the application.
        await PortalBrowserSteps.StartDraftAsync(page, $"{root}/Guide/ZJ-001");
        var draftUrl = page.Url;

        await PortalBrowserSteps.FillApplicantAndProjectAsync(page);

        // Materials: a small PDF for each of the nine.
        await page.GetByTestId("task-Materials").Locator("a").ClickAsync();
        var inputs = page.Locator("input[type=file]");
        var count = await inputs.CountAsync();
        Assert.That(count, Is.EqualTo(9));
        for (var i = 0; i < count; i++)
            await inputs.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"材料{i + 1}.pdf", MimeType = "application/pdf", Buffer = PortalKit.Pdf($"m{i}") });
        await page.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-Materials")).ToHaveTextAsync("已完成");

        await page.GetByTestId("task-Mode").Locator("a").ClickAsync();
        await page.CheckAsync("#mode-Normal");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Mode")).ToHaveTextAsync("已完成");

        await page.GetByTestId("task-Declaration").Locator("a").ClickAsync();
        await Assertions.Expect(page.GetByTestId("declaration-text")).ToContainTextAsync("申请人声明");
        await page.CheckAsync("#agree");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Declaration")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("5 / 5");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("portal-tasklist"), FullPage = true });

        await page.GetByTestId("to-check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("check-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("answers-project")).ToContainTextAsync("清远高新区示例厂房项目");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("portal-check"), FullPage = true });
        await page.GetByTestId("submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/My/Cases/QYGX-\d{4}-\d{6}/Submitted$"));
        await Assertions.Expect(page.GetByTestId("case-number")).ToHaveTextAsync(new Regex(@"^QYGX-\d{4}-\d{6}$"));
        await Assertions.Expect(page.GetByTestId("intake-deadline")).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2}"));
        await Assertions.Expect(page.GetByTestId("expected-promised")).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2}"));
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("portal-confirmation"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "查看办件进度" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("受理审查中");
        await Assertions.Expect(page.GetByTestId("case-files")).ToContainTextAsync("材料1.pdf");
        await Assertions.Expect(page.GetByTestId("deadline-Intake")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("portal-case"), FullPage = true });

        // The draft is gone once submitted.
        var response = await page.GotoAsync(draftUrl);
        Assert.That(response!.Status, Is.EqualTo(404));
    }
}
