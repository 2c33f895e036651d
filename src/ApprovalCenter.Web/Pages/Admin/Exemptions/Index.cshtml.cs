using ApprovalCenter.Catalog;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Exemptions;

/// <summary>The exemption list in force (豁免清单), one row per rule, each linking to its edit page and history.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(CatalogProvider catalogs) : PageModel
{
    public IReadOnlyList<ExemptionRule> Rules { get; private set; } = [];
    public int Revision { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        (Rules, Revision) = (snapshot.Catalog.Exemptions, snapshot.Revision);
    }
}
