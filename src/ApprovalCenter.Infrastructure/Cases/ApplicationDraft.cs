using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>An application the applicant has started but not yet submitted (save and come back).
/// The answers are kept as flat key/value JSON, the same shape that becomes the case data on
/// submission. <see cref="Mode"/> is null until the applicant has chosen how the item is handled.</summary>
public sealed class ApplicationDraft
{
    public Guid Id { get; set; }
    public string ApplicantId { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public CaseMode? Mode { get; set; }
    public string DataJson { get; set; } = "{}";
    /// <summary>Which text the applicant signed, e.g. "declaration-v1"; null until signed.</summary>
    public string? DeclarationVersion { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>At which point of the case a material was uploaded.</summary>
public enum CaseFileStage { Application = 0, Supplement = 1, Tolerance = 2 }

/// <summary>Links an uploaded file (<see cref="Uploads.StoredFile"/>) to the material it stands for,
/// first on a draft, then — after submission — on the case.</summary>
public sealed class CaseFile
{
    public Guid Id { get; set; }
    public Guid? DraftId { get; set; }
    public Guid? CaseId { get; set; }
    public string MaterialName { get; set; } = "";
    public Guid StoredFileId { get; set; }
    public CaseFileStage Stage { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> b)
    {
        b.ToTable("application_drafts");
        b.HasKey(d => d.Id);
        b.Property(d => d.ApplicantId).HasMaxLength(100);
        b.Property(d => d.ItemCode).HasMaxLength(20);
        b.Property(d => d.DataJson).HasColumnType("jsonb");
        b.Property(d => d.DeclarationVersion).HasMaxLength(50);
        b.HasIndex(d => new { d.ApplicantId, d.UpdatedAt });
    }
}

internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> b)
    {
        b.ToTable("case_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.MaterialName).HasMaxLength(200);
        b.Property(f => f.UploadedBy).HasMaxLength(450);
        b.HasIndex(f => f.DraftId);
        b.HasIndex(f => f.CaseId);
    }
}
