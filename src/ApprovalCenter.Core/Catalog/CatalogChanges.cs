namespace ApprovalCenter.Catalog;

/// <summary>What a new list of items would add, change and remove compared with the current catalog.</summary>
public sealed record CatalogChanges(IReadOnlyList<CatalogItem> Added, IReadOnlyList<(CatalogItem Before, CatalogItem After)> Changed, IReadOnlyList<CatalogItem> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;

    public static CatalogChanges Between(IReadOnlyList<CatalogItem> current, IReadOnlyList<CatalogItem> next)
    {
        var before = current.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var after = next.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return new CatalogChanges(
            next.Where(i => !before.ContainsKey(i.Code)).ToList(),
            next.Where(i => before.TryGetValue(i.Code, out var b) && !Same(b, i)).Select(i => (before[i.Code], i)).ToList(),
            current.Where(i => !after.ContainsKey(i.Code)).ToList());
    }

    /// <summary>Equal in every field, materials compared in order (records compare lists by reference).</summary>
    public static bool Same(CatalogItem a, CatalogItem b) =>
        a with { Materials = [] } == b with { Materials = [] } && a.Materials.SequenceEqual(b.Materials);

    /// <summary>
    /// The CSV has no columns for fee, process, exemption, joint review, high risk or note: an
    /// imported row keeps those from the current item with the same code (the process only while
    /// the immediate flag is unchanged), so exporting and importing again changes nothing.
    /// </summary>
    public static IReadOnlyList<CatalogItem> MergeCsv(IReadOnlyList<CatalogItem> current, IReadOnlyList<CatalogItem> fromCsv)
    {
        var before = current.ToDictionary(i => i.Code, StringComparer.Ordinal);
        return fromCsv.Select(i => before.TryGetValue(i.Code, out var b)
            ? i with
            {
                Fee = b.Fee, HighRisk = b.HighRisk, Note = b.Note,
                // A CSV without the settings columns keeps the item's; with them, defaults are stored as none.
                TimeRules = i.TimeRules is null ? b.TimeRules : i.TimeRules.IsDefault ? null : i.TimeRules,
                Process = b.Modes.Immediate == i.Modes.Immediate ? b.Process : i.Process,
                Modes = i.Modes with { Exemption = b.Modes.Exemption, JointReview = b.Modes.JointReview },
            }
            : i).ToList();
    }
}
