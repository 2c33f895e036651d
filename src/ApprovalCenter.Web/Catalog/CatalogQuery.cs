using System.Globalization;
using ApprovalCenter.Catalog;

namespace ApprovalCenter.Web.Catalog;

/// <summary>One handling mode a visitor can filter by: query value, Chinese name and test on an item.</summary>
public sealed record ModeFilter(string Value, string Name, Func<ItemModes, bool> Applies);

/// <summary>Search and filters shared by the public guide and the catalog administration.</summary>
public static class CatalogQuery
{
    public static readonly IReadOnlyList<ModeFilter> Modes =
    [
        new("tolerance", "容缺受理", m => m.Tolerance),
        new("commitment", "告知承诺", m => m.Commitment),
        new("immediate", "即办件", m => m.Immediate),
        new("joint", "并联审批", m => m.JointReview),
        new("exemption", "可豁免", m => m.Exemption),
    ];

    /// <summary>Items whose name or code contains <paramref name="q"/>, in the department and with the mode given (each optional).</summary>
    public static IReadOnlyList<CatalogItem> Filter(ApprovalCatalog catalog, string? q, string? department, string? mode)
    {
        IEnumerable<CatalogItem> items = catalog.Items;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            items = items.Where(i => i.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || i.Code.Contains(term, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(department)) items = items.Where(i => i.Department == department);
        if (Modes.FirstOrDefault(m => m.Value == mode) is { } filter) items = items.Where(i => filter.Applies(i.Modes));
        return items.ToList();
    }

    /// <summary>The Chinese names of the modes an item allows (承诺件 or 即办件 first).</summary>
    public static IEnumerable<string> ModeNames(ItemModes m)
    {
        yield return m.Immediate ? "即办件" : "承诺件";
        foreach (var f in Modes.Where(f => f.Value != "immediate" && f.Applies(m))) yield return f.Name;
    }

    /// <summary>A share as a percentage with one decimal, e.g. 0.7122 → "71.2%".</summary>
    public static string Percent(decimal share) =>
        Math.Round(share * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
