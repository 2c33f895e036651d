using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Administration;

/// <summary>One append-only line of what administrators did outside a case: moving the training
/// clock, retrying a failed timer, and later catalog, calendar and staff changes. Who, when, from
/// where, what and why, as the case journal keeps it for cases.</summary>
public sealed class AdminJournalEntry
{
    public long Id { get; set; }
    /// <summary>Real time (the business clock may itself be what changed).</summary>
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? Ip { get; set; }
    /// <summary>Machine name, e.g. "clock:move", "timer:retry".</summary>
    public string Action { get; set; } = "";
    /// <summary>What it is about: a timer key, a case number, "business-clock".</summary>
    public string Subject { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Reason { get; set; }
    public string? DataJson { get; set; }
}

internal sealed class AdminJournalEntryConfiguration : IEntityTypeConfiguration<AdminJournalEntry>
{
    public void Configure(EntityTypeBuilder<AdminJournalEntry> b)
    {
        b.ToTable("admin_journal");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.DataJson).HasColumnType("jsonb");
        b.HasIndex(e => new { e.Subject, e.Id });
    }
}
