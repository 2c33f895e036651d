namespace ApprovalCenter.Catalog;

public sealed record ItemCompression(string Code, string Name, string Department, int StatutoryDays, int PromisedDays, decimal Compression);

public sealed record GroupCompression(string Name, int ItemCount, int StatutoryDays, int PromisedDays)
{
    /// <summary>1 − Σpromised / Σstatutory (rules.md §1b).</summary>
    public decimal Compression => StatutoryDays == 0 ? 0 : 1 - (decimal)PromisedDays / StatutoryDays;
    public decimal Percent => Math.Round(Compression * 100, 1, MidpointRounding.AwayFromZero);
}

/// <summary>
/// How much shorter the promised limits are than the statutory ones, per item, per department and
/// overall — the bureau publishes these figures, so they are computed from the catalog, never typed.
/// </summary>
public sealed record CompressionReport(IReadOnlyList<ItemCompression> Items, IReadOnlyList<GroupCompression> Departments, GroupCompression Overall, IReadOnlyList<ItemCompression> CutByAtLeast95Percent)
{
    public static CompressionReport From(IEnumerable<CatalogItem> catalog)
    {
        var items = catalog.ToList();
        var perItem = items.Select(i => new ItemCompression(i.Code, i.Name, i.Department, i.StatutoryDays, i.PromisedDays, i.Compression)).ToList();
        var perDept = items.GroupBy(i => i.Department)
            .Select(g => new GroupCompression(g.Key, g.Count(), g.Sum(i => i.StatutoryDays), g.Sum(i => i.PromisedDays))).ToList();
        var overall = new GroupCompression("全部事项", items.Count, items.Sum(i => i.StatutoryDays), items.Sum(i => i.PromisedDays));
        return new CompressionReport(perItem, perDept, overall, perItem.Where(i => i.Compression >= 0.95m).ToList());
    }
}
