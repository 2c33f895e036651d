using ApprovalCenter.Identity;
using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Windows.Unresolved;

/// <summary>The 办不成事 window's list: every open matter for the window and the supervisors,
/// overdue first, then those in warning, then by deadline; a filter shows the others.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(UnresolvedQueries queries) : PageModel
{
    public List<UnresolvedQueries.ListRow> Rows { get; private set; } = [];
    public UnresolvedQueries.Filter Filter { get; private set; }
    public bool IsSupervisor => User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.BureauHead) || User.IsInRole(Roles.Administrator);
    public DateOnly Today => queries.Today;

    public static readonly (UnresolvedQueries.Filter Value, string Label)[] Filters =
    [
        (UnresolvedQueries.Filter.Open, "全部在办"), (UnresolvedQueries.Filter.Overdue, "已逾期"), (UnresolvedQueries.Filter.Warning, "即将到期"),
        (UnresolvedQueries.Filter.Closed, "已办结"), (UnresolvedQueries.Filter.Referred, "已转出"), (UnresolvedQueries.Filter.All, "全部"),
    ];

    public async Task OnGetAsync(string? filter, CancellationToken ct)
    {
        // An unknown filter shows the default list rather than an error: it is a navigation link, not input to keep.
        Filter = Enum.TryParse<UnresolvedQueries.Filter>(filter, true, out var f) && Enum.IsDefined(f) ? f : UnresolvedQueries.Filter.Open;
        Rows = await queries.ListAsync(Filter, null, ct);
    }
}
