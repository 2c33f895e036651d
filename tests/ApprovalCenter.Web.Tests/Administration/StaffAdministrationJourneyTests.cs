using System.Text.RegularExpressions;
using ApprovalCenter.Administration;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Administration;

/// <summary>
/// Onboarding as a bureau does it: the administrator opens a reviewer's account (a department is required for a
/// reviewer), the new reviewer sets a password through the one-time link and works in their department; disabling
/// the account ends the session that is already open; every change is in the administration journal.
/// </summary>
public sealed class StaffAdministrationJourneyTests
{
    [Test]
    public async Task An_administrator_onboards_a_reviewer_who_sets_a_password_works_and_is_cut_off_when_disabled()
    {
        await using var b = await BrowserSession.StartAsync();
        await b.SignInAsync("admin", IdentitySeeder.DemoPassword);
        await b.GoAsync("/Admin/Staff");
        var form = b.Page.GetByTestId("create-form");
        await form.Locator("#Input_UserName").FillAsync("reviewer.sw");
        await form.Locator("#Input_DisplayName").FillAsync("孙审查（水务）");
        await form.Locator("#role-Reviewer").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(b.Page.Locator(".error-summary, [data-testid=error-summary]").First).ToContainTextAsync("所属部门");
        await b.ScreenshotAsync("staff-create-refused");

        await b.Page.GetByTestId("create-form").Locator("#Input_Department").SelectOptionAsync("水务");
        await b.Page.GetByTestId("create-form").Locator("#role-Reviewer").CheckAsync();
        await b.Page.GetByTestId("create-form").Locator("button[type=submit]").ClickAsync();
        var link = (await b.Page.GetByTestId("link").InnerTextAsync()).Trim();
        Assert.That(link, Does.StartWith("/Account/SetPassword?user="));
        await Assertions.Expect(b.Page.Locator("[data-user='reviewer.sw']")).ToContainTextAsync("孙审查");
        await b.ScreenshotAsync("staff-created");

        // The new reviewer, in a browser of their own.
        var page = await b.Page.Context.Browser!.NewPageAsync(new() { Locale = "zh-CN" });
        await page.GotoAsync(b.BaseUrl + link);
        await page.FillAsync("#Password", "weak");
        await page.FillAsync("#Confirm", "weak");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("密码至少 8 位");
        await page.FillAsync("#Password", "Water#2026a");
        await page.FillAsync("#Confirm", "Water#2026a");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("password-set")).ToBeVisibleAsync();
        await page.GotoAsync(b.BaseUrl + link);
        await page.FillAsync("#Password", "Other#2026b");
        await page.FillAsync("#Confirm", "Other#2026b");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已使用", new() { Timeout = 10000 });   // the link works once

        await page.GotoAsync(b.BaseUrl + "/Account/Login");
        await page.FillAsync("#Input_UserName", "reviewer.sw");
        await page.FillAsync("#Input_Password", "Water#2026a");
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync(b.BaseUrl + "/Staff/Review");
        await Assertions.Expect(page.GetByTestId("department")).ToHaveTextAsync("水务");

        await b.GoAsync("/Admin/Staff");
        var row = b.Page.Locator("[data-user='reviewer.sw']");
        await row.Locator("input[name=Reason]").FillAsync("调离审批岗位");
        await b.Page.GetByTestId("disable-reviewer.sw").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("state-reviewer.sw")).ToHaveTextAsync("已停用");

        await page.GotoAsync(b.BaseUrl + "/Staff/Review");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));   // the open session ended at once

        using var scope = b.App.Services.CreateScope();
        var journal = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AdminJournalEntry>().AsNoTracking()
            .Where(j => j.Subject == "user:reviewer.sw").Select(j => j.Action).ToListAsync();
        Assert.That(journal, Is.EquivalentTo(new[] { "staff:create", "staff:disable" }));
    }
}
