using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApprovalCenter.Web.Portal;
using static ApprovalCenter.Web.Tests.Portal.PortalKit;

namespace ApprovalCenter.Web.Tests.Portal;

public sealed class PortalTests
{
    private AppFactory _app = null!;
    private CaseTestKit _kit = null!;

    [OneTimeSetUp] public void Start() { _app = new AppFactory(); _kit = new CaseTestKit(_app.Services); }
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<CatalogItem> ItemAsync(string code)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ApprovalCenter.Catalog.CatalogProvider>().GetAsync()).Catalog.Find(code)!;
    }

    private async Task UploadCoreAsync(HttpClient client, string draft, CatalogItem item, bool tolerableToo = false)
    {
        var files = item.Materials.Select((m, i) => (m, i)).Where(x => tolerableToo || x.m.Type == MaterialType.Core)
            .Select(x => ($"file-{x.i}", $"材料{x.i + 1}.pdf", Pdf($"m{x.i}"))).ToList();
        var r = await PostMultipartAsync(client, draft + "/Materials", new Dictionary<string, string>(), files);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
    }

    /// <summary>A complete application for ZJ-001 submitted through the portal; returns the case number.</summary>
    private async Task<string> SubmitThroughPortalAsync(HttpClient client, string mode = "Normal")
    {
        var item = await ItemAsync("ZJ-001");
        var draft = await StartDraftAsync(client, "ZJ-001");
        await FillDetailsAsync(client, draft);
        await UploadCoreAsync(client, draft, item, tolerableToo: mode == "Normal");
        await ChooseAndSignAsync(client, draft, mode);
        var r = await client.PostFormAsync(draft + "/Check", new Dictionary<string, string>());
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        var m = Regex.Match(r.Headers.Location!.OriginalString, @"^/My/Cases/(QYGX-\d{4}-\d{6})/Submitted$");
        Assert.That(m.Success, r.Headers.Location!.OriginalString);
        return m.Groups[1].Value;
    }

    [Test]
    public async Task A_draft_is_saved_and_resumed_and_keeps_input_on_error()
    {
        var client = await SignedInAsync(_app, "company");
        Assert.That((await client.GetAsync("/Apply/NO-SUCH")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var start = await client.GetStringAsync("/Apply/ZJ-001");
        Assert.That(start, Does.Contain("建筑工程施工许可证核发"));
        var draft = await StartDraftAsync(client, "ZJ-001");

        var list = await client.GetStringAsync(draft);
        Assert.That(list, Does.Contain("data-testid=\"status-Applicant\">未开始").Or.Contain("data-testid=\"status-Applicant\">进行中"));
        // Prefilled from the account.
        var applicant = await client.GetStringAsync(draft + "/Applicant");
        Assert.That(applicant, Does.Contain("清远示例建设有限公司").And.Contain("91441800MA4WQY3K26"));

        var bad = await client.PostFormAsync(draft + "/Applicant", new Dictionary<string, string>
        {
            ["Input.Contact"] = "王经办", ["Input.Phone"] = "12345", ["Input.Address"] = "",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("联系电话应为11位手机号码").And.Contain("请填写通讯地址"));
        Assert.That(html, Does.Contain("value=\"王经办\"").And.Contain("value=\"12345\""), "the form keeps what was typed");
        Assert.That(html, Does.Contain("href=\"#Input_Phone\""));

        await FillDetailsAsync(client, draft);
        // Come back later: /My lists the draft with 继续填写, and the answers are still there.
        var home = await client.GetStringAsync("/My");
        Assert.That(home, Does.Contain($"href=\"{draft}\"").And.Contain("继续填写"));
        list = await client.GetStringAsync(draft);
        Assert.That(list, Does.Contain("data-testid=\"status-Applicant\">已完成").And.Contain("data-testid=\"status-Project\">已完成"));
        Assert.That(list, Does.Contain("data-testid=\"status-Materials\">未开始"));
        Assert.That(await client.GetStringAsync(draft + "/Project"), Does.Contain("清远高新区示例厂房项目"));

        // Someone else's draft does not exist for them.
        var citizen = await SignedInAsync(_app, "citizen");
        Assert.That((await citizen.GetAsync(draft)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await citizen.GetAsync(draft + "/Check")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_bad_upload_names_the_file_and_the_reason_and_the_good_ones_are_kept()
    {
        var client = await SignedInAsync(_app, "company");
        var draft = await StartDraftAsync(client, "ZJ-001");
        var r = await PostMultipartAsync(client, draft + "/Materials", new Dictionary<string, string>(),
        [
            ("file-0", "施工许可申请表.docx", Docx()),
            ("file-1", "用地批准.pdf", Pdf()),
            ("file-2", "规划许可证.pdf", RenamedExe()),
        ]);
        var html = await r.Content.ReadAsStringAsync();
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("文件“施工许可申请表.docx”的类型不受支持"));
        Assert.That(html, Does.Contain("文件“规划许可证.pdf”的类型不受支持"));
        Assert.That(html, Does.Contain("href=\"#file-0\"").And.Contain("href=\"#file-2\""));
        Assert.That(html, Does.Contain("data-testid=\"uploaded-1\">✓ 用地批准.pdf"), "the accepted file is saved");
        Assert.That(html, Does.Not.Contain("data-testid=\"uploaded-0\""));

        // Still there on the next visit; a new upload replaces the file of that material.
        Assert.That(await client.GetStringAsync(draft + "/Materials"), Does.Contain("✓ 用地批准.pdf"));
        r = await PostMultipartAsync(client, draft + "/Materials", new Dictionary<string, string>(), [("file-1", "用地批准-新.pdf", Pdf("v2"))]);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await client.GetStringAsync(draft + "/Materials");
        Assert.That(page, Does.Contain("✓ 用地批准-新.pdf").And.Not.Contain("✓ 用地批准.pdf"));
        Assert.That(await client.GetStringAsync(draft), Does.Contain("data-testid=\"status-Materials\">进行中"));
    }

    [Test]
    public async Task The_modes_offered_follow_the_item_and_the_credit_record()
    {
        var company = await SignedInAsync(_app, "company");
        var zj1 = await company.GetStringAsync(await StartDraftAsync(company, "ZJ-001") + "/Mode");
        Assert.That(zj1, Does.Contain("value=\"Normal\"").And.Contain("value=\"Tolerance\"").And.Contain("value=\"Commitment\""));
        Assert.That(zj1, Does.Not.Contain("disabled=\"disabled\""));

        // ZJ-003 is an immediate item with no special modes; ZJ-006 is high-risk: tolerance yes, commitment no.
        var zj3 = await company.GetStringAsync(await StartDraftAsync(company, "ZJ-003") + "/Mode");
        Assert.That(zj3, Does.Contain("value=\"Normal\"").And.Not.Contain("value=\"Tolerance\"").And.Not.Contain("value=\"Commitment\""));
        var zj6Draft = await StartDraftAsync(company, "ZJ-006");
        var zj6 = await company.GetStringAsync(zj6Draft + "/Mode");
        Assert.That(zj6, Does.Contain("value=\"Tolerance\"").And.Not.Contain("value=\"Commitment\""));
        var forged = await company.PostFormAsync(zj6Draft + "/Mode", new Dictionary<string, string> { ["Input.Mode"] = "Commitment" });
        Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("本事项不提供所选的办理方式"));

        // An applicant with a false-commitment record sees the special modes disabled, with the reason.
        var citizenId = await WithDbAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        await WithDbAsync(async db =>
        {
            db.Add(new CreditRecord { ApplicantId = citizenId, Reason = "虚假承诺（测试）", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var citizen = await SignedInAsync(_app, "citizen");
        var draft = await StartDraftAsync(citizen, "ZJ-001");
        var blocked = await citizen.GetStringAsync(draft + "/Mode");
        Assert.That(Regex.Matches(blocked, "disabled=\"disabled\"").Count, Is.EqualTo(2));
        Assert.That(blocked, Does.Contain("data-testid=\"mode-reason-Tolerance\"").And.Contain("您有失信记录"));
        var refused = await citizen.PostFormAsync(draft + "/Mode", new Dictionary<string, string> { ["Input.Mode"] = "Tolerance" });
        var html = await refused.Content.ReadAsStringAsync();
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("不能选择“容缺受理”"));
        var none = await citizen.PostFormAsync(draft + "/Mode", new Dictionary<string, string>());
        Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("请选择办理方式。"));
    }

    [Test]
    public async Task Check_answers_then_submit_creates_the_case_and_the_confirmation_shows_the_dates()
    {
        var client = await SignedInAsync(_app, "company");
        var item = await ItemAsync("ZJ-001");
        var draft = await StartDraftAsync(client, "ZJ-001");
        await FillDetailsAsync(client, draft);
        await UploadCoreAsync(client, draft, item);

        // The ordinary procedure needs the tolerable materials too: not ready to submit.
        await ChooseAndSignAsync(client, draft, "Normal");
        var check = await client.GetStringAsync(draft + "/Check");
        Assert.That(check, Does.Contain("data-testid=\"incomplete\"").And.Contain("一般程序须提交全部材料"));
        var early = await client.PostFormAsync(draft + "/Check", new Dictionary<string, string>());
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await early.Content.ReadAsStringAsync(), Does.Contain("申请还有未完成的部分"));

        // Switching to 容缺受理 asks for the tolerance commitment letter instead.
        var r = await client.PostFormAsync(draft + "/Mode", new Dictionary<string, string> { ["Input.Mode"] = "Tolerance" });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await client.GetStringAsync(draft), Does.Contain("data-testid=\"status-Declaration\">进行中").Or.Contain("data-testid=\"status-Declaration\">未开始"));
        var letter = await client.GetStringAsync(draft + "/Declaration");
        Assert.That(letter, Does.Contain("容缺受理承诺书").And.Contain("tolerance-letter-v1").And.Contain("农民工工资保证金缴存凭证"));
        var unsigned = await client.PostFormAsync(draft + "/Declaration", new Dictionary<string, string>());
        Assert.That(await unsigned.Content.ReadAsStringAsync(), Does.Contain("请勾选同意《容缺受理承诺书》"));
        r = await client.PostFormAsync(draft + "/Declaration", new Dictionary<string, string> { ["Input.Agree"] = "true" });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        check = await client.GetStringAsync(draft + "/Check");
        Assert.That(Regex.Matches(check, ">修改<").Count, Is.GreaterThanOrEqualTo(3 + 3 + item.Materials.Count + 2));
        Assert.That(check, Does.Contain("王经办").And.Contain("清远高新区示例厂房项目").And.Contain("容缺，受理后补齐").And.Contain("data-testid=\"submit\""));

        r = await client.PostFormAsync(draft + "/Check", new Dictionary<string, string>());
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        var number = Regex.Match(r.Headers.Location!.OriginalString, @"QYGX-\d{4}-\d{6}").Value;
        Assert.That(number, Does.Match(@"^QYGX-20\d\d-\d{6}$"));

        var confirmation = await client.GetStringAsync(r.Headers.Location!.OriginalString);
        var (record, _, _) = await _kit.GetAsync(number);
        Assert.That(confirmation, Does.Contain($"data-testid=\"case-number\">{number}<"));
        Assert.That(record.IntakeDeadline, Is.Not.Null);
        Assert.That(confirmation, Does.Contain($"data-testid=\"intake-deadline\">{record.IntakeDeadline:yyyy-MM-dd}"));
        // Accepted on the intake deadline day, the promised and statutory limits count from there.
        using (var scope = _app.Services.CreateScope())
        {
            var calendar = await scope.ServiceProvider.GetRequiredService<ApprovalCenter.Calendar.CalendarProvider>().GetAsync();
            var promised = calendar.AddWorkingDays(record.IntakeDeadline!.Value, item.PromisedDays).Value;
            var statutory = calendar.AddWorkingDays(record.IntakeDeadline!.Value, item.StatutoryDays).Value;
            Assert.That(confirmation, Does.Contain($"data-testid=\"expected-promised\">{promised:yyyy-MM-dd}"));
            Assert.That(confirmation, Does.Contain($"data-testid=\"expected-statutory\">{statutory:yyyy-MM-dd}"));
        }

        Assert.That(record.Mode, Is.EqualTo(CaseMode.Tolerance));
        using var data = JsonDocument.Parse(record.DataJson);
        Assert.That(data.RootElement.GetProperty("projectName").GetString(), Is.EqualTo("清远高新区示例厂房项目"));
        Assert.That(data.RootElement.GetProperty("applicantContact").GetString(), Is.EqualTo("王经办"));
        // The signed version and the missing materials are the bureau's record (engine data), not the applicant's answers.
        var (_, started, _) = await _kit.GetAsync(record.Number);
        Assert.That(started.Data["declarationVersion"], Is.EqualTo("tolerance-letter-v1"));
        Assert.That(data.RootElement.TryGetProperty("declarationVersion", out _), Is.False);
        var missing = (string)started.Data["missingMaterials"]!;
        Assert.That(missing.Split('\n'), Has.Length.EqualTo(item.TolerableMaterials.Count()));
        Assert.That(missing, Does.Contain("农民工工资保证金缴存凭证："));

        var draftId = Guid.Parse(draft.Split('/').Last());
        Assert.That(await WithDbAsync(db => db.Set<ApplicationDraft>().AnyAsync(d => d.Id == draftId)), Is.False, "the draft is gone");
        Assert.That(await WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == record.Id)), Is.EqualTo(item.CoreMaterials.Count()));
        Assert.That((await client.GetAsync(draft)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var home = await client.GetStringAsync("/My");
        Assert.That(home, Does.Contain($"/My/Cases/{number}"));
    }

    [Test]
    public async Task An_applicant_cannot_read_another_applicants_case_or_documents()
    {
        var company = await SignedInAsync(_app, "company");
        var number = await SubmitThroughPortalAsync(company);
        await _kit.ActAsync(number, "clerk", "accept");
        var (record, _, _) = await _kit.GetAsync(number);
        var doc = await WithDbAsync(db => db.Set<IssuedDocument>().FirstAsync(d => d.CaseId == record.Id));

        var own = await company.GetAsync($"/My/Cases/{number}/Documents/{doc.Id}");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        var casePage = await company.GetStringAsync($"/My/Cases/{number}");
        Assert.That(casePage, Does.Contain("审查中").And.Contain("窗口人员").And.Contain($"/My/Cases/{number}/Documents/{doc.Id}"));
        Assert.That(casePage, Does.Contain("data-testid=\"deadline-Promised\"").And.Contain("data-testid=\"deadline-Statutory\""));
        Assert.That(casePage, Does.Not.Contain("李窗口"), "staff appear by role, not by name");

        var citizen = await SignedInAsync(_app, "citizen");
        foreach (var url in new[] { $"/My/Cases/{number}", $"/My/Cases/{number}/Submitted", $"/My/Cases/{number}/Documents/{doc.Id}" })
            Assert.That((await citizen.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), url);
        // The document id on someone else's case number does not leak either.
        var citizenCase = await _kit.SubmitAsync("citizen", "ZJ-001");
        Assert.That((await citizen.GetAsync($"/My/Cases/{citizenCase.Number}/Documents/{doc.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        // Anonymous: sign in first.
        var anonymous = _app.CreateBrowserLikeClient();
        var r = await anonymous.GetAsync($"/My/Cases/{number}");
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(r.Headers.Location!.OriginalString, Does.Contain("/Account/Login"));
    }

    [Test]
    public async Task After_a_one_time_notice_the_applicant_uploads_the_supplements_and_the_case_returns_to_intake()
    {
        var company = await SignedInAsync(_app, "company");
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        await _kit.ActAsync(number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未提交" });

        var page = await company.GetStringAsync($"/My/Cases/{number}");
        Assert.That(page, Does.Contain("data-testid=\"applicant-action\"").And.Contain("建设工程规划许可证").And.Contain("未提交"));
        Assert.That(page, Does.Contain("等待您补正材料"));

        var (_, before, _) = await _kit.GetAsync(number);
        var r = await PostMultipartAsync(company, $"/My/Cases/{number}?handler=Supplement", new Dictionary<string, string> { ["version"] = before.Version.ToString() }, []);
        var html = await r.Content.ReadAsStringAsync();
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("请上传“建设工程规划许可证”"));

        var (_, instance, _) = await _kit.GetAsync(number);
        r = await PostMultipartAsync(company, $"/My/Cases/{number}?handler=Supplement", new Dictionary<string, string> { ["version"] = instance.Version.ToString() },
            [("file-0", "规划许可证.pdf", Pdf("plan"))]);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        var (record, _, _) = await _kit.GetAsync(number);
        Assert.That(record.Steps, Is.EqualTo(new[] { "intake" }));
        var journal = await _kit.JournalAsync(number);
        Assert.That(journal.Select(j => j.Action), Does.Contain("supplement"));
        Assert.That(await WithDbAsync(db => db.Set<CaseFile>().CountAsync(f => f.CaseId == record.Id && f.Stage == CaseFileStage.Supplement)), Is.EqualTo(1));
        page = await company.GetStringAsync(r.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain("补正材料已提交").And.Contain("规划许可证.pdf").And.Not.Contain("data-testid=\"applicant-action\""));
    }

    [Test]
    public async Task The_delivery_choice_is_written_into_the_case_data()
    {
        var company = await SignedInAsync(_app, "company");
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        var r = await company.PostFormAsync($"/My/Cases/{number}?handler=Delivery", new Dictionary<string, string> { ["Delivery.Method"] = "mail" });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("选择邮寄时请填写邮寄地址"));
        r = await company.PostFormAsync($"/My/Cases/{number}?handler=Delivery", new Dictionary<string, string>
        {
            ["Delivery.Method"] = "mail", ["Delivery.Address"] = "清远市清城区创兴大道18号 王经办 13800138000",
        });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var (record, _, _) = await _kit.GetAsync(number);
        using var data = JsonDocument.Parse(record.DataJson);
        Assert.That(data.RootElement.GetProperty("deliveryMethod").GetString(), Is.EqualTo("mail"));
        Assert.That(data.RootElement.GetProperty("mailingAddress").GetString(), Does.StartWith("清远市清城区创兴大道18号"));
        Assert.That(data.RootElement.GetProperty("projectName").GetString(), Is.EqualTo("清远高新区测试项目"), "other data is kept");
    }

    [Test]
    public async Task The_verification_page_says_valid_revoked_tampered_or_not_found()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        await _kit.ActAsync(number, "clerk", "accept");
        var (record, _, _) = await _kit.GetAsync(number);
        var doc = await WithDbAsync(db => db.Set<IssuedDocument>().AsNoTracking().FirstAsync(d => d.CaseId == record.Id));
        var anonymous = _app.CreateBrowserLikeClient();

        var page = await anonymous.GetStringAsync($"/verify/{doc.VerificationCode}");
        Assert.That(page, Does.Contain("data-testid=\"verdict\">真实有效<"));
        Assert.That(page, Does.Contain(doc.DocumentNumber).And.Contain(number).And.Contain(doc.Sha256).And.Contain("清远示例建设有限公司"));
        Assert.That(page, Does.Contain("914418********3K26").And.Not.Contain("91441800MA4WQY3K26"), "the code is masked");

        // The upload check compares the SHA-256.
        var r = await PostMultipartAsync(anonymous, $"/verify/{doc.VerificationCode}", new Dictionary<string, string>(), [("upload", "doc.pdf", doc.Pdf)]);
        Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("一致：您上传的文件与存档文书完全相同"));

        // A different file: the mismatch is the verdict at the top, not a note under a green "真实有效".
        r = await PostMultipartAsync(anonymous, $"/verify/{doc.VerificationCode}", new Dictionary<string, string>(), [("upload", "other.pdf", Pdf("other"))]);
        var mismatch = await r.Content.ReadAsStringAsync();
        Assert.That(mismatch, Does.Contain("data-testid=\"verdict\">您上传的文件与存档文书不一致<").And.Not.Contain("真实有效<"));

        // An unknown code: a page that says so, with status 404 (not a bare 404).
        var unknown = await anonymous.GetAsync("/verify/ABCDEFGHIJKLMNOP");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("未找到该文书").And.Contain("电子文书验证"));
        Assert.That((await anonymous.GetAsync("/verify/not-a-code")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        // Change one byte of the stored PDF inside the signed range.
        var tampered = (byte[])doc.Pdf.Clone();
        var at = System.Text.Encoding.Latin1.GetString(tampered).IndexOf("/Type", StringComparison.Ordinal);
        tampered[at + 1] = (byte)'t';
        await WithDbAsync(db => db.Set<IssuedDocument>().Where(d => d.Id == doc.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Pdf, tampered)));
        page = await anonymous.GetStringAsync($"/verify/{doc.VerificationCode}");
        Assert.That(page, Does.Contain("data-testid=\"verdict\">文书已被篡改<"));

        // Revoked (with the original bytes back).
        await WithDbAsync(db => db.Set<IssuedDocument>().Where(d => d.Id == doc.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Pdf, doc.Pdf).SetProperty(d => d.RevokedAt, DateTimeOffset.UtcNow).SetProperty(d => d.RevocationReason, "承诺不实")));
        page = await anonymous.GetStringAsync($"/verify/{doc.VerificationCode}");
        Assert.That(page, Does.Contain("data-testid=\"verdict\">已撤销<").And.Contain("承诺不实"));
    }
}

public sealed class PortalSpecialModeTests
{
    private AppFactory _app = null!;
    private CaseTestKit _kit = null!;

    [OneTimeSetUp] public void Start() { _app = new AppFactory(); _kit = new CaseTestKit(_app.Services); }
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private async Task<string> SubmitAsync(HttpClient client, string mode)
    {
        CatalogItem item;
        using (var scope = _app.Services.CreateScope())
            item = (await scope.ServiceProvider.GetRequiredService<CatalogProvider>().GetAsync()).Catalog.Find("ZJ-001")!;
        var draft = await StartDraftAsync(client, "ZJ-001");
        await FillDetailsAsync(client, draft);
        var files = item.Materials.Select((m, i) => (m, i)).Where(x => x.m.Type == MaterialType.Core)
            .Select(x => ($"file-{x.i}", $"材料{x.i + 1}.pdf", Pdf($"m{x.i}"))).ToList();
        Assert.That((await PostMultipartAsync(client, draft + "/Materials", new Dictionary<string, string>(), files)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await ChooseAndSignAsync(client, draft, mode);
        var r = await client.PostFormAsync(draft + "/Check", new Dictionary<string, string>());
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        return Regex.Match(r.Headers.Location!.OriginalString, @"QYGX-\d{4}-\d{6}").Value;
    }

    [Test]
    public async Task Under_tolerance_the_applicant_submits_the_missing_materials_on_the_case_page()
    {
        var client = await SignedInAsync(_app, "company");
        var number = await SubmitAsync(client, "Tolerance");
        // The server finds the missing materials and the complete core set in the stored uploads: the clerk sends nothing.
        var record = await _kit.ActAsync(number, "clerk", "accept-with-tolerance");
        var missing = (string)(await _kit.GetAsync(number)).Instance.Data["missingMaterials"]!;

        var page = await client.GetStringAsync($"/My/Cases/{number}");
        Assert.That(page, Does.Contain("请补齐容缺材料").And.Contain("农民工工资保证金缴存凭证"));
        var count = PortalService.ParseMissing(missing).Count;
        var (_, instance, _) = await _kit.GetAsync(number);
        var r = await PostMultipartAsync(client, $"/My/Cases/{number}?handler=Supplement", new Dictionary<string, string> { ["version"] = instance.Version.ToString() },
            Enumerable.Range(0, count).Select(i => ($"file-{i}", $"容缺{i}.pdf", Pdf($"t{i}"))));
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        (record, _, _) = await _kit.GetAsync(number);
        Assert.That(record.Steps, Does.Contain("verify-supplements"));
        Assert.That((await _kit.JournalAsync(number)).Select(j => j.Action), Does.Contain("submit-supplements"));
    }

    [Test]
    public async Task Under_commitment_the_letter_signed_with_the_application_is_not_signed_a_second_time()
    {
        var client = await SignedInAsync(_app, "company");
        var number = await SubmitAsync(client, "Commitment");
        var (_, instance, _) = await _kit.GetAsync(number);
        Assert.That(instance.Data["declarationVersion"], Is.EqualTo("commitment-letter-v1"));
        await _kit.ActAsync(number, "clerk", "offer-commitment");

        // Signed on the declaration page already: the clerk's offer goes straight to the decision.
        var (record, _, clock) = await _kit.GetAsync(number);
        Assert.That(record.Steps, Is.EqualTo(new[] { "decide" }));
        Assert.That(clock.AcceptedOn, Is.Not.Null, "acceptance is recorded when the offer meets the signed letter");
        var page = await client.GetStringAsync($"/My/Cases/{number}");
        Assert.That(page, Does.Not.Contain("请签署告知承诺书").And.Not.Contain("data-testid=\"sign\""));

        (_, instance, _) = await _kit.GetAsync(number);
        var r = await client.PostFormAsync($"/My/Cases/{number}?handler=Sign", new Dictionary<string, string> { ["version"] = instance.Version.ToString(), ["decision"] = "sign" });
        Assert.That(await r.Content.ReadAsStringAsync(), Does.Contain("该办件当前不需要签署告知承诺书"));
    }
}
