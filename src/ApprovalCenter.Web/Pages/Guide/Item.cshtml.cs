using ApprovalCenter.Catalog;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Workflow;
using ApprovalCenter.Workflow.Diagram;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Guide;

/// <summary>One item's guide: materials, limits, modes, basis, fee, where the limit came from and its process diagram.</summary>
[AllowAnonymous]
public sealed class ItemModel(CatalogProvider catalogs) : PageModel
{
    public CatalogItem Item { get; private set; } = null!;
    public ProcessDefinition? Process { get; private set; }
    public string? DiagramSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        if (snapshot.Catalog.Find(code) is not { } item) return this.NotFoundBecause("没有编码为“{0}”的事项，请从办事指南中选择。", InputText.Printable(code ?? "", 40));
        Item = item;
        Process = snapshot.Definitions.Latest(item.Process);
        if (Process is not null) DiagramSvg = ProcessDiagram.ToSvg(Process);
        return Page();
    }
}
