using ApprovalCenter.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>A sealed document issued on a case: the signed PDF, its SHA-256, signer and time, and
/// whether it was later revoked. The public verification page reads this by verification code.</summary>
public sealed class IssuedDocument
{
    public Guid Id { get; set; }
    /// <summary>Null for a document issued without a case (an exemption notice, see ExemptionDecision).</summary>
    public Guid? CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string VerificationCode { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string SignerSubject { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
    public byte[] Pdf { get; set; } = [];
    public string IssuedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
}

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("issued_documents");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.VerificationCode).IsUnique();
        b.HasIndex(d => d.CaseId);
        b.Property(d => d.CaseNumber).HasMaxLength(20);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Title).HasMaxLength(100);
        b.Property(d => d.DocumentNumber).HasMaxLength(40);
        b.Property(d => d.VerificationCode).HasMaxLength(32);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.SignerSubject).HasMaxLength(300);
        b.Property(d => d.IssuedBy).HasMaxLength(100);
        b.Property(d => d.RevocationReason).HasMaxLength(300);
    }
}
