using ApprovalCenter.Workflow;

namespace ApprovalCenter.Catalog;

/// <summary>
/// One rule of the exemption list (豁免清单, rules.md §2c): projects of a category meeting the
/// condition need no approval for a step or item. The basis and validity are kept so an exemption
/// notice can cite them and an expired rule stops applying by itself.
/// </summary>
public sealed record ExemptionRule(
    string Id, string Category, Condition Condition, string? ExemptedItem, string ExemptedStep,
    string LegalBasis, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly date) => date >= ValidFrom && (ValidTo is null || date <= ValidTo);
}

/// <summary>Evaluates the exemption list against case data. Pure and deterministic.</summary>
public static class ExemptionEvaluator
{
    /// <summary>
    /// The rules that exempt this application on this date. When <paramref name="itemCode"/> is
    /// given only rules for that item (or for a step outside the catalog) are considered.
    /// </summary>
    public static IReadOnlyList<ExemptionRule> Matching(IEnumerable<ExemptionRule> rules, IReadOnlyDictionary<string, object?> data, DateOnly date, string? itemCode = null) =>
        rules.Where(r => r.IsValidOn(date))
             .Where(r => itemCode is null || r.ExemptedItem is null || r.ExemptedItem == itemCode)
             .Where(r => r.Condition.Evaluate(data)).ToList();
}
