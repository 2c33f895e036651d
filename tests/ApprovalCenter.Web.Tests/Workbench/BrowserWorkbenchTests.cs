using Microsoft.Extensions.DependencyInjection;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Workbench;

[Category("Browser")]
public sealed class BrowserWorkbenchTests
{
    [Test]
    public async Task Clerk_accepts_reviewer_gives_an_opinion_chief_approves_and_the_clerk_hands_over_in_chromium()
    {
        await using var app = new AppFactory();
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", data: new() { ["projectName"] = "清远高新区示范厂房" });
        var (pw, browser) = await Browser.LaunchAsync();
        using var _ = pw;
        await using var __ = browser;
        var baseUrl = $"http://127.0.0.1:{port}";

        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 }, Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            await page.GotoAsync($"{baseUrl}/Account/Login");
            await page.FillAsync("#Input_UserName", user);
            await page.FillAsync("#Input_Password", IdentitySeeder.DemoPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForLoadStateAsync();
            return page;
        }

        var clerk = await SignInAsync("clerk");
        await clerk.GotoAsync($"{baseUrl}/Staff/Window");
        await Assertions.Expect(clerk.GetByTestId("intake-queue")).ToContainTextAsync(c.Number);
        await clerk.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("workbench-window"), FullPage = true });
        await clerk.ClickAsync($"a[href='/Staff/Cases/{c.Number}']");
        await Assertions.Expect(clerk.GetByTestId("case-title")).ToContainTextAsync(c.Number);
        await clerk.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("workbench-case"), FullPage = true });
        await clerk.ClickAsync("[data-testid='act-accept']");
        await Assertions.Expect(clerk.GetByTestId("done")).ToContainTextAsync("受理");

        var reviewer = await SignInAsync("reviewer.zj");
        await reviewer.GotoAsync($"{baseUrl}/Staff/Review");
        await Assertions.Expect(reviewer.GetByTestId("inbox")).ToContainTextAsync(c.Number);
        await reviewer.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("workbench-review"), FullPage = true });
        await reviewer.ClickAsync($"a[href='/Staff/Cases/{c.Number}']");
        await reviewer.FillAsync("#in_opinion", "材料齐全，符合施工许可条件，建议准予许可。");
        await reviewer.ClickAsync("[data-testid='act-submit-opinion']");
        await Assertions.Expect(reviewer.GetByTestId("done")).ToContainTextAsync("审查意见");

        var chief = await SignInAsync("chief.zj");
        await chief.GotoAsync($"{baseUrl}/Staff/Cases/{c.Number}");
        await chief.ClickAsync("[data-testid='act-approve']");
        await Assertions.Expect(chief.GetByTestId("documents")).ToContainTextAsync("准予行政许可决定书");

        await clerk.GotoAsync($"{baseUrl}/Staff/Pickup/{c.Number}");
        await Assertions.Expect(clerk.GetByTestId("pickup-queue")).ToContainTextAsync(c.Number);
        await clerk.CheckAsync("input[name='Input.Method'][value='窗口领取']");
        await clerk.FillAsync("#Input_CollectorName", "张三");
        await clerk.FillAsync("#Input_CollectorIdNumber", "441802199001011239");
        await clerk.CheckAsync("input[name='Input.Relation'][value='agent']");
        await clerk.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("workbench-pickup"), FullPage = true });
        await clerk.ClickAsync("[data-testid='handover']");
        await Assertions.Expect(clerk.GetByTestId("delivered")).ToContainTextAsync(c.Number);
        Assert.That((await kit.GetAsync(c.Number)).Record.Outcome, Is.EqualTo("approved"));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Select(j => j.Action), Is.EqualTo(new[] { "submit", "accept", "submit-opinion", "approve", "deliver" }));
        Assert.That(journal.Where(j => j.Action != "submit").Select(j => j.Ip), Is.All.EqualTo("127.0.0.1"), "the client address of each staff action is journaled");
    }
}

[Category("Browser")]
public sealed class BrowserMaterialViewerTests
{
    [Test]
    public async Task Staff_open_a_pdf_material_in_the_viewer_and_another_departments_reviewer_is_refused_in_chromium()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) }, height: 1000);
        var kit = new CaseTestKit(b.App.Services);
        // A real, multi-line PDF to look at: a sealed notice of another case, handed in as a supplement.
        var other = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(other.Number, "clerk", "accept");
        var realPdf = (await b.App.DocumentsAsync(other.Number)).First().Pdf;
        var c = await kit.SubmitAsync("company", "ZJ-001", data: new() { ["projectName"] = "清远高新区示范厂房" });
        await kit.ActAsync(c.Number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未加盖规划部门印章" });
        using (var scope = b.App.Services.CreateScope())
        {
            var company = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApprovalCenter.Identity.AppUser>>().FindByNameAsync("company");
            var stored = await scope.ServiceProvider.GetRequiredService<ApprovalCenter.Uploads.FileStore>().SaveAsync("建设工程规划许可证（补正）.pdf", realPdf, company!.Id);
            await scope.ServiceProvider.GetRequiredService<ApprovalCenter.Cases.CaseService>().ActAsync(
                new ApprovalCenter.Cases.CaseCommand(c.Number, "supplement", Files: [new ApprovalCenter.Cases.AttachedMaterial("建设工程规划许可证", stored.Id)]),
                await kit.ActorAsync("company"));
        }
        await kit.ActAsync(c.Number, "clerk", "accept");

        await b.SignInAsync("reviewer.zj", IdentitySeeder.DemoPassword);
        await b.GoAsync($"/Staff/Cases/{c.Number}");
        await Assertions.Expect(b.Page.GetByTestId("materials")).ToContainTextAsync("建设工程规划许可证（补正）.pdf");
        await Assertions.Expect(b.Page.GetByTestId("applicant-data")).ToContainTextAsync("项目名称");
        await Assertions.Expect(b.Page.GetByTestId("applicant-data")).Not.ToContainTextAsync("applicantCode");
        await b.ScreenshotAsync("case-file-staff");

        var link = b.Page.Locator("[data-testid='materials'] tr", new() { HasText = "补正材料" }).GetByTestId("open-material");
        var href = await link.GetAttributeAsync("href");
        var pdf = await b.Page.RunAndWaitForResponseAsync(() => link.ClickAsync(), r => r.Url.Contains("handler=Raw"));
        Assert.That(pdf.Status, Is.EqualTo(200));
        Assert.That(pdf.Headers["content-type"], Does.StartWith("application/pdf"));
        await Assertions.Expect(b.Page.GetByTestId("viewer-pdf")).ToBeVisibleAsync();
        await b.Page.WaitForTimeoutAsync(1500);   // let the PDF viewer paint before the screenshot
        await b.ScreenshotAsync("material-viewer");
        Assert.That((await kit.JournalAsync(c.Number)).Last().Summary, Does.Contain("查看材料：建设工程规划许可证"));

        await b.SignInAsync("reviewer.hb", IdentitySeeder.DemoPassword);
        var refused = await b.GoAsync(href!);
        Assert.That(refused!.Status, Is.EqualTo(403), "a 环保 reviewer may not open a 住建 applicant's material");
        await b.ScreenshotAsync("material-refused-other-department");
    }
}
