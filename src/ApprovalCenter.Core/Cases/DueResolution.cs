using System.Text.RegularExpressions;
using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>Turns the engine's symbolic timer dues into instants, from the case clock and the
/// working-day calendar. Null means "no instant yet" (e.g. the clock has not started).</summary>
public static partial class DueResolution
{
    /// <summary>Timers the clock itself schedules (warning and breach notices); the workflow's
    /// timers with these dues would duplicate them, so they are left to the clock.</summary>
    public static readonly IReadOnlySet<string> CoveredByClock = new HashSet<string>
    {
        DueRules.PromisedDeadline, DueRules.StatutoryDeadline, DueRules.DeliveryDeadline,
    };

    public static DateTimeOffset? Resolve(string due, CaseClock clock, WorkingCalendar calendar, DateOnly today, int closingDays = 15)
    {
        DateTimeOffset? AfterDay(DateOnly? d) => d is { } x ? ClockTimer.StartOfDay(x.AddDays(1)) : null;
        switch (due)
        {
            case DueRules.IntakeLapse: return AfterDay(clock.IntakeDeadline?.Date);
            case DueRules.SupplementPeriod: return AfterDay(clock.SupplementDeadline);
            case DueRules.PromisedDeadline: return AfterDay(clock.PromisedDeadline?.Date);
            case DueRules.ToleranceSupplementDeadline: return AfterDay(clock.ToleranceSupplementDeadline?.Date);
            case DueRules.StatutoryDeadline: return AfterDay(clock.StatutoryDeadline?.Date);
            case DueRules.DeliveryDeadline: return AfterDay(clock.DeliveryDeadline?.Date);
            case DueRules.HearingRequestPeriod: return AfterDay(clock.HearingRequestDeadline);
            // The item's period from the decision, the same date the sealed decision prints.
            case DueRules.VerificationDue: return AfterDay(clock.VerificationDeadline ?? calendar.AddWorkingDays(today, clock.Limits.VerificationDays).Value);
            case DueRules.ClosingDeadline: return AfterDay(calendar.AddWorkingDays(today, closingDays).Value);
        }
        var m = Offset().Match(due);
        if (!m.Success) return null;
        var n = int.Parse(m.Groups[1].Value);
        return m.Groups[2].Value == "wd" ? AfterDay(calendar.AddWorkingDays(today, n).Value) : AfterDay(today.AddDays(n));
    }

    [GeneratedRegex(@"^(\d+)(wd|nd)$")]
    private static partial Regex Offset();
}
