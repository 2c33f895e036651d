using ApprovalCenter.Catalog;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Admin.Processes;

public sealed record VersionRow(string Version, DateTimeOffset PublishedAt, string PublishedBy, string FileName);

/// <summary>Every published definition with its versions (content hashes), newest first.</summary>
public sealed class IndexModel(CatalogProvider catalogs, AppDbContext db) : PageModel
{
    public IReadOnlyList<(string Id, string Name, IReadOnlyList<VersionRow> Versions)> Definitions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var registry = (await catalogs.GetAsync(ct)).Definitions;
        var rows = await db.Set<PublishedDefinition>().AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.PublishedAt, d.PublishedBy, d.FileName }).ToListAsync(ct);
        Definitions = registry.Ids.Order(StringComparer.Ordinal)
            .Select(id => (id, registry.Latest(id)!.Name, (IReadOnlyList<VersionRow>)rows.Where(r => r.DefinitionId == id)
                .OrderByDescending(r => r.PublishedAt).Select(r => new VersionRow(r.Version, r.PublishedAt, r.PublishedBy, r.FileName)).ToList()))
            .ToList();
    }
}
