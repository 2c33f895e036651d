using System.Linq.Expressions;
using System.Security.Claims;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Web.Cases;

/// <summary>
/// Which departments' staff work a case now (<see cref="StepScope"/>): its own, plus each department with a current
/// co-review step (并联审批). Case access, the inboxes and the API queue all ask here, so a co-reviewer of 水务 opens the
/// case and finds the task in the inbox while the task is open, and sees nothing of the lead's other cases.
/// </summary>
public sealed class CaseScopes(CatalogProvider catalogs)
{
    public async Task<IReadOnlySet<string>> WorkingAsync(CaseRecord record, CancellationToken ct = default) =>
        StepScope.Working((await catalogs.GetAsync(ct)).Definitions.Latest(record.ProcessId), record.Steps, record.Department);

    /// <summary>Staff: their department works the case now (bureau-wide roles always); applicants: their own or their agent's.</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, CaseRecord record, CancellationToken ct = default)
    {
        if (!CaseQueries.IsStaff(user)) return CaseQueries.MayOpen(user, record.ApplicantId, record.AgentId, record.Department);
        return (await WorkingAsync(record, ct)).Any(d => DepartmentAuthorizationHandler.CanActIn(user, d));
    }

    /// <summary>The cases a department works: its own, and those waiting at one of its co-review steps.</summary>
    public async Task<IQueryable<CaseRecord>> WorkedByAsync(IQueryable<CaseRecord> cases, string department, CancellationToken ct = default)
    {
        var steps = StepScope.StepsOf((await catalogs.GetAsync(ct)).Definitions, department);
        var c = Expression.Parameter(typeof(CaseRecord), "c");
        Expression body = Expression.Equal(Expression.Property(c, nameof(CaseRecord.Department)), Expression.Constant(department));
        // ("," + c.CurrentSteps + ",").Contains(",step,") for each step: translated to SQL by EF, as in the step queues.
        var concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!;
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        var padded = Expression.Call(concat, Expression.Constant(","), Expression.Property(c, nameof(CaseRecord.CurrentSteps)), Expression.Constant(","));
        foreach (var step in steps)
            body = Expression.OrElse(body, Expression.Call(padded, contains, Expression.Constant("," + step + ",")));
        return cases.Where(Expression.Lambda<Func<CaseRecord, bool>>(body, c));
    }
}
