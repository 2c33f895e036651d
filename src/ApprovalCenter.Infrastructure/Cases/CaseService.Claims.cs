using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

/// <summary>
/// Claims (认领) on the back-office steps a single department member handles. Acting there needs
/// the claim: a free step is claimed by the action itself, in the same commit (the unique index on
/// case and step makes two simultaneous takers one winner and one 409); a step claimed by someone
/// else is a 409 naming the holder. Claims end with their step, in the commit that leaves it.
/// </summary>
public sealed partial class CaseService
{
    public Task<List<CaseAssignment>> ClaimsAsync(Guid caseId, CancellationToken ct = default) =>
        db.Set<CaseAssignment>().AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);

    /// <summary>True when the action took a free claim (the journal line says so).</summary>
    private async Task<bool> TakeClaimAsync(CaseRecord record, WorkflowInstance instance, ProcessDefinition? definition, ActionDescriptor descriptor,
        CaseActor actor, string? stepId, CancellationToken ct)
    {
        if (definition is null || !IsClaimant(actor.Role)) return false;
        var steps = instance.CurrentSteps.Distinct()
            .Where(s => (stepId is null || s == stepId) && definition.Steps.TryGetValue(s, out var st) && IsSingleHanded(st)
                        && st.Actions.Any(a => a.Name == descriptor.Id && a.Roles.Contains(actor.Role)))
            .ToList();
        if (steps.Count != 1) return false;   // none or ambiguous: the engine explains
        var step = steps[0];
        var claim = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == step, ct);
        if (claim is null)
        {
            db.Add(new CaseAssignment { CaseId = record.Id, StepId = step, AssigneeId = actor.UserId, AssigneeName = actor.UserName, AssignedBy = actor.UserId, AssignedAt = time.GetUtcNow() });
            return true;
        }
        if (claim.AssigneeId != actor.UserId)
            throw CaseException.Conflict($"该办件已由{claim.AssigneeName}认领，只有认领人可以办理；如需接手，请首席代表或督查改派。");
        return false;
    }

    private static bool IsClaimant(string role) => role is Roles.Reviewer or Roles.ChiefRepresentative;

    /// <summary>A department step: one reviewer or chief representative of the case's department works it.</summary>
    public static bool IsSingleHanded(StepDef step) => (step.Department ?? step.DepartmentFrom) is not null
        && step.Actions.Any(a => a.Roles.Any(IsClaimant));

    public async Task ClaimAsync(string number, string stepId, CaseActor actor, CancellationToken ct = default)
    {
        var record = await LoadAsync(number, ct);
        CheckStep(record, stepId);
        if (!IsClaimant(actor.Role)) throw CaseException.Forbidden("只有本部门审查员或首席代表可以认领办件。");
        var scope = await StepDepartmentAsync(record, stepId, ct);
        if (actor.Department != scope) throw CaseException.Forbidden($"该环节由“{scope}”办理，只能由{scope}人员认领。");
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct);
        if (existing is not null)
            throw CaseException.Conflict(existing.AssigneeId == actor.UserId ? "您已认领该办件。" : $"该办件已由{existing.AssigneeName}认领。");
        db.Add(new CaseAssignment { CaseId = record.Id, StepId = stepId, AssigneeId = actor.UserId, AssigneeName = actor.UserName, AssignedBy = actor.UserId, AssignedAt = time.GetUtcNow() });
        Journal(record, actor, "claim", $"{actor.UserName}认领办件（{await StepNameAsync(record, stepId, ct)}）", null, stepId, stepId, null);
        await SaveClaimsAsync(ct);
    }

    public async Task ReleaseAsync(string number, string stepId, CaseActor actor, CancellationToken ct = default)
    {
        var record = await LoadAsync(number, ct);
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct)
            ?? throw CaseException.Conflict("该办件当前没有认领人。");
        if (existing.AssigneeId != actor.UserId && actor.Role is not (Roles.ChiefRepresentative or Roles.Supervisor))
            throw CaseException.Forbidden("只有认领人、首席代表或督查人员可以释放认领。");
        db.Remove(existing);
        Journal(record, actor, "release", $"{actor.UserName}释放认领（原认领人：{existing.AssigneeName}）", null, stepId, stepId, null);
        await SaveClaimsAsync(ct);
    }

    public async Task ReassignAsync(string number, string stepId, AppUser to, string toRole, CaseActor actor, string? reason, CancellationToken ct = default)
    {
        var record = await LoadAsync(number, ct);
        CheckStep(record, stepId);
        if (actor.Role is not (Roles.ChiefRepresentative or Roles.Supervisor))
            throw CaseException.Forbidden("只有首席代表或督查人员可以改派办件。");
        var scope = await StepDepartmentAsync(record, stepId, ct);
        if (!IsClaimant(toRole) || to.Department != scope)
            throw CaseException.Invalid($"只能改派给{scope}的审查员或首席代表。", "AssigneeId");
        var existing = await db.Set<CaseAssignment>().FirstOrDefaultAsync(a => a.CaseId == record.Id && a.StepId == stepId, ct);
        if (existing is not null) db.Remove(existing);
        db.Add(new CaseAssignment { CaseId = record.Id, StepId = stepId, AssigneeId = to.Id, AssigneeName = to.DisplayName, AssignedBy = actor.UserId, AssignedAt = time.GetUtcNow() });
        Journal(record, actor, "reassign", $"{actor.UserName}将办件改派给{to.DisplayName}" + (existing is null ? "" : $"（原认领人：{existing.AssigneeName}）"), reason, stepId, stepId, null);
        await SaveClaimsAsync(ct);
    }

    /// <summary>Stages the removal of claims on steps the case has left (including one this action just took).</summary>
    private async Task DropFinishedClaimsAsync(CaseRecord record, CancellationToken ct)
    {
        var steps = record.Steps.ToList();
        foreach (var entry in db.ChangeTracker.Entries<CaseAssignment>().Where(e => e.State == EntityState.Added && e.Entity.CaseId == record.Id && !steps.Contains(e.Entity.StepId)).ToList())
            entry.State = EntityState.Detached;
        var stale = await db.Set<CaseAssignment>().Where(a => a.CaseId == record.Id && !steps.Contains(a.StepId)).ToListAsync(ct);
        db.RemoveRange(stale);
    }

    private static void CheckStep(CaseRecord record, string stepId)
    {
        if (record.Status != CaseStatus.Running || !record.Steps.Contains(stepId))
            throw CaseException.Conflict("办件已不在该环节，请刷新页面。");
    }

    /// <summary>The department that works the step (a co-review step names its own; the lead's are the case's).</summary>
    private async Task<string> StepDepartmentAsync(CaseRecord record, string stepId, CancellationToken ct)
    {
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        var def = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return def is not null && def.Steps.TryGetValue(stepId, out var s) ? StepScope.Department(s, instance.Data) ?? record.Department : record.Department;
    }

    private async Task<string> StepNameAsync(CaseRecord record, string stepId, CancellationToken ct)
    {
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        var def = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return def is not null && def.Steps.TryGetValue(stepId, out var s) ? s.Name : stepId;
    }

    private async Task SaveClaimsAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); throw CaseException.Conflict(CaseException.ClaimTaken); }
    }
}
