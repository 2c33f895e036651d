using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Catalog;

[Category("Browser")]
public sealed class CatalogBrowserTests
{
    [Test]
    public async Task The_guide_for_ZJ_001_and_the_tolerance_diagram_render_in_chromium()
    {
        await using var app = new AppFactory();
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, Locale = "zh-CN" });

        await page.GotoAsync($"http://127.0.0.1:{port}/Guide/ZJ-001");
        await Assertions.Expect(page.GetByTestId("item-name")).ToHaveTextAsync("建筑工程施工许可证核发（新办）");
        await Assertions.Expect(page.Locator("svg.process-diagram g.node[data-step='intake']")).ToBeVisibleAsync();
        var box = await page.Locator("svg.process-diagram").BoundingBoxAsync();
        Assert.That(box!.Width, Is.GreaterThan(600), "the diagram uses the page width");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("guide-ZJ-001"), FullPage = true });

        await page.GotoAsync($"http://127.0.0.1:{port}/Account/Login");
        await page.FillAsync("#Input_UserName", "admin");
        await page.FillAsync("#Input_Password", IdentitySeeder.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync($"http://127.0.0.1:{port}/Admin/Processes/tolerance");
        await Assertions.Expect(page.Locator("svg.process-diagram g.node")).ToHaveCountAsync(14);
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("process-tolerance"), FullPage = true });
    }
}
