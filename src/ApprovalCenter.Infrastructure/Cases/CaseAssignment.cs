using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>Who has claimed a case's step in the back office (认领). While a step is claimed only
/// the assignee, the department's chief representative or a supervisor may act on it, so two
/// reviewers never work the same file at once.</summary>
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

/// <summary>Refuses an action on a claimed step by anyone but the assignee, a chief
/// representative or a supervisor.</summary>
public sealed class CaseAssignmentGuard(Persistence.AppDbContext db) : ICaseActionGuard
{
    public async Task CheckAsync(CaseRecord record, string action, CaseActor actor, CancellationToken ct)
    {
        if (actor.Role is Roles.ChiefRepresentative or Roles.Supervisor || actor.UserId == CaseActor.System.UserId) return;
        var steps = record.Steps.ToList();
        var claims = await db.Set<CaseAssignment>().AsNoTracking()
            .Where(a => a.CaseId == record.Id && steps.Contains(a.StepId)).ToListAsync(ct);
        var other = claims.FirstOrDefault(a => a.AssigneeId != actor.UserId);
        if (other is not null && claims.All(a => a.AssigneeId != actor.UserId))
            throw CaseException.Forbidden($"该办件已由{other.AssigneeName}认领，只有认领人、首席代表或督查人员可以办理。");
    }
}
