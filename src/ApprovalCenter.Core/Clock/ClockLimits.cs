namespace ApprovalCenter.Clock;

/// <summary>
/// When a case enters the warning state (rules.md §1d, configurable per item): when at most
/// <see cref="RemainingDays"/> working days of the promised limit are left, or when at least
/// <see cref="UsedNumerator"/>/<see cref="UsedDenominator"/> of it is used. A fraction of integers,
/// not a double, so "2/3 of 3 days" is exactly 2 days.
/// </summary>
public sealed record WarningThresholds(int RemainingDays = 1, int UsedNumerator = 2, int UsedDenominator = 3);

/// <summary>
/// The time limits of one item as the clock applies them (rules.md §1b–§1c). The defaults are the
/// law's: 5-wd intake, one extension of at most 10 wd approved by the bureau head, delivery within
/// 10 wd, 30 natural days to supplement.
/// </summary>
public sealed record ClockLimits
{
    public ClockLimits(int promisedDays, int statutoryDays)
    {
        PromisedDays = promisedDays;
        StatutoryDays = statutoryDays;
        Validate();
    }

    /// <summary>承诺时限 in working days; 0 for an immediate item (即办件) decided the day it is accepted.</summary>
    public int PromisedDays { get; init; }
    /// <summary>法定时限 in working days; the promised limit may never exceed it.</summary>
    public int StatutoryDays { get; init; }
    public int MaxExtensionDays { get; init; } = 10;
    public ExtensionApprover RequiredExtensionApprover { get; init; } = ExtensionApprover.BureauHead;
    public int IntakeDays { get; init; } = 5;
    public int DeliveryDays { get; init; } = 10;
    public int SupplementNaturalDays { get; init; } = 30;
    public bool JointHandling { get; init; }
    public WarningThresholds Warning { get; init; } = new();
    /// <summary>告知承诺: the post-approval verification is due this many working days after the decision (rules.md §2b, per item).</summary>
    public int VerificationDays { get; init; } = 30;
    /// <summary>容缺: supplements are due this many working days after acceptance; null is the promised limit (rules.md §2a, per item).</summary>
    public int? ToleranceSupplementDays { get; init; }

    public bool IsImmediate => PromisedDays == 0;

    /// <summary>An ordinary item: statutory 20 wd unless a special law says otherwise (ALL Art. 42).</summary>
    public static ClockLimits Standard(int promisedDays, int statutoryDays = 20) => new(promisedDays, statutoryDays);

    /// <summary>Joint or centralised handling (ALL Art. 26, 42(2)): 45 wd, extendable once by 15 wd with the government's approval.</summary>
    public static ClockLimits Joint(int promisedDays) => new(promisedDays, 45)
    {
        MaxExtensionDays = 15,
        RequiredExtensionApprover = ExtensionApprover.LocalGovernment,
        JointHandling = true,
    };

    /// <summary>Throws <see cref="ClockException"/> when the limits break the rules; returns this for chaining.</summary>
    public ClockLimits Validate()
    {
        if (PromisedDays < 0) throw new ClockException(ClockErrorCodes.InvalidLimits, $"承诺时限不能为负数（当前为 {PromisedDays}）。");
        if (StatutoryDays <= 0) throw new ClockException(ClockErrorCodes.InvalidLimits, $"法定时限应为正数个工作日（当前为 {StatutoryDays}）。");
        if (PromisedDays > StatutoryDays)
            throw new ClockException(ClockErrorCodes.PromisedExceedsStatutory,
                $"承诺时限（{PromisedDays} 个工作日）不得超过法定时限（{StatutoryDays} 个工作日）。");
        if (VerificationDays <= 0) throw new ClockException(ClockErrorCodes.InvalidLimits, $"告知承诺核查期限应为正数个工作日（当前为 {VerificationDays}）。");
        if (ToleranceSupplementDays is { } t && (t <= 0 || t > PromisedDays))
            throw new ClockException(ClockErrorCodes.InvalidLimits, $"容缺补齐期限（{t} 个工作日）应为正数且不得超过承诺时限（{PromisedDays} 个工作日）。");
        if (MaxExtensionDays < 0 || IntakeDays < 0 || DeliveryDays < 0 || SupplementNaturalDays < 0)
            throw new ClockException(ClockErrorCodes.InvalidLimits, "延长、受理、送达和补正期限不能为负数。");
        if (Warning.RemainingDays < 0 || Warning.UsedNumerator < 0 || Warning.UsedDenominator <= 0)
            throw new ClockException(ClockErrorCodes.InvalidLimits, "预警阈值设置无效：剩余天数不能为负，比例的分母应为正数。");
        return this;
    }
}
