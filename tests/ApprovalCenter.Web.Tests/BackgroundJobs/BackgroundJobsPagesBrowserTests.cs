using ApprovalCenter.Identity;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.BackgroundJobs;

/// <summary>The administrator's background-work pages in chromium, on a desk and on a phone:
/// moving the training clock shows the banner everywhere; incidents and the dashboard open.</summary>
public sealed class BackgroundJobsPagesBrowserTests
{
    [TestCase(1200, "desk")]
    [TestCase(360, "phone")]
    public async Task The_training_clock_incidents_and_dashboard_pages_work_for_an_administrator(int width, string name)
    {
        await using var b = await BrowserSession.StartAsync(width: width, height: 800);
        await b.SignInAsync("admin", IdentitySeeder.DemoPassword);
        await b.GoAsync("/Admin");
        await Assertions.Expect(b.Page.GetByTestId("admin-links")).ToContainTextAsync("培训时钟");

        await b.GoAsync("/Admin/Clock");
        var target = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(10).Date.AddHours(9);
        await b.Page.FillAsync("#Input_Now", target.ToString("yyyy-MM-ddTHH:mm"));
        await b.Page.FillAsync("#Input_Reason", "培训演示");
        await b.Page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("clock-moved")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("training-clock")).ToContainTextAsync(target.ToString("yyyy-MM-dd") + " 09:");
        await b.ScreenshotAsync($"admin-clock-{name}");

        await b.GoAsync("/Admin/Incidents");
        await Assertions.Expect(b.Page.GetByTestId("no-incidents")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("training-clock")).ToBeVisibleAsync();
        await b.ScreenshotAsync($"admin-incidents-{name}");

        var dashboard = await b.GoAsync("/Admin/Jobs/recurring");
        Assert.That(dashboard!.Status, Is.EqualTo(200));
        await Assertions.Expect(b.Page.Locator("body")).ToContainTextAsync("mail-dispatcher");
        await b.ScreenshotAsync($"admin-jobs-{name}");
    }
}
