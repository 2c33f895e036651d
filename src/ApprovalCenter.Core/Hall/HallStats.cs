namespace ApprovalCenter.Hall;

public enum ReportPeriod { Day, Week, Month }

/// <summary>The numbers of the hall reports: percentiles by the nearest-rank method (what a supervisor
/// can check by hand), and the dates a day / week / month report covers.</summary>
public static class HallStats
{
    /// <summary>The nearest-rank percentile (0 &lt; p ≤ 100) of the values; null when there are none.</summary>
    public static double? Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return null;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static double? Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>[From, To] inclusive: the day, its Monday-to-Sunday week, or its calendar month.</summary>
    public static (DateOnly From, DateOnly To) Range(ReportPeriod period, DateOnly date) => period switch
    {
        ReportPeriod.Week => (date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), date.AddDays(-(((int)date.DayOfWeek + 6) % 7) + 6)),
        ReportPeriod.Month => (new DateOnly(date.Year, date.Month, 1), new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1)),
        _ => (date, date),
    };
}
