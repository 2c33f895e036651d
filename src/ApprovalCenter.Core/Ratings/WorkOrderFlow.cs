namespace ApprovalCenter.Ratings;

/// <summary>The steps of a bad-rating rectification work order (差评工单, rules.md §4), in their only order.</summary>
public enum WorkOrderStep { Callback = 0, Verification = 1, Rectification = 2, ReportBack = 3, Closed = 4 }

public static class WorkOrderFlow
{
    /// <summary>Callback to the rater within 1 wd of the bad rating.</summary>
    public const int CallbackWorkingDays = 1;
    /// <summary>Rectification within 5 wd of the bad rating, never later than the hard cap of 15 wd.</summary>
    public const int RectificationWorkingDays = 5;
    public const int RectificationCapWorkingDays = 15;

    public static string Label(WorkOrderStep step) => step switch
    {
        WorkOrderStep.Callback => "回访评价人",
        WorkOrderStep.Verification => "核实",
        WorkOrderStep.Rectification => "整改",
        WorkOrderStep.ReportBack => "反馈评价人",
        WorkOrderStep.Closed => "已办结",
        _ => step.ToString(),
    };

    public static WorkOrderStep Next(WorkOrderStep step) => step == WorkOrderStep.Closed ? step : step + 1;

    /// <summary>Null when <paramref name="requested"/> is the current step; otherwise why it is refused (out of order).</summary>
    public static string? Refusal(WorkOrderStep current, WorkOrderStep requested) =>
        current == requested ? null
        : current == WorkOrderStep.Closed ? "工单已办结，不能再办理。"
        : requested < current ? $"“{Label(requested)}”已完成，当前应办理“{Label(current)}”。"
        : $"请先完成“{Label(current)}”，再办理“{Label(requested)}”。";

    public static bool TryParse(string? text, out WorkOrderStep step)
    {
        WorkOrderStep? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "callback" => WorkOrderStep.Callback,
            "verification" => WorkOrderStep.Verification,
            "rectification" => WorkOrderStep.Rectification,
            "reportback" or "report-back" => WorkOrderStep.ReportBack,
            _ => null,
        };
        step = parsed ?? default;
        return parsed is not null;
    }
}

/// <summary>The business instants of a work order, on the working-day calendar: "within n wd" ends at
/// the close of the n-th working day after the bad rating's day (the start day not counted, as for case limits).
/// The callback warning comes at the start of its last day.</summary>
public sealed record WorkOrderDeadlines(DateTimeOffset CallbackWarningAt, DateTimeOffset CallbackDueAt, DateTimeOffset RectificationDueAt, DateTimeOffset RectificationCapAt)
{
    public static WorkOrderDeadlines For(ApprovalCenter.Calendar.WorkingCalendar calendar, DateTimeOffset openedAt)
    {
        var day = DateOnly.FromDateTime(openedAt.ToOffset(ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime).DateTime);
        DateOnly Nth(int n) => calendar.AddWorkingDays(day, n).Value;
        static DateTimeOffset EndOf(DateOnly d) => ApprovalCenter.Clock.ClockTimer.StartOfDay(d.AddDays(1));
        var callbackDay = Nth(WorkOrderFlow.CallbackWorkingDays);
        return new(ApprovalCenter.Clock.ClockTimer.StartOfDay(callbackDay), EndOf(callbackDay),
            EndOf(Nth(WorkOrderFlow.RectificationWorkingDays)), EndOf(Nth(WorkOrderFlow.RectificationCapWorkingDays)));
    }
}
