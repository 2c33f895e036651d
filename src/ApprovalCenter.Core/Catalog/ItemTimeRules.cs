namespace ApprovalCenter.Catalog;

/// <summary>
/// The per-item settings of rules.md §1d and §2a–§2b that practice varies by locality: when a case
/// enters the warning state, how many working days the 告知承诺 post-approval verification has, and
/// the 容缺 supplement deadline. An item without them uses the defaults of rules.md; a case copies
/// them at submission, so the timer and the sealed documents read the same number for its life.
/// </summary>
/// <param name="WarningRemainingDays">Warning when at most this many working days of the promised limit are left (default 1).</param>
/// <param name="WarningUsedNumerator">… or when at least this share of it is used (default 2/3).</param>
/// <param name="VerificationDays">告知承诺 verification due this many working days after the decision (default 30).</param>
/// <param name="ToleranceSupplementDays">容缺 supplements due this many working days after acceptance; null is the promised limit (the default and the maximum).</param>
public sealed record ItemTimeRules(
    int WarningRemainingDays = ItemTimeRules.DefaultWarningRemainingDays,
    int WarningUsedNumerator = ItemTimeRules.DefaultWarningUsedNumerator,
    int WarningUsedDenominator = ItemTimeRules.DefaultWarningUsedDenominator,
    int VerificationDays = ItemTimeRules.DefaultVerificationDays,
    int? ToleranceSupplementDays = null)
{
    public const int DefaultWarningRemainingDays = 1;
    public const int DefaultWarningUsedNumerator = 2;
    public const int DefaultWarningUsedDenominator = 3;
    public const int DefaultVerificationDays = 30;

    public static readonly ItemTimeRules Defaults = new();

    public bool IsDefault => this == Defaults;

    /// <summary>The share as written in the catalog and the CSV, e.g. "2/3".</summary>
    public string WarningUsedShare => $"{WarningUsedNumerator}/{WarningUsedDenominator}";

    /// <summary>Reads "2/3"; null when it is not a fraction of non-negative integers with a positive denominator at most 1.</summary>
    public static (int Numerator, int Denominator)? ParseShare(string? text)
    {
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var n) || !int.TryParse(parts[1], out var d)) return null;
        return n < 0 || d <= 0 || n > d ? null : (n, d);
    }

    /// <summary>The rule violations of these settings for an item with <paramref name="promisedDays"/>, as (field, Chinese reason).</summary>
    public IEnumerable<(string Field, string Reason)> Check(int promisedDays)
    {
        if (WarningRemainingDays < 0) yield return ("timeRules.warningRemainingDays", "预警剩余工作日不能为负数");
        if (WarningUsedDenominator <= 0 || WarningUsedNumerator < 0 || WarningUsedNumerator > WarningUsedDenominator)
            yield return ("timeRules.warningUsedShare", $"预警已用比例“{WarningUsedShare}”应为 0 至 1 之间的分数，如 2/3");
        if (VerificationDays <= 0) yield return ("timeRules.verificationDays", "告知承诺核查期限应为正数个工作日");
        if (ToleranceSupplementDays is { } t && (t <= 0 || t > promisedDays))
            yield return ("timeRules.toleranceSupplementDays", $"容缺补齐期限应为 1 至承诺时限（{promisedDays} 个工作日）之间，当前为 {t}");
    }
}

/// <summary>Puts an item's settings into the limits the clock applies.</summary>
public static class ItemTimeRulesClock
{
    public static Clock.ClockLimits With(this Clock.ClockLimits limits, ItemTimeRules rules) => limits with
    {
        Warning = new Clock.WarningThresholds(rules.WarningRemainingDays, rules.WarningUsedNumerator, rules.WarningUsedDenominator),
        VerificationDays = rules.VerificationDays,
        ToleranceSupplementDays = rules.ToleranceSupplementDays,
    };
}
