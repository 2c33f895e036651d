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
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;

        await browser.GoAsync("/Guide/ZJ-001");
        await Assertions.Expect(page.GetByTestId("item-name")).ToHaveTextAsync("建筑工程施工许可证核发（新办）");
        await Assertions.Expect(page.Locator("svg.process-diagram g.node[data-step='intake']")).ToBeVisibleAsync();
        var box = await page.Locator("svg.process-diagram").BoundingBoxAsync();
        Assert.That(box!.Width, Is.GreaterThan(600), "the diagram uses the page width");
        await browser.ScreenshotAsync("guide-ZJ-001");

        await browser.SignInAsync("admin", IdentitySeeder.DemoPassword);
        await browser.GoAsync("/Admin/Processes/tolerance");
        // One node per step of the shipped definition (19 since the Art. 45 pause, extension and hearing steps).
        var steps = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "processes", "tolerance.json")))
            .RootElement.GetProperty("steps").GetArrayLength();
        Assert.That(steps, Is.EqualTo(19));
        await Assertions.Expect(page.Locator("svg.process-diagram g.node")).ToHaveCountAsync(steps);
        await browser.ScreenshotAsync("process-tolerance");
    }
}
