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
public sealed class ItemModel(CatalogProvider catalogs, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    public CatalogItem Item { get; private set; } = null!;
    public ProcessDefinition? Process { get; private set; }
    public string? DiagramSvg { get; private set; }
    /// <summary>The item has exemption rules in force: the guide offers the self-check.</summary>
    public bool HasExemptionRules { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        if (snapshot.Catalog.Find(code) is not { } item) return this.NotFoundBecause("没有编码为“{0}”的事项，请从办事指南中选择。", InputText.Printable(code ?? "", 40));
        Item = item;
        HasExemptionRules = ApprovalCenter.Exemption.ExemptionCheck.RulesFor(snapshot.Catalog, item.Code, ApprovalCenter.Cases.ClockDating.ChinaDate(clock.GetUtcNow())).Count > 0;
        Process = snapshot.Definitions.Latest(item.Process);
        if (Process is not null) DiagramSvg = ProcessDiagram.ToSvg(Process);
        return Page();
    }
}
