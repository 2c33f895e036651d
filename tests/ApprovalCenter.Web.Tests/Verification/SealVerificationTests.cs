using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Testing.Seals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalCenter.Web.Tests.Portal.PortalKit;

namespace ApprovalCenter.Web.Tests.Verification;

/// <summary>/verify and GET /api/v1/documents/{code}/verification refuse every tampered part of
/// the seal and every look-alike, and answer bad uploads in words, never with a 500 (issue 8.5).</summary>
public sealed class SealVerificationTests
{
    /// <summary>Small, so the size limits are exercised without megabytes of test data.</summary>
    private const long UploadLimit = 512 * 1024;

    private AppFactory _app = null!;
    private IssuedDocument _doc = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new AppFactory().With("ApprovalCenter:Uploads:MaxBytes", UploadLimit.ToString());
        var kit = new CaseTestKit(_app.Services);
        var number = (await kit.SubmitAsync("company", "ZJ-001")).Number;
        await kit.ActAsync(number, "clerk", "accept");
        var (record, _, _) = await kit.GetAsync(number);
        _doc = await WithDbAsync(db => db.Set<IssuedDocument>().AsNoTracking().FirstAsync(d => d.CaseId == record.Id));
    }

    [OneTimeTearDown] public void Stop() => _app.Dispose();

    [TearDown] public Task Restore() => StoreAsync(_doc.Pdf);

    [TestCase("content", "文书已被篡改")]
    [TestCase(nameof(SignatureTarget.CertificateSubject), "签章证书不是本局印章证书")]
    [TestCase(nameof(SignatureTarget.CertificateValidity), "签章证书不是本局印章证书")]
    [TestCase(nameof(SignatureTarget.CertificatePublicKey), "签章证书不是本局印章证书")]
    [TestCase(nameof(SignatureTarget.CertificateSignature), "签章证书不是本局印章证书")]
    [TestCase(nameof(SignatureTarget.SignedAttributes), "文书已被篡改")]
    [TestCase(nameof(SignatureTarget.SignatureValue), "文书已被篡改")]
    [TestCase(nameof(SignatureTarget.CertificateEncoding), "电子签章无法解析")]
    [TestCase("look-alike", "签章证书不是本局印章证书")]
    public async Task A_tampered_or_look_alike_archive_is_refused_on_the_page_and_in_the_API(string change, string verdict)
    {
        // The registered SHA-256 is updated too, so only the seal check can catch the change.
        await StoreAsync(change switch
        {
            "content" => SignatureTampering.ChangeSignedContent(_doc.Pdf),
            "look-alike" => LookAlike(),
            _ => SignatureTampering.Tamper(_doc.Pdf, Enum.Parse<SignatureTarget>(change)),
        });
        var client = _app.CreateBrowserLikeClient();

        var page = await client.GetAsync($"/verify/{_doc.VerificationCode}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain($"data-testid=\"verdict\">{verdict}<"));
        Assert.That(html, Does.Not.Contain("真实有效"));

        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/documents/{_doc.VerificationCode}/verification"));
        var root = json.RootElement;
        Assert.That(root.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("verdictText").GetString(), Is.EqualTo(verdict));
        if (verdict == "签章证书不是本局印章证书")
            Assert.That(root.GetProperty("signatureReason").GetString(), Does.StartWith("签章证书不是本局印章证书"));
        if (verdict == "电子签章无法解析")
            Assert.That(root.GetProperty("signatureReason").GetString(), Does.StartWith("无法解析"));
    }

    [Test]
    public async Task The_API_vouches_for_an_untouched_document_and_404s_an_unknown_code()
    {
        var client = _app.CreateBrowserLikeClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/documents/{_doc.VerificationCode}/verification"));
        var root = json.RootElement;
        Assert.That(root.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("verdict").GetString(), Is.EqualTo("genuine"));
        Assert.That(root.GetProperty("signatureStatus").GetString(), Is.EqualTo("valid"));
        Assert.That(root.GetProperty("documentNumber").GetString(), Is.EqualTo(_doc.DocumentNumber));
        Assert.That(root.GetProperty("sha256Matches").GetBoolean(), Is.True);

        var missing = await client.GetAsync("/api/v1/documents/ABCDEFGHIJKLMNOP/verification");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("没有与此验证码对应的文书"));
    }

    [Test]
    public async Task An_uploaded_look_alike_says_it_is_not_the_bureau_s_seal()
    {
        var client = _app.CreateBrowserLikeClient();
        var html = await UploadAsync(client, "决定书.pdf", LookAlike());
        Assert.That(html, Does.Contain("不一致：您上传的文件与存档文书不同"));
        Assert.That(html, Does.Contain("data-testid=\"upload-signature\">您上传的文件的电子签章：签章证书不是本局印章证书。"));
    }

    [Test]
    public async Task Uploads_that_are_not_a_PDF_or_too_large_get_a_clear_message()
    {
        var client = _app.CreateBrowserLikeClient();
        Assert.That(await UploadAsync(client, "照片.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]),
            Does.Contain("文件“照片.pdf”不是 PDF 文件（按文件内容识别）"));
        Assert.That(await UploadAsync(client, "空.pdf", []), Does.Contain("请选择要核对的 PDF 文件。"));

        var over = Pdf("x").Concat(new byte[UploadLimit]).ToArray();
        Assert.That(await UploadAsync(client, "大.pdf", over), Does.Contain("文件“大.pdf”过大").And.Contain("文书 PDF 不应超过 0.5 MB"));

        // Beyond what the page reads at all (limit × 1.5 + 1 MB): the page is shown again with the
        // message, not a bare 413.
        var huge = Pdf("x").Concat(new byte[5 * UploadLimit]).ToArray();
        var r = await PostMultipartAsync(client, $"/verify/{_doc.VerificationCode}", new Dictionary<string, string>(), [("upload", "巨大.pdf", huge)]);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var page = await client.GetStringAsync(r.Headers.Location!.OriginalString);
        Assert.That(page, Does.Contain("文件过大：文书 PDF 不应超过 0.5 MB。"));
    }

    [Test]
    public async Task The_English_switch_translates_the_refusal()
    {
        await StoreAsync(LookAlike());
        var client = _app.CreateBrowserLikeClient();
        await client.GetAsync("/culture/en?returnUrl=/");
        var html = await client.GetStringAsync($"/verify/{_doc.VerificationCode}");
        Assert.That(html, Does.Contain("Not sealed with the bureau&#x27;s seal certificate").Or.Contain("Not sealed with the bureau's seal certificate"));
        Assert.That(html, Does.Contain("The signing certificate is not the bureau"));
    }

    private byte[] LookAlike()
    {
        using var lookAlike = TestSeals.Create();
        var options = _app.Services.GetRequiredService<DocumentOptions>();
        var header = new DocumentHeader(_doc.CaseNumber, DateOnly.FromDateTime(DateTime.Today), DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26"),
            new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));
        return TestSeals.Sign(options, DocumentTemplates.Refusal(header, new("伪造的文书。", "清远市清城区住房和城乡建设局")), lookAlike, _doc.VerificationCode);
    }

    private async Task<string> UploadAsync(HttpClient client, string name, byte[] content)
    {
        var r = await PostMultipartAsync(client, $"/verify/{_doc.VerificationCode}", new Dictionary<string, string>(), [("upload", name, content)]);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK), name);
        return await r.Content.ReadAsStringAsync();
    }

    private Task StoreAsync(byte[] pdf) => WithDbAsync(db => db.Set<IssuedDocument>().Where(d => d.Id == _doc.Id).ExecuteUpdateAsync(s => s
        .SetProperty(d => d.Pdf, pdf).SetProperty(d => d.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)))));

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
