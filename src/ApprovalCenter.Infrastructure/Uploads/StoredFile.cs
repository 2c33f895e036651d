using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Uploads;

/// <summary>An uploaded material, kept in PostgreSQL (bytea) so that the one database stays the one
/// source of truth: backups, replicas and every web node see the same files without a shared disk.
/// The SHA-256 is taken at upload and checked on every read, so a file that changed in storage is
/// never handed out as the applicant's material.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; }
    /// <summary>The name the applicant's computer gave it (cleaned); shown and used for downloads, never trusted for the type.</summary>
    public string FileName { get; set; } = "";
    /// <summary>From the content (<see cref="FileTypeSniffer"/>), not from the name or the browser.</summary>
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>The Identity user id of the uploader; decides who may read it besides staff.</summary>
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("stored_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.FileName).HasMaxLength(UploadPolicy.MaxFileNameLength);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.Content).HasColumnType("bytea");
        // No foreign key to the user: a file is evidence in a case file and outlives its uploader's account.
        b.Property(f => f.UploadedBy).HasMaxLength(450);
        b.HasIndex(f => f.UploadedBy);
        b.HasIndex(f => f.Sha256);
    }
}
