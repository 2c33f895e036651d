using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Calendar;

[Category("Browser")]
public sealed class CalendarBrowserTests
{
    [Test]
    public async Task The_2026_month_grid_marks_holidays_and_make_up_days()
    {
        await using var browser = await BrowserSession.StartAsync();
        await browser.SignInAsync("admin", IdentitySeeder.DemoPassword);
        await browser.GoAsync("/Admin/Calendar?year=2026");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("td[data-date='2026-10-01']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("holiday"));
        await Assertions.Expect(page.Locator("td[data-date='2026-10-10']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("makeup"));
        await Assertions.Expect(page.Locator("td[data-date='2026-10-12']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("workday"));
        // 365 days − 104 weekend days − 19 weekday holidays + 6 make-up days = 248.
        await Assertions.Expect(page.GetByTestId("working-days")).ToHaveTextAsync("248");
        await browser.ScreenshotAsync("calendar-2026");
        await browser.GoAsync("/Admin/Calendar?year=2027");
        await Assertions.Expect(page.GetByTestId("provisional-note")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("calendar-2027-provisional");
    }
}
