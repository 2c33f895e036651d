using ApprovalCenter.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>How far promised limits are cut below statutory ones: computed from the catalog in force, never typed in.</summary>
public sealed class CompressionModel(CatalogProvider catalogs) : PageModel
{
    public CompressionReport Report { get; private set; } = null!;
    public IReadOnlyList<ItemCompression> Items { get; private set; } = [];
    public string Sort { get; private set; } = "desc";
    public int Revision { get; private set; }

    public async Task OnGetAsync(string? sort, CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        Revision = snapshot.Revision;
        Report = CompressionReport.From(snapshot.Catalog.Items);
        Sort = sort switch { "asc" => "asc", "code" => "code", _ => "desc" };
        Items = Sort switch
        {
            "asc" => Report.Items.OrderBy(i => i.Compression).ThenBy(i => i.Code, StringComparer.Ordinal).ToList(),
            "code" => Report.Items.ToList(),
            _ => Report.Items.OrderByDescending(i => i.Compression).ThenBy(i => i.Code, StringComparer.Ordinal).ToList(),
        };
    }
}
