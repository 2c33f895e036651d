using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Portal;

/// <summary>Task-list steps of the applicant portal in the browser, shared by the portal test and the
/// case journeys so the form's field names live in one place.</summary>
public static class PortalBrowserSteps
{
    /// <summary>From an item's service guide to a new draft's task list.</summary>
    public static async Task StartDraftAsync(IPage page, string guideUrl)
    {
        await page.GotoAsync(guideUrl);
        await page.GetByTestId("apply").ClickAsync();
        await page.GetByTestId("start").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/My/Drafts/[0-9a-f-]{36}$"));
    }

    /// <summary>Fills the 申请人信息 and 项目信息 sections with a valid demo project.</summary>
    public static async Task FillApplicantAndProjectAsync(IPage page)
    {
        await page.GetByTestId("task-Applicant").Locator("a").ClickAsync();
        await page.FillAsync("#Input_Contact", "王经办");
        await page.FillAsync("#Input_Phone", "13800138000");
        await page.FillAsync("#Input_Address", "清远市清城区高新区创兴大道18号");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Applicant")).ToHaveTextAsync("已完成");

        await page.GetByTestId("task-Project").Locator("a").ClickAsync();
        await page.FillAsync("#Input_Name", "清远高新区示例厂房项目");
        await page.FillAsync("#Input_Location", "清远高新区创兴大道18号");
        await page.FillAsync("#Input_Description", "新建厂房两栋，建筑面积 12000 平方米。");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Project")).ToHaveTextAsync("已完成");
    }
}
