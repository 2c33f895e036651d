using System.Text;
using ApprovalCenter.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Catalog;

/// <summary>The catalog as CSV (UTF-8 with BOM, so Excel shows the Chinese), named catalog-YYYYMMDD.csv.</summary>
public sealed class ExportModel(CatalogProvider catalogs, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        var csv = CatalogCsv.Write(snapshot.Catalog.Items);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var today = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return File(bytes, "text/csv; charset=utf-8", $"catalog-{today:yyyyMMdd}.csv");
    }
}
