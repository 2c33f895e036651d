using System.Security.Cryptography;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Verify;

/// <summary>The public verification page a document's QR code points to (rules.md §5): genuine,
/// revoked or not found; the stored PDF is re-verified (signature and hash) on every visit, so a
/// changed archive shows as tampered instead of being vouched for.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicApi)]
public sealed class IndexModel(AppDbContext db, PdfSignatureVerifier verifier) : PageModel
{
    public IssuedDocument Document { get; private set; } = null!;
    public string? ItemName { get; private set; }
    public string? ApplicantName { get; private set; }
    public string? ApplicantCode { get; private set; }
    public bool Tampered { get; private set; }
    public string? TamperReason { get; private set; }
    public string SignatureReason { get; private set; } = "";
    public bool? UploadMatches { get; private set; }
    /// <summary>No document has this code: a page that says so (with status 404), not a bare 404.</summary>
    public bool Unknown { get; private set; }

    private async Task<bool> LoadAsync(string code)
    {
        if (!VerificationCode.IsWellFormed(code)) return false;
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.VerificationCode == code);
        if (doc is null) return false;
        Document = doc;
        var owner = await db.Set<CaseRecord>().AsNoTracking().Where(c => c.Id == doc.CaseId)
            .Select(c => new { c.ItemName, c.ApplicantName, c.ApplicantCode }).FirstOrDefaultAsync();
        (ItemName, ApplicantName, ApplicantCode) = (owner?.ItemName, owner?.ApplicantName, owner?.ApplicantCode);
        var signature = verifier.Verify(doc.Pdf);
        SignatureReason = signature.Reason;
        var hash = Convert.ToHexStringLower(SHA256.HashData(doc.Pdf));
        if (!signature.IsValid) (Tampered, TamperReason) = (true, signature.Reason);
        else if (!string.Equals(hash, doc.Sha256, StringComparison.OrdinalIgnoreCase)) (Tampered, TamperReason) = (true, "文件的 SHA-256 与签发时登记的不一致。");
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ? Page() : UnknownCode();

    public async Task<IActionResult> OnPostAsync(string code, IFormFile? upload)
    {
        if (!await LoadAsync(code)) return UnknownCode();
        if (upload is null || upload.Length == 0) { ModelState.AddModelError("upload", "请选择要核对的 PDF 文件。"); return Page(); }
        if (upload.Length > 20 * 1024 * 1024) { ModelState.AddModelError("upload", $"文件“{upload.FileName}”过大，文书 PDF 不应超过 20 MB。"); return Page(); }
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        UploadMatches = string.Equals(Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray())), Document.Sha256, StringComparison.OrdinalIgnoreCase);
        return Page();
    }

    private IActionResult UnknownCode()
    {
        Unknown = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
