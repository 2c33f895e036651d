using System.Net;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Workbench;

/// <summary>One-window pickup, tolerance acceptance and commitment verification through the workbenches.</summary>
public sealed class ModesAndPickupTests
{
    [Test]
    public async Task Pickup_rejects_a_bad_collector_id_and_with_a_valid_one_completes_the_case()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAcceptedAsync();
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        var decided = await kit.ActAsync(c.Number, "chief.zj", "approve");
        Assert.That(decided.DeliveryDeadline, Is.Not.Null);
        var deadline = decided.DeliveryDeadline!.Value.ToString("yyyy-MM-dd");

        var clerk = await app.SignedInAsync("clerk");
        var list = (await clerk.GetStringAsync("/Staff/Pickup")).Html();
        Assert.That(list, Does.Contain(c.Number).And.Contain(deadline));
        var form = (await clerk.GetStringAsync($"/Staff/Pickup/{c.Number}")).Html();
        Assert.That(form, Does.Contain("data-testid=\"handover-form\"").And.Contain(deadline));

        var bad = await clerk.PostFormAsync($"/Staff/Pickup/{c.Number}", new Dictionary<string, string>
        {
            ["Input.Method"] = "窗口领取", ["Input.CollectorName"] = "张三", ["Input.CollectorIdNumber"] = "441802199001011230", ["Input.Relation"] = "agent",
            ["Input.Version"] = (await kit.VersionAsync(c.Number)).ToString(),
        });
        var badHtml = (await bad.Content.ReadAsStringAsync()).Html();
        Assert.That(badHtml, Does.Contain("data-testid=\"error-summary\"").And.Contain("领取人身份证号码"));
        Assert.That(badHtml, Does.Contain("value=\"张三\""), "input kept");
        var post = await clerk.PostFormAsync($"/Staff/Pickup/{c.Number}", new Dictionary<string, string>
        {
            ["Input.Method"] = "邮寄", ["Input.TrackingNumber"] = "", ["Input.Version"] = (await kit.VersionAsync(c.Number)).ToString(),
        });
        Assert.That((await post.Content.ReadAsStringAsync()).Html(), Does.Contain("邮寄送达须填写快递单号"));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("delivery"));

        var good = await clerk.PostFormAsync($"/Staff/Pickup/{c.Number}", new Dictionary<string, string>
        {
            ["Input.Method"] = "窗口领取", ["Input.CollectorName"] = "张三", ["Input.CollectorIdNumber"] = "441802199001011239", ["Input.Relation"] = "agent",
            ["Input.Version"] = (await kit.VersionAsync(c.Number)).ToString(),
        });
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var (record, instance, _) = await kit.GetAsync(c.Number);
        Assert.That(record.Status, Is.EqualTo(CaseStatus.Completed));
        Assert.That(record.Outcome, Is.EqualTo("approved"));
        Assert.That(instance.Data["deliveryMethod"], Is.EqualTo("窗口领取"));
        Assert.That(instance.Data["collectorName"], Is.EqualTo("张三"));
        Assert.That(instance.Data["collectorIdChecked"], Is.EqualTo(true));
        Assert.That(instance.Data["collectorRelation"], Is.EqualTo("受托人"));
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.Certificate));
        Assert.That((await clerk.GetStringAsync("/Staff/Pickup")).Html(), Does.Not.Contain($"data-number=\"{c.Number}\""));
        var casePage = (await clerk.GetStringAsync($"/Staff/Cases/{c.Number}")).Html();
        Assert.That(casePage, Does.Contain(deadline), "the case page shows the Art. 44 delivery deadline");
    }

    [Test]
    public async Task Under_tolerance_the_certificate_is_withheld_until_the_supplements_are_verified()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Tolerance);
        var clerk = await app.SignedInAsync("clerk");
        var page = (await clerk.GetStringAsync($"/Staff/Cases/{c.Number}")).Html();
        Assert.That(page, Does.Contain("data-testid=\"tolerance-deadline\">2026-12-10<"), "the supplement deadline is the promised limit (3 wd)");
        Assert.That(page, Does.Contain("农民工工资保证金缴存凭证"));

        // Completeness is the server's fact, from the stored uploads: a forged one is refused and changes nothing.
        var forged = await clerk.ActOnPageAsync(kit, c.Number, "accept-with-tolerance", new() { ["in.coreMaterialsComplete"] = "true" });
        Assert.That((await forged.Content.ReadAsStringAsync()).Html(), Does.Contain("“coreMaterialsComplete”由系统根据登记的数据核定"));
        Assert.That((await kit.GetAsync(c.Number)).Record.Steps, Is.EqualTo(new[] { "intake" }));
        var accepted = await clerk.ActOnPageAsync(kit, c.Number, "accept-with-tolerance");
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var (record, instance, _) = await kit.GetAsync(c.Number);
        Assert.That(record.Steps, Is.EquivalentTo(new[] { "review", "awaiting-supplements" }));
        Assert.That(instance.Data["missingMaterials"] as string, Does.Contain("农民工工资保证金缴存凭证：容缺受理，须于 2026-12-10 前补齐"), "the tolerable materials without a stored upload");
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.ToleranceNotice));

        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        await kit.ActAsync(c.Number, "chief.zj", "approve");
        var docs = await app.DocumentsAsync(c.Number);
        Assert.That(docs.Select(d => d.Kind), Does.Contain(DocumentKind.ApprovalDecision));
        Assert.That(docs.Select(d => d.Kind), Does.Not.Contain(DocumentKind.Certificate), "withheld while supplements are outstanding");
        Assert.That((await kit.GetAsync(c.Number)).Record.Steps, Does.Not.Contain("delivery"));

        await kit.SupplementAsync(c.Number, action: "submit-supplements");
        Assert.That((await clerk.GetStringAsync("/Staff/Window")).Html(), Does.Contain("待核验容缺材料").And.Contain(c.Number));
        var verified = await clerk.ActOnPageAsync(kit, c.Number, "verify");
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("delivery"));
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Not.Contain(DocumentKind.Certificate));
        await kit.ActAsync(c.Number, "clerk", "deliver", new() { ["deliveryMethod"] = "电子证照", ["electronicLicenceConfirmed"] = true });
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.Certificate), "issued once verified and handed over");
    }

    [Test]
    public async Task A_false_commitment_found_in_verification_is_revoked_and_blocks_the_applicant_from_special_modes()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Commitment);
        var clerk = await app.SignedInAsync("clerk");
        Assert.That((await clerk.GetStringAsync($"/Staff/Cases/{c.Number}")).Html(), Does.Contain("申请人无失信记录"));
        // Signed with the application: the offer leads straight to the decision (no second signature).
        Assert.That((await clerk.ActOnPageAsync(kit, c.Number, "offer-commitment")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var chief = await app.SignedInAsync("chief.zj");
        Assert.That((await chief.ActOnPageAsync(kit, c.Number, "approve")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("verification"));

        var reviewer = await app.SignedInAsync("reviewer.zj");
        var inbox = (await reviewer.GetStringAsync("/Staff/Review")).Html();
        Assert.That(inbox, Does.Contain(c.Number).And.Contain("核查到期"));
        var noFindings = await reviewer.ActOnPageAsync(kit, c.Number, "verify-false", new() { ["in.findings"] = "" });
        Assert.That((await noFindings.Content.ReadAsStringAsync()).Html(), Does.Contain("请填写核查发现的不实情况"));
        var falseFound = await reviewer.ActOnPageAsync(kit, c.Number, "verify-false", new() { ["in.findings"] = "现场核查：施工现场不具备施工条件，与承诺不符" });
        Assert.That(falseFound.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("revocation"));

        var revoked = await chief.ActOnPageAsync(kit, c.Number, "revoke", new() { ["in.reason"] = "虚假承诺，依法撤销" });
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var record = (await kit.GetAsync(c.Number)).Record;
        Assert.That(record.Outcome, Is.EqualTo("revoked"));
        var docs = await app.DocumentsAsync(c.Number);
        Assert.That(docs.Select(d => d.Kind), Does.Contain(DocumentKind.RevocationNotice));
        Assert.That(docs.Single(d => d.Kind == DocumentKind.ApprovalDecision).RevokedAt, Is.Not.Null);

        using var scope = app.Services.CreateScope();
        var company = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("company");
        Assert.That(await scope.ServiceProvider.GetRequiredService<CaseService>().IsBlockedFromSpecialModesAsync(company!.Id), Is.True);
        var blocked = await Assert.ThrowsAsync<CaseException>(() => kit.SubmitAsync("company", "ZJ-001", CaseMode.Tolerance));
        Assert.That(blocked!.Status, Is.EqualTo(403));

        // A normal application of the blocked applicant: the case page shows the credit record.
        var normal = await kit.SubmitAsync("company", "ZJ-001");
        var normalPage = (await clerk.GetStringAsync($"/Staff/Cases/{normal.Number}")).Html();
        Assert.That(normalPage, Does.Contain("data-testid=\"credit-records\"").And.Contain(c.Number));
    }
}
