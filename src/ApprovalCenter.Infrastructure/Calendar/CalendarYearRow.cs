using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Calendar;

/// <summary>A calendar year uploaded by an administrator. It overrides a shipped file for the
/// same year, so a correction or a new State Council notice needs no release.</summary>
public sealed class CalendarYearRow
{
    public int Year { get; set; }
    public string Json { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class CalendarYearRowConfiguration : IEntityTypeConfiguration<CalendarYearRow>
{
    public void Configure(EntityTypeBuilder<CalendarYearRow> b)
    {
        b.ToTable("calendar_years");
        b.HasKey(r => r.Year);
        b.Property(r => r.Year).ValueGeneratedNever();
        b.Property(r => r.UploadedBy).HasMaxLength(100);
    }
}
