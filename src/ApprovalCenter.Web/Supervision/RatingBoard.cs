using System.Globalization;
using ApprovalCenter.Calendar;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Reporting;

namespace ApprovalCenter.Web.Supervision;

/// <summary>The ratings dashboard's tables, built from <see cref="RatingStatistics"/> so that the chart, the
/// table beside it, the export, the public page and the monthly report show the same numbers.</summary>
public sealed class RatingBoard(RatingStatistics stats)
{
    public static readonly IReadOnlyDictionary<string, (RatingDimension Dimension, string Label)> Dimensions = new Dictionary<string, (RatingDimension, string)>
    {
        ["department"] = (RatingDimension.Department, "部门"),
        ["item"] = (RatingDimension.Item, "事项"),
        ["clerk"] = (RatingDimension.Handler, "工作人员"),
        ["window"] = (RatingDimension.Counter, "窗口"),
        ["month"] = (RatingDimension.Month, "月份"),
    };

    /// <summary>A month "yyyy-MM" as the business-time period [first day 00:00, next month's first day 00:00) in China time.</summary>
    public static bool TryMonth(string? text, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)) return false;
        from = ApprovalCenter.Clock.ClockTimer.StartOfDay(first);
        to = ApprovalCenter.Clock.ClockTimer.StartOfDay(first.AddMonths(1));
        return true;
    }

    public static string MonthOf(DateTimeOffset instant) => instant.ToOffset(ServiceHours.ChinaStandardTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<(RatingIndicatorValues Values, ReportTable Indicators, ReportTable Levels)> TotalsAsync(RatingFilter f, CancellationToken ct)
    {
        var v = await stats.TotalsAsync(f, ct);
        var indicators = new ReportTable("好差评指标", ["指标", "数值"], v.Services == 0 && v.Counted == 0 && v.Excluded == 0 ? [] :
        [
            ["好评率", RatingIndicators.Percent(v.GoodRate)],
            ["主动评价好评率", RatingIndicators.Percent(v.VoluntaryGoodRate)],
            ["未评价率", RatingIndicators.Percent(v.UnratedRate)],
            ["服务（办件）数", v.Services],
            ["评价数", v.Counted],
            ["主动评价数", v.Voluntary],
            ["默认评价数", v.Default],
            ["差评数", v.Bad],
            ["申诉剔除数", v.Excluded],
        ]);
        var levels = new ReportTable("各等级评价数", ["等级", "件数"], v.Counted == 0 ? [] :
            RatingLevels.All.Select(l => (IReadOnlyList<object?>)[RatingLevels.Label(l), v.PerLevel[l]]).ToList());
        return (v, indicators, levels);
    }

    public async Task<ReportTable> GroupsAsync(RatingFilter f, string by, CancellationToken ct)
    {
        var (dimension, label) = Dimensions[by];
        var groups = await stats.GroupsAsync(f, dimension, ct);
        return ReportTable.From($"按{label}统计", groups,
            (label, g => g.Label), ("评价数", g => g.Values.Counted), ("好评率", g => RatingIndicators.Percent(g.Values.GoodRate)),
            ("主动评价好评率", g => RatingIndicators.Percent(g.Values.VoluntaryGoodRate)), ("未评价率", g => RatingIndicators.Percent(g.Values.UnratedRate)),
            ("差评数", g => g.Values.Bad), ("好评率(%)", g => g.Values.GoodRate is { } r ? Math.Round(r * 100, 2) : null));
    }

    /// <summary>The twelve months up to the filter's month, one row each (empty months say 暂无数据).</summary>
    public async Task<ReportTable> TrendAsync(RatingFilter f, CancellationToken ct)
    {
        var first = f.To.ToOffset(ServiceHours.ChinaStandardTime).AddMonths(-12);
        var months = await stats.GroupsAsync(f with { From = first }, RatingDimension.Month, ct);
        if (months.Count == 0) return new ReportTable("月度趋势", ["月份", "评价数", "好评率(%)", "主动评价好评率(%)", "差评数"], []);
        var byMonth = months.ToDictionary(m => m.Key);
        var rows = Enumerable.Range(1, 12).Select(i => MonthOf(first.AddMonths(i - 1).AddDays(1))).Select(m =>
        {
            byMonth.TryGetValue(m, out var g);
            return (IReadOnlyList<object?>)[m, g?.Values.Counted ?? 0, Pct(g?.Values.GoodRate), Pct(g?.Values.VoluntaryGoodRate), g?.Values.Bad ?? 0];
        }).ToList();
        return new ReportTable("月度趋势", ["月份", "评价数", "好评率(%)", "主动评价好评率(%)", "差评数"], rows);
    }

    private static decimal? Pct(decimal? rate) => rate is { } r ? Math.Round(r * 100, 2) : null;

    public async Task<(WorkOrderStats Stats, ReportTable Steps, ReportTable Lateness)> WorkOrdersAsync(RatingFilter f, CancellationToken ct)
    {
        var s = await stats.WorkOrdersAsync(f, ct);
        var steps = new ReportTable("差评工单（按环节）", ["环节", "件数"], s.Total == 0 ? [] :
            Enum.GetValues<WorkOrderStep>().Select(x => (IReadOnlyList<object?>)[WorkOrderFlow.Label(x), s.PerStep[x]]).ToList());
        var late = new ReportTable("差评工单（回访与超期）", ["项目", "数值"], s.Total == 0 ? [] :
        [
            ["工单数", s.Total], ["已回访", s.CalledBack], ["回访率", RatingIndicators.Percent(s.CallbackRate)],
            ["回访超期", s.CallbackLate], ["整改超过 5 个工作日", s.RectificationLate], ["整改超过 15 个工作日", s.CapExceeded],
        ]);
        return (s, steps, late);
    }
}
