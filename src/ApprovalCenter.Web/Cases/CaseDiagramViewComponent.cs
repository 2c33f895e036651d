using ApprovalCenter.Catalog;
using ApprovalCenter.Workflow;
using ApprovalCenter.Workflow.Diagram;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Cases;

/// <summary>The diagram of the exact process version a case is pinned to, with the step(s) it is
/// at now highlighted and the steps it went through shaded. Callers have already checked access.</summary>
public sealed class CaseDiagramViewComponent(CatalogProvider catalogs) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(WorkflowInstance instance)
    {
        var definition = (await catalogs.GetAsync()).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        if (definition is null) return Content("");
        var current = instance.CurrentSteps.ToHashSet();
        var visited = instance.Journal.SelectMany(j => j.From.Concat(j.To)).Where(s => !current.Contains(s)).ToHashSet();
        return View(new CaseDiagramModel(definition.Name, instance.DefinitionVersion[..12], ProcessDiagram.ToSvg(definition, current, visited)));
    }
}

public sealed record CaseDiagramModel(string ProcessName, string VersionPrefix, string Svg);
