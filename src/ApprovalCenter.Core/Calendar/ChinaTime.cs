namespace ApprovalCenter.Calendar;

/// <summary>How every screen and journal line writes an instant: China Standard Time, to the minute.
/// One place, so a page never shows UTC by accident.</summary>
public static class ChinaTime
{
    public static string ToChinaText(this DateTimeOffset instant) =>
        instant.ToOffset(ServiceHours.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
