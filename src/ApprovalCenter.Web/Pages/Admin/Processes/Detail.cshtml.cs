using ApprovalCenter.Catalog;
using ApprovalCenter.Workflow;
using ApprovalCenter.Workflow.Diagram;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Processes;

/// <summary>One definition version (the latest unless ?version= names another): its diagram and its steps and actions.</summary>
public sealed class DetailModel(CatalogProvider catalogs) : PageModel
{
    public ProcessDefinition Definition { get; private set; } = null!;
    public bool IsLatest { get; private set; }
    public string Svg { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, string? version, CancellationToken ct)
    {
        var registry = (await catalogs.GetAsync(ct)).Definitions;
        var latest = registry.Latest(id);
        var def = version is null ? latest : registry.Get(id, version);
        if (def is null) return NotFound();
        (Definition, IsLatest, Svg) = (def, def.Version == latest?.Version, ProcessDiagram.ToSvg(def));
        return Page();
    }
}
