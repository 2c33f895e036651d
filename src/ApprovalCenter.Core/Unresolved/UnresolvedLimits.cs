using ApprovalCenter.Calendar;

namespace ApprovalCenter.Unresolved;

/// <summary>The limits of a 办不成事 matter, on the working-day calendar. Pure, so the page, the
/// API and the timers compute the same dates. Like every limit here, the receiving day does not
/// count (Civil Code Art. 201): 15 wd from a Monday end on the Friday two weeks later.</summary>
public static class UnresolvedLimits
{
    /// <summary>Guangdong 12345 limits: consultation 2 wd, help request or suggestion 10 wd,
    /// complaint or report 15 wd.</summary>
    public static int HotlineDays(HotlineCategory category) => category switch
    {
        HotlineCategory.Consultation => 2,
        HotlineCategory.HelpRequest or HotlineCategory.Suggestion => 10,
        HotlineCategory.Complaint or HotlineCategory.Report => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static DateOnly ClosingDeadline(WorkingCalendar calendar, DateOnly receivedOn, int closingDays) =>
        calendar.AddWorkingDays(receivedOn, Math.Max(1, closingDays)).Value;

    /// <summary>The day the warning is raised: <paramref name="warningDaysBefore"/> working days
    /// before the deadline, never before the day after receipt.</summary>
    public static DateOnly WarningDay(WorkingCalendar calendar, DateOnly receivedOn, DateOnly deadline, int warningDaysBefore)
    {
        var day = calendar.AddWorkingDays(deadline, -Math.Max(0, warningDaysBefore)).Value;
        var first = calendar.NextWorkingDay(receivedOn).Value;
        return day < first ? first : day;
    }

    public static DateOnly HotlineDeadline(WorkingCalendar calendar, DateOnly dispatchedOn, HotlineCategory category) =>
        calendar.AddWorkingDays(dispatchedOn, HotlineDays(category)).Value;

    /// <summary>Working days from receipt to closing (0 when closed the day it came in).</summary>
    public static int DaysToClose(WorkingCalendar calendar, DateOnly receivedOn, DateOnly closedOn) =>
        Math.Max(0, calendar.CountWorkingDays(receivedOn, closedOn).Value);

    /// <summary>The standing on a day: normal, warning (the warning day reached) or overdue (past the deadline).</summary>
    public static DeadlineState StateOn(DateOnly today, DateOnly warningOn, DateOnly deadline) =>
        today > deadline ? DeadlineState.Overdue : today >= warningOn ? DeadlineState.Warning : DeadlineState.Normal;
}

public enum DeadlineState { Normal = 0, Warning = 1, Overdue = 2 }
