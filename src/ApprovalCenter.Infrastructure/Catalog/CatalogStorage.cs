using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Catalog;

/// <summary>One complete, validated version of the catalog. Edits and CSV imports never change a
/// revision: they add a new one, so the history of limits and materials is kept.</summary>
public sealed class CatalogRevision
{
    public int Id { get; set; }
    public string DepartmentsJson { get; set; } = "";
    public string ItemsJson { get; set; } = "";
    public string ExemptionsJson { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>A published process definition version (id + content hash). Kept forever so that a
/// case pinned to an old version can always be loaded, whatever the files on disk say now.</summary>
public sealed class PublishedDefinition
{
    public string DefinitionId { get; set; } = "";
    public string Version { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
}

internal sealed class CatalogRevisionConfiguration : IEntityTypeConfiguration<CatalogRevision>
{
    public void Configure(EntityTypeBuilder<CatalogRevision> b)
    {
        b.ToTable("catalog_revisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.CreatedBy).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(500);
    }
}

internal sealed class PublishedDefinitionConfiguration : IEntityTypeConfiguration<PublishedDefinition>
{
    public void Configure(EntityTypeBuilder<PublishedDefinition> b)
    {
        b.ToTable("process_definitions");
        b.HasKey(d => new { d.DefinitionId, d.Version });
        b.Property(d => d.DefinitionId).HasMaxLength(100);
        b.Property(d => d.Version).HasMaxLength(64);
        b.Property(d => d.FileName).HasMaxLength(200);
        b.Property(d => d.PublishedBy).HasMaxLength(100);
    }
}
