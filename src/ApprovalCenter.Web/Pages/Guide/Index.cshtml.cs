using ApprovalCenter.Catalog;
using ApprovalCenter.Web.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Guide;

/// <summary>The public service guide: every item, searchable by name or code, filtered by department and mode.</summary>
[AllowAnonymous]
public sealed class IndexModel(CatalogProvider catalogs) : PageModel
{
    public string? Q { get; private set; }
    public string? Department { get; private set; }
    public string? Mode { get; private set; }
    public ApprovalCatalog Catalog { get; private set; } = null!;
    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? department, string? mode, CancellationToken ct)
    {
        (Q, Department, Mode) = (q, department, mode);
        Catalog = (await catalogs.GetAsync(ct)).Catalog;
        Items = CatalogQuery.Filter(Catalog, q, department, mode);
    }
}
