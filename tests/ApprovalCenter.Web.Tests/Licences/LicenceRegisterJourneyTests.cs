using System.Text;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Licences;

/// <summary>
/// Issue 10 (ALL Art. 50 in use): an administrator imports licences issued before the system into the register
/// (a file with a bad line is refused whole, naming the line and column); the holder sees them under /My and starts a
/// renewal there, which names the licence all the way to the check page. Dates are relative to the business day.
/// </summary>
public sealed class LicenceRegisterJourneyTests
{
    private static FilePayload Csv(string body) => new()
    {
        Name = "licences.csv", MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("证照编号,持证人,事项编码,有效期起,有效期至\n" + body)).ToArray(),
    };

    [Test]
    public async Task An_imported_licence_reaches_its_holder_who_starts_its_renewal()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7, 10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        var today = new DateOnly(2026, 12, 7);
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");

        await b.SignInAsync("admin", IdentitySeeder.DemoPassword);
        await b.GoAsync("/Admin/Licences");
        await b.Page.SetInputFilesAsync("#Upload", Csv(
            $"QYGX-2021-000417-ZZ,91441800MA4WQY3K26,ZJ-012,{Day(-1800)},{Day(90)}\n" +
            $"QYGX-2021-000418-ZZ,nobody,ZJ-012,{Day(-1800)},{Day(10)}\n" +
            $"QYGX-2021-000419-ZZ,citizen,ZJ-999,{Day(10)},{Day(-10)}\n"));
        await b.Page.GetByTestId("import-form").Locator("button").ClickAsync();
        var errors = b.Page.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("第 2 行“持证人”");
        await Assertions.Expect(errors).ToContainTextAsync("第 3 行“有效期至”");
        await Assertions.Expect(b.Page.GetByTestId("no-licences")).ToBeVisibleAsync();   // nothing of the file was taken
        await b.ScreenshotAsync("licences-import-refused");

        await b.Page.SetInputFilesAsync("#Upload", Csv(
            $"QYGX-2021-000417-ZZ,91441800MA4WQY3K26,ZJ-012,{Day(-1800)},{Day(90)}\n" +
            $"QYGX-2021-000420-ZZ,company,ZJ-012,{Day(-1800)},{Day(10)}\n"));
        await b.Page.GetByTestId("import-form").Locator("button").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("imported")).ToContainTextAsync("2");
        await Assertions.Expect(b.Page.GetByTestId("licences").Locator("tbody tr")).ToHaveCountAsync(2);
        await b.ScreenshotAsync("licences-register");

        await b.SignInAsync("company", IdentitySeeder.DemoPassword);
        await b.GoAsync("/My");
        var soon = b.Page.Locator("[data-licence='QYGX-2021-000420-ZZ']");
        await Assertions.Expect(soon).ToContainTextAsync("已过延续申请期限", new() { Timeout = 10000 });   // 10 days left: under the 30
        var row = b.Page.Locator("[data-licence='QYGX-2021-000417-ZZ']");
        await Assertions.Expect(row).ToContainTextAsync(Day(60));   // the last day to apply: 30 days before the expiry
        await b.ScreenshotAsync("my-licences");
        await b.Page.GetByTestId("renew-QYGX-2021-000417-ZZ").ClickAsync();
        await Assertions.Expect(b.Page).ToHaveURLAsync(new Regex("/My/Drafts/[0-9a-f-]+$"));
        await Assertions.Expect(b.Page.Locator("main")).ToContainTextAsync("燃气经营许可证（变更、延续）");
        await b.GoAsync(new Uri(b.Page.Url).AbsolutePath + "/Check");
        await Assertions.Expect(b.Page.GetByTestId("answers-renewal")).ToContainTextAsync("QYGX-2021-000417-ZZ");
    }
}
