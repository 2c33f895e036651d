using System.Text.RegularExpressions;

namespace ApprovalCenter.Workflow;

/// <summary>
/// The symbolic due rules a timer may use. The engine never computes dates (that needs the
/// working-day calendar, another module); it passes the rule on and the edge resolves it.
/// </summary>
public static partial class DueRules
{
    public const string IntakeLapse = "intake-lapse";                 // ALL Art. 32: 5 wd, then deemed accepted
    public const string PromisedDeadline = "promised-deadline";
    public const string StatutoryDeadline = "statutory-deadline";
    public const string SupplementPeriod = "supplement-period";       // 补正: 30 nd in Guangdong guides
    public const string ToleranceSupplementDeadline = "tolerance-supplement-deadline"; // 容缺: ≤ promised limit
    public const string VerificationDue = "verification-due";         // 告知承诺 post-approval check: 30 wd default
    public const string ClosingDeadline = "closing-deadline";         // 办不成事: 15 wd default
    public const string DeliveryDeadline = "delivery-deadline";       // ALL Art. 44: 10 wd
    public const string HearingRequestPeriod = "hearing-request-period"; // ALL Art. 47: 5 days to request a hearing

    public static readonly IReadOnlyList<string> Symbolic =
        [IntakeLapse, PromisedDeadline, StatutoryDeadline, SupplementPeriod, ToleranceSupplementDeadline, VerificationDue, ClosingDeadline, DeliveryDeadline, HearingRequestPeriod];

    /// <summary>True for a symbolic rule or an offset such as "5wd" (working days) or "30nd" (natural days).</summary>
    public static bool IsValid(string due) => Symbolic.Contains(due) || Offset().IsMatch(due);

    [GeneratedRegex(@"^[1-9][0-9]{0,3}(wd|nd)$")]
    private static partial Regex Offset();
}
