using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Journeys;

/// <summary>The case journeys of issue 5, each played end to end in chromium as the real roles
/// through the real pages; each asserts what the user sees.</summary>
[Category("Browser")]
public sealed class CaseJourneyTests
{
    private static ILocator Documents(IPage page) => page.GetByTestId("documents");

    [Test]
    public async Task Journey_1_standard_item_from_application_to_certificate_download()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var number = await ApplyAsync(b, "ZJ-001");

        await ActAsync(b, "clerk", number, "accept");
        await Assertions.Expect(b.Page.GetByTestId("done")).ToContainTextAsync("受理");
        await ActAsync(b, "reviewer.zj", number, "submit-opinion", f => f.Locator("#in_opinion").FillAsync("材料齐全，符合施工许可条件，建议准予许可。"));
        await ActAsync(b, "chief.zj", number, "approve");
        await Assertions.Expect(Documents(b.Page)).ToContainTextAsync("准予行政许可决定书");
        await b.ScreenshotAsync("journey-1-chief-approved");
        await HandOverAsync(b, number);

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("download-ApprovalDecision")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("download-Certificate")).ToBeVisibleAsync();
        await Assertions.Expect(Documents(b.Page)).ToContainTextAsync("准予行政许可决定书");
        await Assertions.Expect(b.Page.GetByTestId("timeline")).ToContainTextAsync("送达");
        await b.ScreenshotAsync("journey-1-applicant-case");
        var (type, body) = await DownloadAsync(b, b.Page.GetByTestId("download-Certificate"));
        Assert.That(type, Does.StartWith("application/pdf"));
        Assert.That(body.AsSpan(0, 5).ToArray(), Is.EqualTo("%PDF-"u8.ToArray()));
        (type, _) = await DownloadAsync(b, b.Page.GetByTestId("download-ApprovalDecision"));
        Assert.That(type, Does.StartWith("application/pdf"));
    }

    [Test]
    public async Task Journey_2_immediate_item_is_decided_on_the_spot()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var number = await ApplyAsync(b, "ZJ-003");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("limits-pending")).ToContainTextAsync("承诺 0 个工作日");

        await ActAsync(b, "clerk", number, "accept");
        await ActAsync(b, "chief.zj", number, "approve");
        await Assertions.Expect(b.Page.GetByTestId("current-steps")).ToContainTextAsync("已办结");

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("download-ApprovalDecision")).ToBeVisibleAsync();
        // Promised 0 working days: the promised deadline is the day of acceptance, and the decision was made that day.
        await Assertions.Expect(b.Page.GetByTestId("deadline-Promised")).ToContainTextAsync("2026-12-07");
        await Assertions.Expect(Documents(b.Page).Locator("tr", new() { Has = b.Page.GetByTestId("download-ApprovalDecision") })).ToContainTextAsync("2026-12-07");
        await b.ScreenshotAsync("journey-2-applicant-case");
    }

    [Test]
    public async Task Journey_3_one_time_notice_then_supplement_then_acceptance()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var number = await ApplyAsync(b, "ZJ-001");

        await ActAsync(b, "clerk", number, "supplement-notice", async f =>
        {
            await f.Locator("#in_missing_0").CheckAsync();
            await f.Locator("#in_reason_0").FillAsync("缺少法定代表人签字");
            await f.Locator("#in_missing_2").CheckAsync();
            await f.Locator("#in_reason_2").FillAsync("规划许可证已过有效期");
        });

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        var action = b.Page.GetByTestId("applicant-action");
        await Assertions.Expect(action).ToContainTextAsync("请补正材料");
        var requested = b.Page.GetByTestId("supplement-materials");
        await Assertions.Expect(requested).ToContainTextAsync("建筑工程施工许可证申请表");
        await Assertions.Expect(requested).ToContainTextAsync("缺少法定代表人签字");
        await Assertions.Expect(requested).ToContainTextAsync("建设工程规划许可证");
        await Assertions.Expect(requested).ToContainTextAsync("规划许可证已过有效期");
        await Assertions.Expect(requested.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(b.Page.GetByTestId("download-SupplementNotice")).ToBeVisibleAsync();
        await b.ScreenshotAsync("journey-3-notice");
        for (var i = 0; i < 2; i++)
            await b.Page.Locator($"#file-{i}").SetInputFilesAsync(new FilePayload { Name = $"补正{i + 1}.pdf", MimeType = "application/pdf", Buffer = Portal.PortalKit.Pdf($"s{i}") });
        await b.Page.GetByTestId("submit-supplement").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("applicant-action")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Page.GetByTestId("case-files")).ToContainTextAsync("补正1.pdf");
        await Assertions.Expect(b.Page.GetByTestId("case-files")).ToContainTextAsync("补正2.pdf");

        await ActAsync(b, "clerk", number, "accept");
        await Assertions.Expect(Documents(b.Page).Locator("tr[data-kind='SupplementNotice']")).ToHaveCountAsync(1);
        await Assertions.Expect(Documents(b.Page).Locator("tr[data-kind='AcceptanceNotice']")).ToHaveCountAsync(1);
        await b.ScreenshotAsync("journey-3-accepted");
    }

    [Test]
    public async Task Journey_4_nobody_acts_and_the_case_is_deemed_accepted_as_of_receipt()
    {
        var clock = new TestClock(TestClock.China(2026, 10, 12));   // a Monday
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        var kit = new CaseTestKit(b.App.Services);
        var number = await ApplyAsync(b, "ZJ-001");
        Assert.That((await kit.WaitForAsync(number, r => true, TimeSpan.Zero)).CurrentSteps, Is.Not.EqualTo("review"), "the lapse is a week away in business time");

        // Nobody acts for a week and a bit: the Art. 32 lapse (Oct 20, 00:00) falls due and its timer follows the clock.
        clock.Set(TestClock.China(2026, 10, 21));
        var moved = await kit.WaitForAsync(number, r => r.CurrentSteps == "review");
        Assert.That(moved.CurrentSteps, Is.EqualTo("review"), "nobody acted: the intake-lapse timer moved the case");
        await b.GoAsync($"/My/Cases/{number}");
        var timeline = b.Page.GetByTestId("timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("视为受理");
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "视为受理" })).ToContainTextAsync("自收到申请之日起计算时限");
        // Promised 3 working days counted from the receipt day (Mon Oct 12), not from the lapse.
        await Assertions.Expect(b.Page.GetByTestId("deadline-Promised")).ToContainTextAsync("2026-10-15");
        await Assertions.Expect(b.Page.GetByTestId("deadline-Promised")).ToContainTextAsync("2026-10-12");
        await Assertions.Expect(b.Page.GetByTestId("download-AcceptanceNotice")).ToBeVisibleAsync();
        await b.ScreenshotAsync("journey-4-deemed-accepted");
    }

    [Test]
    public async Task Journey_5_tolerance_certificate_only_after_the_missing_material_is_verified()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        const string left = "农民工工资保证金缴存凭证";
        var number = await ApplyAsync(b, "ZJ-001", "Tolerance", leaveOut: [7]);

        // The clerk confirms; which material is tolerated the server reads from the stored uploads.
        await ActAsync(b, "clerk", number, "accept-with-tolerance", f => Assertions.Expect(f.GetByTestId("tolerance-facts")).ToContainTextAsync(left));
        await ActAsync(b, "reviewer.zj", number, "submit-opinion", f => f.Locator("#in_opinion").FillAsync("核心材料齐全，建议准予许可。"));
        await ActAsync(b, "chief.zj", number, "approve");

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("download-ApprovalDecision")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("download-Certificate")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Page.GetByTestId("applicant-action")).ToContainTextAsync("请补齐容缺材料");
        await Assertions.Expect(b.Page.GetByTestId("supplement-materials")).ToContainTextAsync(left);
        await b.ScreenshotAsync("journey-5-awaiting-tolerable");
        await b.Page.Locator("#file-0").SetInputFilesAsync(new FilePayload { Name = "保证金凭证.pdf", MimeType = "application/pdf", Buffer = Portal.PortalKit.Pdf("t") });
        await b.Page.GetByTestId("submit-supplement").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("case-files")).ToContainTextAsync("保证金凭证.pdf");

        await ActAsync(b, "clerk", number, "verify");
        await HandOverAsync(b, number);

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("download-Certificate")).ToBeVisibleAsync();
        await b.ScreenshotAsync("journey-5-certificate");
    }

    [Test]
    public async Task Journey_6_false_commitment_is_revoked_and_special_modes_are_closed()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var number = await ApplyAsync(b, "ZJ-001", "Commitment", leaveOut: [6, 7, 8]);

        await ActAsync(b, "clerk", number, "offer-commitment");
        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        // The letter was signed on the declaration page with the application: it is not asked for a second time.
        await Assertions.Expect(b.Page.GetByTestId("applicant-action")).ToHaveCountAsync(0);
        await Assertions.Expect(b.Page.GetByTestId("status")).ToContainTextAsync("审批决定中");

        await ActAsync(b, "chief.zj", number, "approve");
        await ActAsync(b, "reviewer.zj", number, "verify-false", f => f.Locator("#in_findings").FillAsync("现场核查：施工现场尚未具备施工条件，承诺内容不实。"));
        await ActAsync(b, "chief.zj", number, "revoke", f => f.Locator("#in_reason").FillAsync("申请人承诺不实，依法撤销行政许可。"));
        await Assertions.Expect(b.Page.GetByTestId("current-steps")).ToContainTextAsync("已办结");

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        var decisionRow = Documents(b.Page).Locator("tr", new() { Has = b.Page.GetByTestId("download-ApprovalDecision") });
        await Assertions.Expect(decisionRow).ToContainTextAsync("已撤销");
        await b.ScreenshotAsync("journey-6-applicant-case");
        await decisionRow.Locator("a[href^='/verify/']").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("verdict")).ToHaveTextAsync("已撤销");
        // The public page names the revocation decision (by number), not the findings.
        await Assertions.Expect(b.Page.GetByTestId("revocation")).ToContainTextAsync("2026-12-07");
        await Assertions.Expect(b.Page.GetByTestId("revocation")).ToContainTextAsync(number);
        await b.ScreenshotAsync("journey-6-verify-revoked");

        // A new application: only the normal procedure is offered, with the reason.
        await b.GoAsync("/Guide/ZJ-001");
        await b.Page.GetByTestId("apply").ClickAsync();
        await b.Page.GetByTestId("start").ClickAsync();
        await b.Page.GetByTestId("task-Mode").Locator("a").ClickAsync();
        await Assertions.Expect(b.Page.Locator("#mode-Normal")).ToBeEnabledAsync();
        await Assertions.Expect(b.Page.Locator("#mode-Tolerance")).ToBeDisabledAsync();
        await Assertions.Expect(b.Page.Locator("#mode-Commitment")).ToBeDisabledAsync();
        await Assertions.Expect(b.Page.GetByTestId("mode-reason-Commitment")).ToContainTextAsync("失信");
        await Assertions.Expect(b.Page.GetByTestId("mode-reason-Tolerance")).ToContainTextAsync("失信");
        await b.ScreenshotAsync("journey-6-modes-closed");
    }

    [Test]
    public async Task Journey_7_excluded_procedure_and_extension_move_both_deadlines()
    {
        var clock = new TestClock(Monday);
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        var kit = new CaseTestKit(b.App.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        await kit.ActAsync(c.Number, "clerk", "accept");
        var number = c.Number;

        await SignInAsync(b, "reviewer.zj");
        await b.GoAsync($"/Staff/Cases/{number}");
        var promisedBefore = (await b.Page.GetByTestId("promised-deadline").InnerTextAsync()).Trim();
        var statutoryBefore = (await b.Page.GetByTestId("statutory-deadline").InnerTextAsync()).Trim();
        Assert.That(promisedBefore, Does.Match(@"^\d{4}-\d{2}-\d{2}$"));

        await ActAsync(b, "reviewer.zj", number, "start-excluded-procedure", async f =>
        {
            await f.Locator("#in_procedure").SelectOptionAsync("ExpertReview");
            await f.Locator("#in_expectedDays").FillAsync("5");
        });
        clock.Set(TestClock.China(2026, 12, 10));   // the experts report three days later
        await ActAsync(b, "reviewer.zj", number, "end-excluded-procedure");
        await ActAsync(b, "reviewer.zj", number, "request-extension", async f =>
        {
            await f.Locator("#in_extensionReason").FillAsync("专家评审意见需补充论证，情况复杂。");
            await f.Locator("#in_extensionDays").FillAsync("10");
        });
        await ActAsync(b, "head", number, "approve-extension");

        await SignInAsync(b, "reviewer.zj");
        await b.GoAsync($"/Staff/Cases/{number}");
        var promisedAfter = (await b.Page.GetByTestId("promised-deadline").InnerTextAsync()).Trim();
        var statutoryAfter = (await b.Page.GetByTestId("statutory-deadline").InnerTextAsync()).Trim();
        Assert.That(string.CompareOrdinal(promisedAfter, promisedBefore), Is.GreaterThan(0), $"promised {promisedBefore} → {promisedAfter}");
        Assert.That(string.CompareOrdinal(statutoryAfter, statutoryBefore), Is.GreaterThan(0), $"statutory {statutoryBefore} → {statutoryAfter}");
        var panel = b.Page.GetByTestId("clock-panel");
        foreach (var d in await panel.Locator("details").AllAsync()) await d.Locator("summary").ClickAsync();
        await Assertions.Expect(panel).ToContainTextAsync("专家评审");
        await Assertions.Expect(panel).ToContainTextAsync("延长");
        await b.ScreenshotAsync("journey-7-deadlines");
    }

    [Test]
    public async Task Journey_8_denial_decision_tells_the_applicant_the_remedies()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(Monday) });
        var number = await ApplyAsync(b, "ZJ-001");
        await ActAsync(b, "clerk", number, "accept");
        await ActAsync(b, "reviewer.zj", number, "submit-opinion", f => f.Locator("#in_opinion").FillAsync("施工图审查合格意见与设计文件不符，建议不予许可。"));
        await ActAsync(b, "chief.zj", number, "deny", f => f.Locator("#in_denialReason").FillAsync("施工图设计文件审查合格意见与报审图纸不一致，不符合法定条件。"));

        await SignInAsync(b, "company");
        await b.GoAsync($"/My/Cases/{number}");
        await Assertions.Expect(b.Page.GetByTestId("download-DenialDecision")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("download-Certificate")).ToHaveCountAsync(0);
        await b.ScreenshotAsync("journey-8-denied");
        var (type, body) = await DownloadAsync(b, b.Page.GetByTestId("download-DenialDecision"));
        Assert.That(type, Does.StartWith("application/pdf"));
        var text = Regex.Replace(await PdfTextAsync(body), @"\s+", "");
        Assert.That(text, Does.Contain(number));
        Assert.That(text, Does.Contain("60日内申请行政复议"));
        Assert.That(text, Does.Match("6个月内.*行政诉讼"));
    }
}
