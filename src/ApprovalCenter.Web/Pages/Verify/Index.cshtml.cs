using System.Security.Cryptography;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Localization;
using ApprovalCenter.Web.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalCenter.Web.Pages.Verify;

/// <summary>The public verification page a document's QR code points to (rules.md §5): genuine,
/// revoked, tampered, not the bureau's seal, or not found. The stored PDF is re-verified
/// (signature pinned to the bureau's seal certificates, and hash) on every visit, so a changed
/// archive is never vouched for. An uploaded PDF is compared with the archive and its own seal
/// is checked, so a forged copy says why it is not genuine.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicApi)]
[UploadGuard]
public sealed class IndexModel(AppDbContext db, DocumentChecker checker, PdfSignatureVerifier verifier, UploadPolicy policy, IStringLocalizer<SharedResource> L) : PageModel
{
    public DocumentCheck Check { get; private set; } = null!;
    public IssuedDocument Document => Check.Document;
    public string? ItemName { get; private set; }
    public string? ApplicantName { get; private set; }
    public string? ApplicantCode { get; private set; }
    /// <summary>For an exemption notice (no case): the rule it was decided on.</summary>
    public string? ExemptionRule { get; private set; }
    public bool? UploadMatches { get; private set; }
    /// <summary>The seal check of the uploaded file, when it is not the archived one.</summary>
    public SignatureVerification? UploadSignature { get; private set; }
    /// <summary>No document has this code: a page that says so (with status 404), not a bare 404.</summary>
    public bool Unknown { get; private set; }

    private async Task<bool> LoadAsync(string code)
    {
        if (await checker.CheckAsync(code, HttpContext.RequestAborted) is not { } check) return false;
        Check = check;
        var owner = await db.Set<CaseRecord>().AsNoTracking().Where(c => c.Id == check.Document.CaseId)
            .Select(c => new { c.ItemName, c.ApplicantName, c.ApplicantCode }).FirstOrDefaultAsync();
        (ItemName, ApplicantName, ApplicantCode) = (owner?.ItemName, owner?.ApplicantName, owner?.ApplicantCode);
        if (check.Document.CaseId is null
            && await db.Set<ApprovalCenter.Exemption.ExemptionDecision>().AsNoTracking().FirstOrDefaultAsync(x => x.DocumentId == check.Document.Id) is { } exemption)
            (ItemName, ApplicantName, ApplicantCode, ExemptionRule) = (exemption.ItemName, exemption.ApplicantName, exemption.ApplicantCode, $"{exemption.RuleId}（{exemption.RuleCategory}）");
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string code, string? problem)
    {
        if (!await LoadAsync(code)) return UnknownCode();
        // Set by UploadGuard when the upload could not even be read.
        if (problem == UploadGuardAttribute.TooLarge) UploadError(L["文件过大：文书 PDF 不应超过 {0} MB。", UploadPolicy.Megabytes(policy.MaxBytes)]);
        else if (problem == UploadGuardAttribute.Unreadable) UploadError(L["上传的文件无法读取，请重新选择 PDF 文件后再试。"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, IFormFile? upload)
    {
        if (!await LoadAsync(code)) return UnknownCode();
        if (upload is null || upload.Length == 0) return UploadError(L["请选择要核对的 PDF 文件。"]);
        var name = UploadPolicy.CleanFileName(upload.FileName);
        if (upload.Length > policy.MaxBytes)
            return UploadError(L["文件“{0}”过大（{1} MB）：文书 PDF 不应超过 {2} MB。", name, UploadPolicy.Megabytes(upload.Length), UploadPolicy.Megabytes(policy.MaxBytes)]);
        var bytes = new byte[upload.Length];
        await using (var s = upload.OpenReadStream()) await s.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        if (FileTypeSniffer.Sniff(bytes) != FileKind.Pdf)
            return UploadError(L["文件“{0}”不是 PDF 文件（按文件内容识别）：请上传审批局签发的 PDF 文书。", name]);

        UploadMatches = string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), Document.Sha256, StringComparison.OrdinalIgnoreCase);
        if (UploadMatches == false) UploadSignature = verifier.Verify(bytes);
        return Page();
    }

    private PageResult UploadError(string message)
    {
        ModelState.AddModelError("upload", message);
        return Page();
    }

    private PageResult UnknownCode()
    {
        Unknown = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
