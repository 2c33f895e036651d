using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>Who has claimed a case's step in the back office (认领). Only the assignee may act on
/// a claimed step (chief representatives and supervisors reassign it), so two reviewers never work
/// the same file at once; see CaseService.Claims.</summary>
public sealed class CaseAssignment
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public string StepId { get; set; } = "";
    public string AssigneeId { get; set; } = "";
    public string AssigneeName { get; set; } = "";
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset AssignedAt { get; set; }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.ToTable("case_assignments");
        b.HasKey(a => a.Id);
        b.Property(a => a.StepId).HasMaxLength(100);
        b.Property(a => a.AssigneeId).HasMaxLength(100);
        b.Property(a => a.AssigneeName).HasMaxLength(100);
        b.Property(a => a.AssignedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.CaseId, a.StepId }).IsUnique();
        b.HasIndex(a => a.AssigneeId);
    }
}
