using ApprovalCenter.Hall;
using ApprovalCenter.Web.Reporting;

namespace ApprovalCenter.Web.Hall;

/// <summary>The hall report's filters as typed, validated, and its two tables (shared by the page, its export and the API).</summary>
public sealed record HallReportQuery(ReportPeriod Period, DateOnly Date, ReportGrouping By)
{
    public static bool TryParse(string? period, DateOnly? date, string? by, DateOnly today, out HallReportQuery query, out (string Field, string Message)? error)
    {
        error = null;
        query = new HallReportQuery(ReportPeriod.Day, date ?? today, ReportGrouping.Service);
        ReportPeriod p = ReportPeriod.Day;
        ReportGrouping g = ReportGrouping.Service;
        if (!string.IsNullOrEmpty(period) && !Enum.TryParse(period, true, out p)) { error = ("period", "统计周期只能是 day、week 或 month。"); return false; }
        if (!string.IsNullOrEmpty(by) && !Enum.TryParse(by, true, out g)) { error = ("by", "分组只能是 service、counter 或 clerk。"); return false; }
        query = new HallReportQuery(p, date ?? today, g);
        return true;
    }

    public (DateOnly From, DateOnly To) Range => HallStats.Range(Period, Date);

    public static string GroupName(ReportGrouping g) => g switch { ReportGrouping.Counter => "窗口", ReportGrouping.Clerk => "窗口人员", _ => "业务" };
}

public static class HallReportTables
{
    public static async Task<(ReportTable Visits, ReportTable Hours)> BuildAsync(HallReports reports, HallReportQuery q, CancellationToken ct)
    {
        var (from, to) = q.Range;
        var rows = await reports.ByAsync(q.By, from, to, ct);
        var hours = await reports.ByHoursAsync(from, to, ct);
        var visits = ReportTable.From($"大厅服务统计（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}）", rows,
            (HallReportQuery.GroupName(q.By), r => r.Group), ("取号数", r => r.Tickets), ("办结", r => r.Served),
            ("等候中位数（分钟）", r => r.WaitMedian), ("等候 P90（分钟）", r => r.WaitP90), ("办理时长中位数（分钟）", r => r.ServiceMedian),
            ("过号", r => r.NoShows), ("转办", r => r.Transfers));
        var byHours = ReportTable.From("延时服务与周六不打烊", hours,
            ("时段", r => r.Hours), ("取号数", r => r.Tickets), ("受理办件", r => r.CasesOpened), ("出件", r => r.ResultsHandedOut));
        return (visits, byHours);
    }
}
