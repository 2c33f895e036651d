using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Scheduling;

public enum TimerStatus { Pending = 0, Fired = 1, Cancelled = 2, Failed = 3 }

/// <summary>A durable timer: the source of truth for what must happen when. A Hangfire delayed job
/// (and, as a safety net, the sweeper) wakes us up; this row decides whether the wake-up still
/// means anything (same generation, still pending, due by business time), which makes firing
/// idempotent whoever wakes us and however often.</summary>
public sealed class ScheduledTimer
{
    /// <summary>Stable key, e.g. "case:QYGX-2026-000001:promised-deadline".</summary>
    public string Key { get; set; } = "";
    /// <summary>Which <see cref="ITimerHandler"/> handles it.</summary>
    public string Kind { get; set; } = "";
    /// <summary>What it is about (usually a case number), for queries and the admin view.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Business time at which it takes effect.</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Bumped on every reschedule; a trigger carrying an older generation is stale.</summary>
    public int Generation { get; set; }
    public TimerStatus Status { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public string? FiredBy { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>After a failure: real time before which the sweeper leaves it alone (the back-off).</summary>
    public DateTimeOffset? RetryAt { get; set; }
    /// <summary>The Hangfire job that should wake this generation; null until it was handed to Hangfire.</summary>
    public string? JobId { get; set; }
    /// <summary>Real (operational) time of the last change.</summary>
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
        b.Property(t => t.JobId).HasMaxLength(64);
        b.HasIndex(t => new { t.Status, t.DueAt });
        b.HasIndex(t => t.Subject);
    }
}
