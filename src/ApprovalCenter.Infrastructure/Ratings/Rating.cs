using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Ratings;

/// <summary>
/// One rating (好差评). Its subject is copied from the case at rating time (service, clerk, counter,
/// item, department, case), so a later reassignment never moves old statistics. A window rating
/// (一次一评) points at a hall visit leg by <see cref="HallVisitLegId"/> only: the hall's tables live in
/// another capability, so there is deliberately no foreign key. The rater's real name is stored, but
/// shown only to supervisors and administrators (<see cref="RatingVisibility"/>).
/// </summary>
public sealed class Rating
{
    public Guid Id { get; set; }
    public RatedService Service { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    /// <summary>The hall visit leg rated at a window (一次一评); null for a matter. No FK on purpose.</summary>
    public Guid? HallVisitLegId { get; set; }
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string Department { get; set; } = "";
    /// <summary>Whoever handled the service: the window clerk who accepted the matter (or served the leg).</summary>
    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }
    public string? Counter { get; set; }

    public RatingLevel Level { get; set; }
    /// <summary>Reason codes of <see cref="RatingReasons"/>, comma-separated.</summary>
    public string Reasons { get; set; } = "";
    public string? Comment { get; set; }
    public RatingChannel Channel { get; set; }

    public string RaterId { get; set; } = "";
    public string RaterName { get; set; } = "";
    /// <summary>Recorded by the 7-day default (默认评价), not by the rater.</summary>
    public bool IsDefault { get; set; }

    public DateTimeOffset RatedAt { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    /// <summary>An upheld appeal excludes the rating from the statistics; it stays in the record.</summary>
    public bool Excluded { get; set; }
    public string? ExcludedReason { get; set; }
    public uint RowVersion { get; set; }

    public bool IsBad => RatingLevels.IsBad(Level);
    public IReadOnlyList<string> ReasonCodes => Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("ratings");
        b.HasKey(r => r.Id);
        b.Property(r => r.CaseNumber).HasMaxLength(20);
        b.Property(r => r.ItemCode).HasMaxLength(20);
        b.Property(r => r.ItemName).HasMaxLength(200);
        b.Property(r => r.Department).HasMaxLength(20);
        b.Property(r => r.HandlerId).HasMaxLength(100);
        b.Property(r => r.HandlerName).HasMaxLength(100);
        b.Property(r => r.Counter).HasMaxLength(50);
        b.Property(r => r.Reasons).HasMaxLength(300);
        b.Property(r => r.Comment).HasMaxLength(RatingRules.MaxCommentLength);
        b.Property(r => r.RaterId).HasMaxLength(100);
        b.Property(r => r.RaterName).HasMaxLength(200);
        b.Property(r => r.ExcludedReason).HasMaxLength(1000);
        b.Property(r => r.RowVersion).IsRowVersion();
        b.Ignore(r => r.IsBad);
        b.Ignore(r => r.ReasonCodes);
        // One rating per matter and one per visit leg: the database says so, so two tabs racing get a clear 409.
        b.HasIndex(r => r.CaseId).IsUnique().HasFilter("\"Service\" = 0");
        b.HasIndex(r => r.HallVisitLegId).IsUnique().HasFilter("\"HallVisitLegId\" IS NOT NULL");
        // Dashboard queries (bench/supervision): by month, and per group within a month.
        b.HasIndex(r => r.RatedAt).IncludeProperties(r => new { r.Level, r.IsDefault, r.Excluded });
        b.HasIndex(r => new { r.Department, r.RatedAt });
        b.HasIndex(r => new { r.HandlerId, r.RatedAt });
    }
}

/// <summary>A service waiting for its rating: a matter whose result was delivered (一事一评). It is the
/// base of 未评价率 and carries the 7-day default's due instant.</summary>
public sealed class RatingOffer
{
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ApplicantId { get; set; } = "";
    public string Department { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }
    public string? Counter { get; set; }
    public DateTimeOffset DeliveredAt { get; set; }
    public DateTimeOffset DefaultDueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class RatingOfferConfiguration : IEntityTypeConfiguration<RatingOffer>
{
    public void Configure(EntityTypeBuilder<RatingOffer> b)
    {
        b.ToTable("rating_offers");
        b.HasKey(o => o.CaseId);
        b.Property(o => o.CaseNumber).HasMaxLength(20);
        b.Property(o => o.ApplicantId).HasMaxLength(100);
        b.Property(o => o.Department).HasMaxLength(20);
        b.Property(o => o.ItemCode).HasMaxLength(20);
        b.Property(o => o.ItemName).HasMaxLength(200);
        b.Property(o => o.HandlerId).HasMaxLength(100);
        b.Property(o => o.HandlerName).HasMaxLength(100);
        b.Property(o => o.Counter).HasMaxLength(50);
        b.HasIndex(o => o.DeliveredAt);
        b.HasIndex(o => o.CaseNumber).IsUnique();
    }
}

/// <summary>One append-only line of the ratings capability's history (rating, change, default,
/// work-order step, escalation, appeal, decision): who, when, what, why.</summary>
public sealed class RatingJournalEntry
{
    public long Id { get; set; }
    public Guid RatingId { get; set; }
    public long? WorkOrderId { get; set; }
    public long? AppealId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? Reason { get; set; }
}

internal sealed class RatingJournalEntryConfiguration : IEntityTypeConfiguration<RatingJournalEntry>
{
    public void Configure(EntityTypeBuilder<RatingJournalEntry> b)
    {
        b.ToTable("rating_journal");
        b.HasKey(e => e.Id);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(100);
        b.HasIndex(e => new { e.RatingId, e.Id });
        b.HasIndex(e => e.WorkOrderId);
    }
}
