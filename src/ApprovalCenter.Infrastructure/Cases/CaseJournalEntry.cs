using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>One append-only line of a case's history: who did what, when, from where, and why.
/// Workflow transitions, clock events, timer firings, documents and hand-overs all land here.</summary>
public sealed class CaseJournalEntry
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>User id, or "system" for timers.</summary>
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string? ActorRole { get; set; }
    public string? Ip { get; set; }
    /// <summary>Machine name of what happened, e.g. "accept", "timer:promised-deadline".</summary>
    public string Action { get; set; } = "";
    public string? FromStep { get; set; }
    public string? ToStep { get; set; }
    /// <summary>Plain-Chinese summary shown on the timeline.</summary>
    public string Summary { get; set; } = "";
    /// <summary>Why (a reason the actor gave), when there is one.</summary>
    public string? Reason { get; set; }
    public string? DataJson { get; set; }
}

internal sealed class CaseJournalEntryConfiguration : IEntityTypeConfiguration<CaseJournalEntry>
{
    public void Configure(EntityTypeBuilder<CaseJournalEntry> b)
    {
        b.ToTable("case_journal");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.ActorRole).HasMaxLength(50);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.FromStep).HasMaxLength(200);
        b.Property(e => e.ToStep).HasMaxLength(200);
        b.Property(e => e.DataJson).HasColumnType("jsonb");
        b.HasIndex(e => new { e.CaseId, e.Id });
    }
}
