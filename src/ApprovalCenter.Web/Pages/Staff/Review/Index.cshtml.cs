using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Staff.Review;

/// <summary>The back office inbox: reviewers see their department's review, excluded-procedure and
/// verification steps, chief representatives the decisions and revocations, the head of the
/// bureau the extension requests.</summary>
[Authorize(Policy = Policies.Review)]
public sealed class IndexModel(WorkbenchQueries queries) : PageModel
{
    public string? Department { get; private set; }
    public List<QueueRow> Rows { get; private set; } = [];
    public string UserName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Department = User.FindFirst(Roles.DepartmentClaim)?.Value;
        UserName = ApprovalCenter.Web.Cases.CaseActors.DisplayName(User);
        Rows = await queries.InboxAsync(User, ct);
    }
}
