using System.Security.Claims;
using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Workbench;

/// <summary>One queue row: the case, the step it waits at, how many working days are left on the
/// deadline that matters there, and who has claimed it.</summary>
public sealed record QueueRow(CaseRecord Case, string StepId, string StepName, DateOnly? Due, int? DaysLeft, string? Assignee);

/// <summary>An action the signed-in user may take now, straight from the process definition, with its descriptor.</summary>
public sealed record AvailableAction(string StepId, string StepName, ActionDef Action, ActionDescriptor Descriptor);

public sealed class WorkbenchQueries(AppDbContext db, CatalogProvider catalogs, CalendarProvider calendars, BusinessClock time, ApprovalCenter.Web.Cases.CaseScopes scopes)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ServiceHours.ChinaStandardTime).DateTime);

    /// <summary>Running cases waiting at a step, oldest received first.</summary>
    public async Task<List<CaseRecord>> AtStepAsync(string stepId, string? department = null, CancellationToken ct = default)
    {
        var marker = "," + stepId + ",";
        var q = db.Set<CaseRecord>().AsNoTracking()
            .Where(c => c.Status == CaseStatus.Running && ("," + c.CurrentSteps + ",").Contains(marker));
        if (department is not null) q = q.Where(c => c.Department == department);
        return await q.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Number).ToListAsync(ct);
    }

    public async Task<int?> WorkingDaysLeftAsync(DateOnly? due, CancellationToken ct = default)
    {
        if (due is null) return null;
        var calendar = await calendars.GetAsync(ct);
        try { return calendar.CountWorkingDays(Today, due.Value).Value; }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or CalendarRangeException) { return null; }
    }

    /// <summary>The department inbox: running cases whose current step has an action for the
    /// user's role, restricted to the user's department for department-scoped roles.</summary>
    public async Task<List<QueueRow>> InboxAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
        var department = user.FindFirst(Roles.DepartmentClaim)?.Value;
        var q = db.Set<CaseRecord>().AsNoTracking().Where(c => c.Status == CaseStatus.Running);
        var scoped = role is Roles.Reviewer or Roles.ChiefRepresentative;
        if (scoped) q = await scopes.WorkedByAsync(q, department ?? "", ct);
        var cases = await q.OrderBy(c => c.ReceivedAt).ToListAsync(ct);
        var definitions = (await catalogs.GetAsync(ct)).Definitions;
        var ids = cases.Select(c => c.Id).ToList();
        var claims = await db.Set<CaseAssignment>().AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(ct);
        var numbers = cases.Select(c => c.Number).ToList();
        var verificationDue = await db.Set<ScheduledTimer>().AsNoTracking()
            .Where(t => numbers.Contains(t.Subject) && t.Status == TimerStatus.Pending && t.Key.Contains(":verification-due:"))
            .ToDictionaryAsync(t => t.Subject, t => t.DueAt, ct);
        var rows = new List<QueueRow>();
        foreach (var c in cases)
        {
            var def = definitions.Latest(c.ProcessId);
            if (def is null) continue;
            foreach (var stepId in c.Steps)
            {
                if (!def.Steps.TryGetValue(stepId, out var step) || !step.Actions.Any(a => a.Roles.Contains(role))) continue;
                // Department staff see only their department's steps: a co-reviewer its own task, never the lead's.
                if (scoped && StepScope.Department(step, c.Department) != department) continue;
                DateOnly? due = stepId == "verification" && verificationDue.TryGetValue(c.Number, out var v)
                    ? DateOnly.FromDateTime(v.ToOffset(ServiceHours.ChinaStandardTime).DateTime.AddDays(-1))
                    : c.PromisedDeadline;
                rows.Add(new QueueRow(c, stepId, step.Name, due, await WorkingDaysLeftAsync(due, ct),
                    claims.FirstOrDefault(a => a.CaseId == c.Id && a.StepId == stepId)?.AssigneeName));
            }
        }
        return rows;
    }

    /// <summary>The actions of the case's current steps that the user's role may take, as the definition declares them.</summary>
    public async Task<List<AvailableAction>> ActionsAsync(ClaimsPrincipal user, WorkflowInstance instance, CancellationToken ct = default)
    {
        var def = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        if (def is null || instance.Status != InstanceStatus.Running) return [];
        var list = new List<AvailableAction>();
        foreach (var stepId in instance.CurrentSteps.Distinct())
        {
            if (!def.Steps.TryGetValue(stepId, out var step)) continue;
            if (DepartmentScoped(user) && StepScope.Department(step, instance.Data) is { } scope && !user.HasClaim(Roles.DepartmentClaim, scope)) continue;
            foreach (var a in step.Actions)
                if (a.Roles.Any(user.IsInRole) && ActionCatalog.Find(a.Name) is { } d) list.Add(new AvailableAction(stepId, step.Name, a, d));
        }
        return list;
    }

    private static bool DepartmentScoped(ClaimsPrincipal user) => !DepartmentAuthorizationHandler.IsBureauWide(user)
        && (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative));

    public async Task<string> StepNameAsync(WorkflowInstance instance, string stepId, CancellationToken ct = default)
    {
        var def = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return def is not null && def.Steps.TryGetValue(stepId, out var s) ? s.Name : stepId;
    }

    /// <summary>The steps a case waits at, for people: a token parked at a join is a finished branch, not a place the case is.</summary>
    public async Task<List<string>> WaitingStepsAsync(WorkflowInstance instance, CancellationToken ct = default)
    {
        var def = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        return instance.CurrentSteps.Distinct().Where(s => def is null || !def.Steps.TryGetValue(s, out var st) || st.Kind != StepKind.Join).ToList();
    }

    public async Task<CatalogItem?> ItemAsync(string code, CancellationToken ct = default) => (await catalogs.GetAsync(ct)).Catalog.Find(code);

    /// <summary>The promised-limit date if the case were accepted today (the tolerance supplement deadline).</summary>
    public async Task<DateOnly?> PromisedFromTodayAsync(int promisedDays, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        try { return calendar.AddWorkingDays(Today, promisedDays).Value; }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or CalendarRangeException) { return null; }
    }
}
