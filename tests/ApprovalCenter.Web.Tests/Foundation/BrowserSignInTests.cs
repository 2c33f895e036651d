using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Foundation;

[Category("Browser")]
public sealed class BrowserSignInTests
{
    [Test]
    public async Task A_clerk_signs_in_in_chromium_and_lands_on_the_window()
    {
        await using var browser = await BrowserSession.StartAsync(height: 760);
        var page = browser.Page;

        await browser.GoAsync("/Account/Login");
        await browser.ScreenshotAsync("foundation-login");
        await browser.SignInAsync("clerk", IdentitySeeder.DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Staff/Window$"));
        await Assertions.Expect(page.GetByTestId("home-title")).ToHaveTextAsync("综合受理");
        await Assertions.Expect(page.GetByTestId("who")).ToHaveTextAsync("李窗口");
        await browser.ScreenshotAsync("foundation-clerk-home");

        // A bad credit code shows the error summary in the browser too.
        await page.Locator("form[action='/Account/Logout'] button").ClickAsync();
        await browser.GoAsync("/Account/Register");
        await page.FillAsync("#Input_DisplayName", "清远测试有限公司");
        await page.FillAsync("#Input_CreditCode", "91350100M000100Y44");
        await page.FillAsync("#Input_Phone", "13800138000");
        await page.FillAsync("#Input_UserName", "browsertest");
        await page.FillAsync("#Input_Password", "Good#Pass1");
        await page.FillAsync("#Input_ConfirmPassword", "Good#Pass1");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("统一社会信用代码校验位不正确");
        await browser.ScreenshotAsync("foundation-register-error");
    }
}
