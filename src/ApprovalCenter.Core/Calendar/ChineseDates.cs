namespace ApprovalCenter.Calendar;

/// <summary>Chinese wording for dates, shared by validation messages and deadline explanations.</summary>
public static class ChineseDates
{
    private static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    public static string WeekdayName(DateOnly date) => Weekdays[(int)date.DayOfWeek];

    /// <summary>"2026-02-24（周二）": ISO date for precision plus the weekday people check against.</summary>
    public static string Format(DateOnly date) => $"{date:yyyy-MM-dd}（{WeekdayName(date)}）";
}
