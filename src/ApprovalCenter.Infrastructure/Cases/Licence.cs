using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

public enum LicenceStatus { Valid = 0, Renewed = 1, DeemedRenewed = 2 }

/// <summary>
/// A licence with a term in the bureau's register (ALL Art. 50): who holds it, for which item, and
/// until when. A renewal application names it, and its expiry is the server's fact, never the
/// applicant's: the 30-day rule and the deemed-renewal timer both read it from here.
/// </summary>
public sealed class Licence
{
    public Guid Id { get; set; }
    /// <summary>The number printed on the licence, e.g. "QYGX-2022-000031-ZZ".</summary>
    public string Number { get; set; } = "";
    public string HolderId { get; set; } = "";
    public string HolderName { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    public LicenceStatus Status { get; set; }
    /// <summary>The open renewal case, while there is one; a licence is renewed by one case at a time.</summary>
    public string? RenewalCaseNumber { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> b)
    {
        b.ToTable("licences");
        b.HasKey(l => l.Id);
        b.Property(l => l.Number).HasMaxLength(60);
        b.HasIndex(l => l.Number).IsUnique();
        b.Property(l => l.HolderId).HasMaxLength(100);
        b.Property(l => l.HolderName).HasMaxLength(200);
        b.Property(l => l.ItemCode).HasMaxLength(20);
        b.Property(l => l.RenewalCaseNumber).HasMaxLength(40);
        b.HasIndex(l => l.HolderId);
    }
}
