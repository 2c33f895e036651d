using ApprovalCenter.Catalog;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Admin.Catalog;

public sealed record RevisionRow(int Id, DateTimeOffset CreatedAt, string CreatedBy, string Note);

/// <summary>The catalog in force (revision number), searchable, with links to edit, export, import and the revision history.</summary>
public sealed class IndexModel(CatalogProvider catalogs, AppDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public string? Department { get; private set; }
    public string? Mode { get; private set; }
    public CatalogSnapshot Snapshot { get; private set; } = null!;
    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];
    public IReadOnlyList<RevisionRow> History { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task OnGetAsync(string? q, string? department, string? mode, int? saved, CancellationToken ct)
    {
        (Q, Department, Mode) = (q, department, mode);
        Snapshot = await catalogs.GetAsync(ct);
        Items = CatalogQuery.Filter(Snapshot.Catalog, q, department, mode);
        History = await db.Set<CatalogRevision>().AsNoTracking().OrderByDescending(r => r.Id).Take(50)
            .Select(r => new RevisionRow(r.Id, r.CreatedAt, r.CreatedBy, r.Note)).ToListAsync(ct);
        if (saved is { } id) Saved = $"已保存为第 {id} 版事项目录。";
    }
}
