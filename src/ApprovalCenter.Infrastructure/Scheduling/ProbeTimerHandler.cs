using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Scheduling;

/// <summary>A timer kind with a countable effect: one row in timer_probe_effects per firing. It
/// lets a test or benchmark with several app processes count effects (exactly once?) and measure
/// fire lag across nodes. Registered only when Scheduler:ProbeTimers is on.</summary>
public sealed class ProbeTimerHandler : ITimerHandler
{
    public const string KindName = "probe";
    public string Kind => KindName;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        // Deliberately no unique key: a double effect must be visible, not swallowed.
        db.Add(new TimerProbeEffect { Key = timer.Key, Generation = timer.Generation, DueAt = timer.DueAt, FiredAt = timer.FiredAt ?? default, FiredBy = timer.FiredBy ?? "", RealAt = DateTimeOffset.UtcNow });
        return Task.CompletedTask;
    }
}

public sealed class TimerProbeEffect
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public int Generation { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>Business time of the firing.</summary>
    public DateTimeOffset FiredAt { get; set; }
    public string FiredBy { get; set; } = "";
    /// <summary>Real time of the effect, for lag measurements.</summary>
    public DateTimeOffset RealAt { get; set; }
}

internal sealed class TimerProbeEffectConfiguration : IEntityTypeConfiguration<TimerProbeEffect>
{
    public void Configure(EntityTypeBuilder<TimerProbeEffect> b)
    {
        b.ToTable("timer_probe_effects");
        b.HasKey(e => e.Id);
        b.Property(e => e.Key).HasMaxLength(200);
        b.Property(e => e.FiredBy).HasMaxLength(200);
        b.HasIndex(e => e.Key);
    }
}
