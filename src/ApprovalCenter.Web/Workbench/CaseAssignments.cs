using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Workbench;

/// <summary>Claim, release and reassign a case's back-office step; each change is journaled on the case.</summary>
public sealed class CaseAssignments(AppDbContext db, BusinessClock time)
{
    public Task<List<CaseAssignment>> ForCaseAsync(Guid caseId, CancellationToken ct = default) =>
        db.Set<CaseAssignment>().AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);

    public async Task ClaimAsync(CaseRecord record, string stepId, CaseActor actor, CancellationToken ct = default)
    {
        CheckStep(record, stepId);
        if (actor.Role is not (Roles.Reviewer or Roles.ChiefRepresentative))
            throw CaseException.Forbidden("只有本部门审查员或首席代表可以认领办件。");
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct);
        if (existing is not null)
            throw CaseException.Conflict(existing.AssigneeId == actor.UserId ? "您已认领该办件。" : $"该办件已由{existing.AssigneeName}认领。");
        db.Add(new CaseAssignment { CaseId = record.Id, StepId = stepId, AssigneeId = actor.UserId, AssigneeName = actor.UserName, AssignedBy = actor.UserId, AssignedAt = time.GetUtcNow() });
        Journal(record, actor, "claim", $"{actor.UserName}认领办件（{stepId}）", null, stepId);
        await SaveAsync(ct);
    }

    public async Task ReleaseAsync(CaseRecord record, string stepId, CaseActor actor, CancellationToken ct = default)
    {
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct)
            ?? throw CaseException.Conflict("该办件当前没有认领人。");
        if (existing.AssigneeId != actor.UserId && actor.Role is not (Roles.ChiefRepresentative or Roles.Supervisor))
            throw CaseException.Forbidden("只有认领人、首席代表或督查人员可以释放认领。");
        db.Remove(existing);
        Journal(record, actor, "release", $"{actor.UserName}释放认领（原认领人：{existing.AssigneeName}）", null, stepId);
        await SaveAsync(ct);
    }

    public async Task ReassignAsync(CaseRecord record, string stepId, AppUser to, string toRole, CaseActor actor, string? reason, CancellationToken ct = default)
    {
        CheckStep(record, stepId);
        if (actor.Role is not (Roles.ChiefRepresentative or Roles.Supervisor))
            throw CaseException.Forbidden("只有首席代表或督查人员可以改派办件。");
        if (toRole is not (Roles.Reviewer or Roles.ChiefRepresentative) || to.Department != record.Department)
            throw CaseException.Invalid($"只能改派给{record.Department}的审查员或首席代表。", "AssigneeId");
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct);
        if (existing is not null) db.Remove(existing);
        db.Add(new CaseAssignment { CaseId = record.Id, StepId = stepId, AssigneeId = to.Id, AssigneeName = to.DisplayName, AssignedBy = actor.UserId, AssignedAt = time.GetUtcNow() });
        Journal(record, actor, "reassign", $"{actor.UserName}将办件改派给{to.DisplayName}" + (existing is null ? "" : $"（原认领人：{existing.AssigneeName}）"), reason, stepId);
        await SaveAsync(ct);
    }

    /// <summary>Claims end when their step does: drops the claims of steps the case has left.</summary>
    public async Task DropFinishedAsync(CaseRecord record, CancellationToken ct = default)
    {
        var steps = record.Steps.ToList();
        var stale = await db.Set<CaseAssignment>().Where(a => a.CaseId == record.Id && !steps.Contains(a.StepId)).ToListAsync(ct);
        if (stale.Count == 0) return;
        db.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
    }

    private static void CheckStep(CaseRecord record, string stepId)
    {
        if (record.Status != CaseStatus.Running || !record.Steps.Contains(stepId))
            throw CaseException.Conflict("办件已不在该环节，请刷新页面。");
    }

    private void Journal(CaseRecord record, CaseActor actor, string action, string summary, string? reason, string step) =>
        db.Add(new CaseJournalEntry
        {
            CaseId = record.Id, At = time.GetUtcNow(), Actor = actor.UserId, ActorName = actor.UserName, ActorRole = actor.Role,
            Ip = actor.Ip, Action = action, FromStep = step, ToStep = step, Summary = summary, Reason = reason,
        });

    private async Task SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw CaseException.Conflict("该办件刚刚已被他人认领，请刷新页面。"); }
    }
}
