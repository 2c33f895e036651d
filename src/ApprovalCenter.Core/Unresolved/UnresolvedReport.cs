using System.Globalization;

namespace ApprovalCenter.Unresolved;

public enum ReportPeriod { Day = 0, Week = 1, Month = 2 }

/// <summary>One finished matter as the report sees it.</summary>
public sealed record FinishedMatter(MatterStatus Status, bool? Satisfied, int Reopens, DateOnly EndedOn, int? DaysToClose, bool Late);

/// <summary>办不成事 matters by outcome and time to close, bucketed per day, ISO week or month. Pure,
/// so the page, its chart and its CSV/XLSX export count the same way.</summary>
public static class UnresolvedReport
{
    public sealed record OutcomeRow(string Period, int ClosedFirstTime, int ClosedAfterReopen, int Referred, int ClosedLate, int Total);
    public sealed record TimeRow(string Period, int Closed, double? AverageDays, int? MedianDays, int? LongestDays, double? OnTimePercent);

    /// <summary>The default range ending today: 30 days, 12 weeks or 12 months.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(ReportPeriod period, DateOnly today) => period switch
    {
        ReportPeriod.Day => (today.AddDays(-29), today),
        ReportPeriod.Week => (StartOf(ReportPeriod.Week, today).AddDays(-7 * 11), today),
        _ => (new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today),
    };

    public static DateOnly StartOf(ReportPeriod period, DateOnly day) => period switch
    {
        ReportPeriod.Day => day,
        ReportPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),   // Monday
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    private static DateOnly Next(ReportPeriod period, DateOnly start) => period switch
    {
        ReportPeriod.Day => start.AddDays(1),
        ReportPeriod.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    public static string Label(ReportPeriod period, DateOnly start) => period switch
    {
        ReportPeriod.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReportPeriod.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}",
        _ => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    /// <summary>Every bucket from <paramref name="from"/> to <paramref name="to"/>, empty ones included, so a chart's axis has no gaps.</summary>
    public static IReadOnlyList<DateOnly> Buckets(ReportPeriod period, DateOnly from, DateOnly to)
    {
        var list = new List<DateOnly>();
        for (var s = StartOf(period, from); s <= to && list.Count < 400; s = Next(period, s)) list.Add(s);
        return list;
    }

    public static IReadOnlyList<OutcomeRow> Outcomes(IEnumerable<FinishedMatter> matters, ReportPeriod period, DateOnly from, DateOnly to)
    {
        var byBucket = matters.Where(m => m.EndedOn >= from && m.EndedOn <= to).ToLookup(m => StartOf(period, m.EndedOn));
        return Buckets(period, from, to).Select(b =>
        {
            var g = byBucket[b].ToList();
            var closed = g.Where(m => m.Status == MatterStatus.Closed).ToList();
            return new OutcomeRow(Label(period, b), closed.Count(m => m.Reopens == 0), closed.Count(m => m.Reopens > 0),
                g.Count(m => m.Status == MatterStatus.Referred), closed.Count(m => m.Late), g.Count);
        }).ToList();
    }

    public static IReadOnlyList<TimeRow> TimesToClose(IEnumerable<FinishedMatter> matters, ReportPeriod period, DateOnly from, DateOnly to)
    {
        var byBucket = matters.Where(m => m.Status == MatterStatus.Closed && m.DaysToClose is not null && m.EndedOn >= from && m.EndedOn <= to)
            .ToLookup(m => StartOf(period, m.EndedOn));
        return Buckets(period, from, to).Select(b =>
        {
            var days = byBucket[b].Select(m => m.DaysToClose!.Value).Order().ToList();
            if (days.Count == 0) return new TimeRow(Label(period, b), 0, null, null, null, null);
            var onTime = byBucket[b].Count(m => !m.Late);
            return new TimeRow(Label(period, b), days.Count, Math.Round(days.Average(), 1), days[(days.Count - 1) / 2], days[^1],
                Math.Round(100.0 * onTime / days.Count, 1));
        }).ToList();
    }
}
