using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Clock;

/// <summary>The one row holding the training clock's offset from real time, shared by all nodes.</summary>
public sealed class BusinessClockState
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public long OffsetTicks { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class BusinessClockStateConfiguration : IEntityTypeConfiguration<BusinessClockState>
{
    public void Configure(EntityTypeBuilder<BusinessClockState> b)
    {
        b.ToTable("business_clock");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.UpdatedBy).HasMaxLength(100);
    }
}
