using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Exemption;

/// <summary>The exemption self-check in chromium as the company: a 400 m² project gets the sealed 豁免告知书 at
/// once and /verify vouches for it; a 2,000 m² project over the investment limit is told which rule it did not meet.</summary>
[Category("Browser")]
public sealed class ExemptionJourneyTests
{
    [Test]
    public async Task A_400_m2_project_gets_a_verified_notice_and_a_2000_m2_project_is_told_why_not()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var page = b.Page;
        await SignInAsync(b, "company");

        await b.GoAsync("/Guide/ZJ-001");
        await page.GetByTestId("exemption-check").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Guide/ZJ-001/Exemption$"));
        await Assertions.Expect(page.GetByLabel("建筑面积（平方米）")).ToBeVisibleAsync();

        // An empty form is answered in Chinese, naming the fields.
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请填写“工程投资额”");

        await page.FillAsync("#projectInvestment", "3000000");
        await page.FillAsync("#buildingArea", "400");
        await page.GetByTestId("check").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/My/Exemptions/HM\d{8}[A-Z2-7]{6}$"));
        await Assertions.Expect(page.GetByTestId("decision")).ToContainTextAsync("EX-ZJ-SMALL-WORKS");
        await Assertions.Expect(page.GetByTestId("step")).ToHaveTextAsync("施工许可");
        await b.ScreenshotAsync("exemption-1-notice");

        var href = await page.GetByTestId("download").GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(b.BaseUrl + href);
        Assert.That(pdf.Headers["content-type"], Is.EqualTo("application/pdf"));
        var bytes = await pdf.BodyAsync();
        Assert.That(bytes.Take(5), Is.EqualTo("%PDF-"u8.ToArray()));
        await File.WriteAllBytesAsync(Path.Combine(Path.GetDirectoryName(Browser.ScreenshotPath("x"))!, "exemption-notice.pdf"), bytes);

        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveTextAsync("真实有效");
        await Assertions.Expect(page.GetByTestId("exemption-rule")).ToContainTextAsync("EX-ZJ-SMALL-WORKS");
        await b.ScreenshotAsync("exemption-2-verify");

        await b.GoAsync("/My");
        await Assertions.Expect(page.GetByTestId("exemptions")).ToContainTextAsync("小型建筑工程");

        await b.GoAsync("/Guide/ZJ-001/Exemption");
        await page.FillAsync("#projectInvestment", "5000000");
        await page.FillAsync("#buildingArea", "2000");
        await page.GetByTestId("check").ClickAsync();
        var refusal = page.GetByTestId("not-exempt");
        await Assertions.Expect(refusal).ToContainTextAsync("工程投资额 ≤ 1,000,000 元 或 建筑面积 ≤ 500 平方米");
        await Assertions.Expect(refusal).ToContainTextAsync("建筑面积：2000 平方米");
        await Assertions.Expect(refusal.GetByTestId("apply")).ToHaveAttributeAsync("href", "/Apply/ZJ-001");
        await b.ScreenshotAsync("exemption-3-not-exempt");
    }
}
