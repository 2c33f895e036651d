using ApprovalCenter.Testing;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Exemption;

/// <summary>The administrator edits an exemption rule in chromium: bad input is named in Chinese, a good save
/// becomes a new revision in the rule's history and a journal line.</summary>
[Category("Browser")]
public sealed class ExemptionAdminJourneyTests
{
    [Test]
    public async Task Admin_edits_a_rule_with_validation_history_and_journal()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var page = b.Page;
        await SignInAsync(b, "admin");
        await b.GoAsync("/Admin/Exemptions");
        await Assertions.Expect(page.GetByTestId("exemption-rules")).ToContainTextAsync("EX-QC-POWER-LINE");
        await page.Locator("tr[data-rule='EX-ZJ-SMALL-WORKS'] a").ClickAsync();

        await page.FillAsync("#Input_ExemptedItem", "ZZ-999");
        await page.FillAsync("#Input_Condition", "buildingArea <");
        await page.FillAsync("#Input_ValidTo", "2018-01-01");
        await page.GetByTestId("save").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("事项目录中没有编码为“ZZ-999”的事项");
        await Assertions.Expect(summary).ToContainTextAsync("适用条件无法解析");
        await Assertions.Expect(summary).ToContainTextAsync("失效日期不能早于生效日期");
        await Assertions.Expect(summary).ToContainTextAsync("请填写修改理由");
        await b.ScreenshotAsync("exemption-admin-1-errors");

        await page.FillAsync("#Input_ExemptedItem", "ZJ-001");
        await page.FillAsync("#Input_Condition", "projectInvestment <= 1000000 or buildingArea <= 300");
        await page.FillAsync("#Input_ValidTo", "");
        await page.FillAsync("#Input_Reason", "按新的省级限额调整");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("history").Locator("tbody tr").First).ToContainTextAsync("buildingArea <= 300");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("按新的省级限额调整");
        await b.ScreenshotAsync("exemption-admin-2-saved");

        // The portal now decides on the new limit.
        await SignInAsync(b, "company");
        await b.GoAsync("/Guide/ZJ-001/Exemption");
        await page.FillAsync("#projectInvestment", "5000000");
        await page.FillAsync("#buildingArea", "400");
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("not-exempt")).ToContainTextAsync("建筑面积 ≤ 300 平方米");
    }
}
