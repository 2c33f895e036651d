using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Ratings;

/// <summary>A bad-rating rectification work order (差评工单, rules.md §4). Deadlines are business
/// instants computed on the working-day calendar when it opens; the durable timers warn and escalate.</summary>
public sealed class WorkOrder
{
    public long Id { get; set; }
    public Guid RatingId { get; set; }
    public string? CaseNumber { get; set; }
    public string Department { get; set; } = "";
    public string? HandlerId { get; set; }
    public string? HandlerName { get; set; }
    public WorkOrderStep Step { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset CallbackDueAt { get; set; }
    public DateTimeOffset RectificationDueAt { get; set; }
    public DateTimeOffset RectificationCapAt { get; set; }

    public DateTimeOffset? CallbackAt { get; set; }
    public string? CallbackOutcome { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public bool? ComplaintValid { get; set; }
    public string? VerificationNote { get; set; }
    public DateTimeOffset? RectifiedAt { get; set; }
    public string? RectificationText { get; set; }
    public DateTimeOffset? ReportedAt { get; set; }
    public string? ReportText { get; set; }
    public string? RaterView { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public bool CallbackWarned { get; set; }
    public bool CallbackEscalated { get; set; }
    public bool RectificationOverdue { get; set; }
    public bool CapEscalated { get; set; }
    public uint RowVersion { get; set; }

    public bool CallbackLate => CallbackAt is { } at ? at > CallbackDueAt : CallbackEscalated;
}

internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> b)
    {
        b.ToTable("rating_work_orders");
        b.HasKey(w => w.Id);
        b.Property(w => w.CaseNumber).HasMaxLength(20);
        b.Property(w => w.Department).HasMaxLength(20);
        b.Property(w => w.HandlerId).HasMaxLength(100);
        b.Property(w => w.HandlerName).HasMaxLength(100);
        foreach (var p in new[] { nameof(WorkOrder.CallbackOutcome), nameof(WorkOrder.VerificationNote), nameof(WorkOrder.RectificationText), nameof(WorkOrder.ReportText), nameof(WorkOrder.RaterView) })
            b.Property(p).HasMaxLength(2000);
        b.Property(w => w.RowVersion).IsRowVersion();
        b.Ignore(w => w.CallbackLate);
        b.HasIndex(w => w.RatingId).IsUnique();
        b.HasIndex(w => new { w.Step, w.OpenedAt });
        b.HasIndex(w => w.HandlerId);
    }
}

public enum AppealGround { Mistaken = 0, Malicious = 1 }
public enum AppealStatus { Pending = 0, Upheld = 1, Rejected = 2 }

/// <summary>Staff's appeal of a bad rating as mistaken or malicious (rules.md §4); a supervisor decides.</summary>
public sealed class RatingAppeal
{
    public long Id { get; set; }
    public Guid RatingId { get; set; }
    public AppealGround Ground { get; set; }
    public string Evidence { get; set; } = "";
    public string FiledBy { get; set; } = "";
    public string FiledByName { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }
    public AppealStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    public uint RowVersion { get; set; }

    public static string GroundLabel(AppealGround g) => g == AppealGround.Malicious ? "恶意评价" : "误评";
    public static string StatusLabel(AppealStatus s) => s switch { AppealStatus.Upheld => "申诉成立", AppealStatus.Rejected => "申诉不成立", _ => "待审核" };
}

internal sealed class RatingAppealConfiguration : IEntityTypeConfiguration<RatingAppeal>
{
    public void Configure(EntityTypeBuilder<RatingAppeal> b)
    {
        b.ToTable("rating_appeals");
        b.HasKey(a => a.Id);
        b.Property(a => a.Evidence).HasMaxLength(2000);
        b.Property(a => a.FiledBy).HasMaxLength(100);
        b.Property(a => a.FiledByName).HasMaxLength(200);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.DecidedByName).HasMaxLength(200);
        b.Property(a => a.DecisionReason).HasMaxLength(1000);
        b.Property(a => a.RowVersion).IsRowVersion();
        // One open appeal per rating at a time.
        b.HasIndex(a => a.RatingId).IsUnique().HasFilter("\"Status\" = 0");
        b.HasIndex(a => new { a.Status, a.FiledAt });
    }
}
