using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Scheduling;

public enum TimerStatus { Pending = 0, Fired = 1, Cancelled = 2, Failed = 3 }

/// <summary>A durable timer: the source of truth for what must happen when. Quartz holds the
/// trigger that wakes us up; this row decides whether the wake-up still means anything
/// (its generation must match, and it must still be pending), which makes firing idempotent.</summary>
public sealed class ScheduledTimer
{
    /// <summary>Stable key, e.g. "case:QYGX-2026-000001:promised-deadline".</summary>
    public string Key { get; set; } = "";
    /// <summary>Which <see cref="ITimerHandler"/> handles it.</summary>
    public string Kind { get; set; } = "";
    /// <summary>What it is about (usually a case number), for queries and the admin view.</summary>
    public string Subject { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Bumped on every reschedule; a trigger carrying an older generation is stale.</summary>
    public int Generation { get; set; }
    public TimerStatus Status { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public string? FiredBy { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ScheduledTimerConfiguration : IEntityTypeConfiguration<ScheduledTimer>
{
    public void Configure(EntityTypeBuilder<ScheduledTimer> b)
    {
        b.ToTable("scheduled_timers");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(200);
        b.Property(t => t.Kind).HasMaxLength(64);
        b.Property(t => t.Subject).HasMaxLength(100);
        b.Property(t => t.FiredBy).HasMaxLength(200);
        b.HasIndex(t => new { t.Status, t.DueAt });
        b.HasIndex(t => t.Subject);
    }
}
