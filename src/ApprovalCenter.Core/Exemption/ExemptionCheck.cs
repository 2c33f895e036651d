using ApprovalCenter.Catalog;

namespace ApprovalCenter.Exemption;

/// <summary>The outcome of a self-check: the rule that exempts (first valid match, in list order) or,
/// for each rule considered, the condition that was not met.</summary>
public sealed record ExemptionOutcome(ExemptionRule? Exempting, IReadOnlyList<ExemptionRule> NotMet)
{
    public bool IsExempt => Exempting is not null;
}

/// <summary>Decides a self-check on the server's answers, with the existing evaluator. Pure.</summary>
public static class ExemptionCheck
{
    /// <summary>The rules that apply to an item's self-check: those naming the item, valid today.</summary>
    public static IReadOnlyList<ExemptionRule> RulesFor(ApprovalCatalog catalog, string itemCode, DateOnly today) =>
        catalog.Exemptions.Where(r => r.ExemptedItem == itemCode && r.IsValidOn(today)).ToList();

    public static ExemptionOutcome Decide(IReadOnlyList<ExemptionRule> rules, IReadOnlyDictionary<string, object?> data, DateOnly today, string itemCode)
    {
        var matching = ExemptionEvaluator.Matching(rules, data, today, itemCode);
        var first = matching.FirstOrDefault();
        return new ExemptionOutcome(first, first is null ? rules : []);
    }
}
