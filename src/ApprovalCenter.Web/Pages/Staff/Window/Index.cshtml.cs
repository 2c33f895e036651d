using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Staff.Window;

/// <summary>The comprehensive intake window (综合受理): received applications oldest first with
/// their Art. 32 intake deadline, and tolerance supplements waiting to be verified.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class IndexModel(WorkbenchQueries queries) : PageModel
{
    public sealed record Row(CaseRecord Case, int? DaysLeft);

    public string? Department { get; private set; }
    public List<Row> Intake { get; private set; } = [];
    public List<Row> Supplements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Department = User.FindFirst(Roles.DepartmentClaim)?.Value;
        // A chief representative at the window sees their own department's applications only.
        var scope = DepartmentAuthorizationHandler.QueueDepartment(User);
        foreach (var c in await queries.AtStepAsync("intake", scope, ct)) Intake.Add(new Row(c, await queries.WorkingDaysLeftAsync(c.IntakeDeadline, ct)));
        foreach (var c in await queries.AtStepAsync("verify-supplements", scope, ct)) Supplements.Add(new Row(c, await queries.WorkingDaysLeftAsync(c.PromisedDeadline, ct)));
    }
}
