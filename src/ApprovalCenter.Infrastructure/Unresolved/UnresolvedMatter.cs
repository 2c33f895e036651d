using ApprovalCenter.Unresolved;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Unresolved;

/// <summary>A 办不成事 matter: a person who met the conditions but was not served. Its own kind of
/// record (table unresolved_matters), never an approval case. xmin is the concurrency token: of
/// two staff acting at once, one wins and the other gets a clear 409.</summary>
public sealed class UnresolvedMatter
{
    public Guid Id { get; set; }
    /// <summary>BBCS-yyyy-nnnnnn, numbered per year.</summary>
    public string Number { get; set; } = "";
    public MatterChannel Channel { get; set; }
    public MatterStatus Status { get; set; }
    /// <summary>The signed-in applicant who filed online (or for whom the window filed); null for a walk-in.</summary>
    public string? ApplicantUserId { get; set; }
    public string PersonName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string? Email { get; set; }
    public string WhatTried { get; set; } = "";
    public string WhereFailed { get; set; } = "";
    public DateOnly FailedOn { get; set; }
    /// <summary>Departments the person named at intake (the dispatch decides who actually works on it).</summary>
    public List<string> DepartmentsInvolved { get; set; } = [];
    public ExclusionChannel Exclusion { get; set; }
    public string? ExclusionNote { get; set; }
    /// <summary>Business time of receipt.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly ReceivedOn { get; set; }
    /// <summary>Computed by the server from the configured limit and the working-day calendar.</summary>
    public DateOnly? ClosingDeadline { get; set; }
    public DateOnly? WarningOn { get; set; }
    public bool Warned { get; set; }
    public bool Escalated { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? Satisfied { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Working days from receipt to closing, kept for the report.</summary>
    public int? DaysToClose { get; set; }
    public int Reopens { get; set; }
    public string ReceivedBy { get; set; } = "";
    public uint RowVersion { get; set; }

    public List<MatterParty> Parties { get; set; } = [];
    public List<MatterJournalEntry> Journal { get; set; } = [];
}

/// <summary>One party a matter was dispatched to: a department, an outside body or 12345.</summary>
public sealed class MatterParty
{
    public Guid Id { get; set; }
    public Guid MatterId { get; set; }
    public PartyKind Kind { get; set; }
    /// <summary>The department (住建 …), the outside body's name, or 12345热线平台.</summary>
    public string Name { get; set; } = "";
    public HotlineCategory? Category { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
    /// <summary>The party's own limit: for 12345 by its work-order type; otherwise the matter's deadline.</summary>
    public DateOnly? DueOn { get; set; }
    public PartyStatus Status { get; set; }
    public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    /// <summary>12345 only: the platform's work-order id once the hand-off was accepted.</summary>
    public string? ExternalId { get; set; }
}

/// <summary>Who did what, when and why: every state change and every coordination note.</summary>
public sealed class MatterJournalEntry
{
    public long Id { get; set; }
    public Guid MatterId { get; set; }
    /// <summary>The party a coordination note or reply is about, if any.</summary>
    public Guid? PartyId { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Machine name: received, referred, dispatched, note, replied, answered, callback, closed, reopened, warning, escalated, handed-off.</summary>
    public string Action { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>A 12345 hand-off waiting to be delivered (transactional outbox): written with the
/// dispatch, delivered by a Hangfire job through <see cref="IHotlineGateway"/>, retried with
/// back-off while the platform is down. Never given up: it stays pending and visible.</summary>
public sealed class HotlineHandOff
{
    public long Id { get; set; }
    public Guid MatterId { get; set; }
    public Guid PartyId { get; set; }
    public string PayloadJson { get; set; } = "";
    public HandOffStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Real time: moved forward by the back-off after a failure and, while a node is sending, by a lease.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

public sealed class UnresolvedNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class UnresolvedMatterConfiguration : IEntityTypeConfiguration<UnresolvedMatter>
{
    public void Configure(EntityTypeBuilder<UnresolvedMatter> b)
    {
        b.ToTable("unresolved_matters");
        b.HasKey(m => m.Id);
        b.HasIndex(m => m.Number).IsUnique();
        b.Property(m => m.Number).HasMaxLength(20);
        b.Property(m => m.PersonName).HasMaxLength(50);
        b.Property(m => m.Phone).HasMaxLength(20);
        b.Property(m => m.Email).HasMaxLength(200);
        b.Property(m => m.WhatTried).HasMaxLength(MatterIntake.MaxText);
        b.Property(m => m.WhereFailed).HasMaxLength(200);
        b.Property(m => m.ExclusionNote).HasMaxLength(500);
        b.Property(m => m.Answer).HasMaxLength(MatterIntake.MaxText);
        b.Property(m => m.ApplicantUserId).HasMaxLength(450);
        b.Property(m => m.ReceivedBy).HasMaxLength(100);
        b.Property(m => m.RowVersion).IsRowVersion();
        b.HasIndex(m => new { m.Status, m.ClosingDeadline });
        b.HasIndex(m => m.ApplicantUserId);
        b.HasMany(m => m.Parties).WithOne().HasForeignKey(p => p.MatterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Journal).WithOne().HasForeignKey(j => j.MatterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatterPartyConfiguration : IEntityTypeConfiguration<MatterParty>
{
    public void Configure(EntityTypeBuilder<MatterParty> b)
    {
        b.ToTable("unresolved_parties");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.Reply).HasMaxLength(MatterIntake.MaxText);
        b.Property(p => p.RepliedBy).HasMaxLength(100);
        b.Property(p => p.ExternalId).HasMaxLength(100);
        b.HasIndex(p => p.MatterId);
    }
}

internal sealed class MatterJournalEntryConfiguration : IEntityTypeConfiguration<MatterJournalEntry>
{
    public void Configure(EntityTypeBuilder<MatterJournalEntry> b)
    {
        b.ToTable("unresolved_journal");
        b.HasKey(j => j.Id);
        b.Property(j => j.ActorId).HasMaxLength(450);
        b.Property(j => j.ActorName).HasMaxLength(100);
        b.Property(j => j.Action).HasMaxLength(32);
        b.Property(j => j.Text).HasMaxLength(4000);
        b.HasIndex(j => new { j.MatterId, j.At });
    }
}

internal sealed class HotlineHandOffConfiguration : IEntityTypeConfiguration<HotlineHandOff>
{
    public void Configure(EntityTypeBuilder<HotlineHandOff> b)
    {
        b.ToTable("unresolved_hotline_outbox");
        b.HasKey(h => h.Id);
        b.Property(h => h.LastError).HasMaxLength(2000);
        b.HasIndex(h => new { h.Status, h.NextAttemptAt });
        b.HasIndex(h => h.PartyId);   // one per round: the first dispatch and each reopening
    }
}

internal sealed class UnresolvedNumberCounterConfiguration : IEntityTypeConfiguration<UnresolvedNumberCounter>
{
    public void Configure(EntityTypeBuilder<UnresolvedNumberCounter> b)
    {
        b.ToTable("unresolved_number_counters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}
