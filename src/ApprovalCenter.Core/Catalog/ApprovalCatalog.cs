namespace ApprovalCenter.Catalog;

/// <summary>The loaded, fully validated catalog: departments, items and the exemption list.</summary>
public sealed class ApprovalCatalog(IReadOnlyList<Department> departments, IReadOnlyList<CatalogItem> items, IReadOnlyList<ExemptionRule> exemptions)
{
    private readonly Dictionary<string, CatalogItem> _byCode = items.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public IReadOnlyList<Department> Departments { get; } = departments;
    public IReadOnlyList<CatalogItem> Items { get; } = items;
    public IReadOnlyList<ExemptionRule> Exemptions { get; } = exemptions;

    /// <summary>Null for an unknown code, and for none at all (a blank route value binds as null).</summary>
    public CatalogItem? Find(string? code) => code is null ? null : _byCode.GetValueOrDefault(code);

    public Department? DepartmentOf(CatalogItem item) => Departments.FirstOrDefault(d => d.Name == item.Department);
}
