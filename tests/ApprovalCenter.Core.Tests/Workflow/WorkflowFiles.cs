using ApprovalCenter.Catalog;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Reads the shipped workflow data from the test output directory (the core itself never reads files).</summary>
public static class WorkflowFiles
{
    public static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows");

    public static SourceFile File(string relative) =>
        new(relative.Replace('\\', '/'), System.IO.File.ReadAllText(Path.Combine(Root, relative)));

    public static IReadOnlyList<SourceFile> Processes() =>
        Directory.GetFiles(Path.Combine(Root, "processes"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => File(Path.Combine("processes", Path.GetFileName(f)))).ToList();

    private static readonly Lazy<IReadOnlyList<ProcessDefinition>> LazyDefinitions = new(() =>
    {
        var result = ProcessDefinitionLoader.LoadAll(Processes(), check: ApprovalCenter.Cases.Actions.ActionCatalog.Check);
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return result.Value!;
    });

    public static IReadOnlyList<ProcessDefinition> Definitions => LazyDefinitions.Value;

    public static LoadResult<ApprovalCatalog> LoadCatalog(SourceFile? items = null, SourceFile? departments = null, SourceFile? exemptions = null) =>
        CatalogLoader.Load(departments ?? File("catalog/departments.json"), items ?? File("catalog/items.json"),
            exemptions ?? File("catalog/exemptions.json"), Definitions.Select(d => d.Id).ToList());

    private static readonly Lazy<ApprovalCatalog> LazyCatalog = new(() =>
    {
        var result = LoadCatalog();
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return result.Value!;
    });

    public static ApprovalCatalog Catalog => LazyCatalog.Value;

    /// <summary>A fresh host over all shipped definitions.</summary>
    public static InMemoryWorkflowHost NewHost(IResumeTokenSource? tokens = null) =>
        new(new WorkflowEngine(new DefinitionRegistry(Definitions), tokens));

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
}
