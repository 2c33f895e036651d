using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary><see cref="Lapsed"/>: still pending when the promised limit ran out or the case was decided, so there was
/// nothing left to approve; closed by the system with the reason, so the supervisors' inbox holds only live requests.</summary>
public enum PromisedLimitRequestStatus { Pending = 0, Approved = 1, Refused = 2, Lapsed = 3 }

/// <summary>
/// A handler's request to exceed the promised limit (rules.md §1d): it needs a supervisor's approval
/// and a notice to the applicant before the limit is reached. Written only by
/// <see cref="CaseService"/> in the same commit as the case's journal line; the supervisors' inbox
/// lists the pending ones. The new date never passes the statutory deadline.
/// </summary>
public sealed class PromisedLimitRequest
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public PromisedLimitRequestStatus Status { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>The promised deadline when the request was made.</summary>
    public DateOnly CurrentDeadline { get; set; }
    /// <summary>The date the handler asks for; at most the statutory deadline.</summary>
    public DateOnly RequestedDeadline { get; set; }
    public string RequestedBy { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
}

internal sealed class PromisedLimitRequestConfiguration : IEntityTypeConfiguration<PromisedLimitRequest>
{
    public void Configure(EntityTypeBuilder<PromisedLimitRequest> b)
    {
        b.ToTable("promised_limit_requests");
        b.HasKey(r => r.Id);
        b.Property(r => r.CaseNumber).HasMaxLength(20);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.Property(r => r.RequestedByName).HasMaxLength(200);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.DecidedByName).HasMaxLength(200);
        b.Property(r => r.DecisionReason).HasMaxLength(1000);
        b.HasOne<CaseRecord>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.Status, r.RequestedAt });
        // At most one pending request per case: a second one would race the first.
        b.HasIndex(r => r.CaseId).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_promised_limit_requests_one_pending");
    }
}
