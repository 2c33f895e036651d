using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My.Unresolved;

/// <summary>The applicant's own 办不成事 matters, open and finished.</summary>
public sealed class IndexModel(UnresolvedQueries queries) : PageModel
{
    public List<UnresolvedQueries.ListRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await queries.ListAsync(UnresolvedQueries.Filter.All, CaseActors.UserId(User), ct);
}
