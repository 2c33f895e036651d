using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Testing.Seals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Verification;

/// <summary>The refusal as a reader sees it in chromium; screenshots land in tests/output.</summary>
public sealed class SealVerificationPageTests
{
    [Test]
    public async Task A_document_re_signed_with_a_look_alike_seal_reads_not_the_bureau_s_seal()
    {
        await using var b = await BrowserSession.StartAsync();
        var kit = new CaseTestKit(b.App.Services);
        var number = (await kit.SubmitAsync("company", "ZJ-001")).Number;
        await kit.ActAsync(number, "clerk", "accept");
        var (record, _, _) = await kit.GetAsync(number);
        using var scope = b.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstAsync(d => d.CaseId == record.Id);

        await b.GoAsync($"/verify/{doc.VerificationCode}");
        Assert.That(await b.Page.Locator("[data-testid=verdict]").InnerTextAsync(), Is.EqualTo("真实有效"));
        await b.ScreenshotAsync("verify-genuine");

        // The look-alike copy is offered for checking, as a forger would hand it over.
        using var lookAlike = TestSeals.Create();
        var options = b.App.Services.GetRequiredService<DocumentOptions>();
        var header = new DocumentHeader(doc.CaseNumber, DateOnly.FromDateTime(DateTime.Today), DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26"),
            new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));
        var forged = TestSeals.Sign(options, DocumentTemplates.Acceptance(header, new(DateOnly.FromDateTime(DateTime.Today), 3, DateOnly.FromDateTime(DateTime.Today.AddDays(5)))), lookAlike, doc.VerificationCode);
        var path = Path.Combine(Path.GetTempPath(), $"forged-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, forged);
        try
        {
            await b.Page.SetInputFilesAsync("#upload", path);
            await b.Page.ClickAsync("form[enctype] button[type=submit]");
            Assert.That(await b.Page.Locator("[data-testid=upload-signature]").InnerTextAsync(), Does.Contain("签章证书不是本局印章证书"));
            await b.ScreenshotAsync("verify-upload-look-alike");
        }
        finally
        {
            File.Delete(path);
        }

        // The archive itself replaced by the look-alike (hash registered anew): refused as well.
        await db.Set<IssuedDocument>().Where(d => d.Id == doc.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Pdf, forged)
            .SetProperty(d => d.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(forged))));
        await b.GoAsync($"/verify/{doc.VerificationCode}");
        Assert.That(await b.Page.Locator("[data-testid=verdict]").InnerTextAsync(), Is.EqualTo("签章证书不是本局印章证书"));
        await b.ScreenshotAsync("verify-not-bureau-seal");
    }
}
