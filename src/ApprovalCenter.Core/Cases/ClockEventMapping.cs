using System.Globalization;
using ApprovalCenter.Clock;

namespace ApprovalCenter.Cases;

/// <summary>
/// Which workflow actions move the legal clock, and how. The process definitions name actions;
/// the law names clock events (acceptance, supplement, pause, extension, decision, delivery).
/// This table is the one place that joins the two, for every shipped container.
/// </summary>
public static class ClockEventMapping
{
    private static readonly Dictionary<string, Func<DateOnly, Func<string, object?>, string, ClockEvent>> ByAction = new(StringComparer.Ordinal)
    {
        ["accept"] = (d, _, _) => new ClockEvent.Accepted(d),
        ["accept-complete"] = (d, _, _) => new ClockEvent.Accepted(d),
        ["accept-with-tolerance"] = (d, _, _) => new ClockEvent.Accepted(d),
        ["sign"] = (d, _, _) => new ClockEvent.Accepted(d),             // 告知承诺: accepted once the applicant signs
        ["supplement-notice"] = (d, _, _) => new ClockEvent.SupplementRequested(d),
        ["supplement"] = (d, _, _) => new ClockEvent.SupplementReceived(d),
        ["refuse"] = (d, _, _) => new ClockEvent.Refused(d),
        ["start-excluded-procedure"] = (d, get, _) => new ClockEvent.PauseStarted(d, ParseProcedure(get("procedure")), ParseInt(get("expectedDays"), "expectedDays")),
        ["end-excluded-procedure"] = (d, _, _) => new ClockEvent.PauseEnded(d),
        ["approve-extension"] = (d, get, user) => new ClockEvent.ExtensionGranted(d, ParseInt(get("extensionDays"), "extensionDays"),
            ExtensionApprover.BureauHead, user, get("extensionReason") as string ?? ""),
        ["approve"] = (d, _, _) => new ClockEvent.Decided(d),
        ["deny"] = (d, _, _) => new ClockEvent.Decided(d),
        ["issue-all"] = (d, _, _) => new ClockEvent.Decided(d),
        ["deliver"] = (d, _, _) => new ClockEvent.Delivered(d),
        ["hand-out"] = (d, _, _) => new ClockEvent.Delivered(d),
    };

    /// <summary>The clock event for an action, or null when the action does not touch the clock.
    /// <paramref name="data"/> reads the case data after the action's own data was merged.</summary>
    public static ClockEvent? For(string action, DateOnly date, Func<string, object?> data, string userName) =>
        ByAction.TryGetValue(action, out var f) ? f(date, data, userName) : null;

    public static IReadOnlyCollection<string> Actions => ByAction.Keys;

    /// <summary>Accepts the enum name (ExpertReview) or the Chinese name (专家评审).</summary>
    public static ExcludedProcedure ParseProcedure(object? value)
    {
        var s = value as string ?? throw new CaseInputException("procedure", "请选择特别程序（听证、检验、检测、鉴定、专家评审等）。");
        if (Enum.TryParse<ExcludedProcedure>(s, ignoreCase: true, out var p) && Enum.IsDefined(p)) return p;
        foreach (var candidate in Enum.GetValues<ExcludedProcedure>())
            if (ClockNames.Of(candidate) == s) return candidate;
        throw new CaseInputException("procedure", $"“{s}”不是行政许可法第四十五条规定的特别程序。");
    }

    private static int ParseInt(object? value, string field) => value switch
    {
        decimal d when d == Math.Floor(d) && d is > 0 and <= 1000 => (int)d,
        string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i is > 0 and <= 1000 => i,
        _ => throw new CaseInputException(field, $"“{field}”应为1至1000之间的工作日数。"),
    };
}

/// <summary>Bad input for a case action: names the field and the reason (becomes a 400).</summary>
public sealed class CaseInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
