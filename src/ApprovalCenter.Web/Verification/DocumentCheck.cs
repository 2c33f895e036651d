using System.Security.Cryptography;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Verification;

/// <summary>What the public verification says about an issued document, on the page and in the API.</summary>
public enum DocumentVerdict { Genuine, Revoked, Tampered, NotBureauSeal, Unreadable }

/// <summary>The archived document re-checked now: its signature (pinned to the bureau's seal
/// certificates) and the SHA-256 registered when it was issued.</summary>
public sealed record DocumentCheck(IssuedDocument Document, SignatureVerification Signature, bool HashMatches)
{
    /// <summary>A failed check outranks a revocation: a changed archive must never be shown as
    /// an authentic (if revoked) document.</summary>
    public DocumentVerdict Verdict => Signature.Status switch
    {
        SignatureStatus.Valid when !HashMatches => DocumentVerdict.Tampered,
        SignatureStatus.Valid => Document.RevokedAt is null ? DocumentVerdict.Genuine : DocumentVerdict.Revoked,
        SignatureStatus.NotBureauSeal => DocumentVerdict.NotBureauSeal,
        SignatureStatus.Modified => DocumentVerdict.Tampered,
        _ => DocumentVerdict.Unreadable,
    };

    /// <summary>Why the check failed (a fixed Chinese sentence, translatable), or null.</summary>
    public string? Problem => Signature.IsValid
        ? HashMatches ? null : HashMismatch
        : Signature.Reason;

    public const string HashMismatch = "文件的 SHA-256 与签发时登记的不一致。";

    /// <summary>The headline of each verdict; en.json translates them.</summary>
    public static string Title(DocumentVerdict verdict) => verdict switch
    {
        DocumentVerdict.Genuine => "真实有效",
        DocumentVerdict.Revoked => "已撤销",
        DocumentVerdict.Tampered => "文书已被篡改",
        DocumentVerdict.NotBureauSeal => "签章证书不是本局印章证书",
        _ => "电子签章无法解析",
    };
}

/// <summary>Finds a document by its verification code and checks it.</summary>
public sealed class DocumentChecker(AppDbContext db, PdfSignatureVerifier verifier)
{
    /// <summary>Null for a malformed or unknown code.</summary>
    public async Task<DocumentCheck?> CheckAsync(string? code, CancellationToken ct = default)
    {
        if (!VerificationCode.IsWellFormed(code)) return null;
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.VerificationCode == code, ct);
        if (doc is null) return null;
        var hash = Convert.ToHexStringLower(SHA256.HashData(doc.Pdf));
        return new DocumentCheck(doc, verifier.Verify(doc.Pdf), string.Equals(hash, doc.Sha256, StringComparison.OrdinalIgnoreCase));
    }
}
