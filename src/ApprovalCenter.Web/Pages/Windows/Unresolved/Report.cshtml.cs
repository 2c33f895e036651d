using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Windows.Unresolved;

/// <summary>办不成事 matters by outcome and by time to close, per day, week or month: each table is
/// drawn as a chart, shown beside it and exported as CSV/XLSX from the same <see cref="ReportTable"/>.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class ReportModel(UnresolvedQueries queries) : PageModel
{
    public const string OutcomesTable = "outcomes", TimesTable = "times";

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public ReportPeriod Selected { get; private set; } = ReportPeriod.Week;
    public DateOnly FromDay { get; private set; }
    public DateOnly ToDay { get; private set; }
    public ReportTable Outcomes { get; private set; } = null!;
    public ReportTable Times { get; private set; } = null!;
    public ChartModel OutcomesChart => new(OutcomesTable, "bar", Outcomes, 0, [1, 2, 3]);
    public ChartModel TimesChart => new(TimesTable, "bar", Times, 0, [2, 4]);   // bars: days without closings leave gaps a line cannot draw

    public static readonly (ReportPeriod Value, string Label)[] Periods = [(ReportPeriod.Day, "按日"), (ReportPeriod.Week, "按周"), (ReportPeriod.Month, "按月")];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await BuildAsync(ct);
        if (!ModelState.IsValid) Response.StatusCode = 400;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!ReportExport.TryParse(format, out var f)) ModelState.AddModelError("format", ReportExport.FormatError + "。");
        if (table is not (OutcomesTable or TimesTable)) ModelState.AddModelError("table", "导出的表只能是 outcomes 或 times。");
        await BuildAsync(ct);
        if (!ModelState.IsValid) { Response.StatusCode = 400; return Page(); }
        return table == OutcomesTable
            ? ReportExport.File(Outcomes, f, $"办不成事结果统计-{FromDay:yyyyMMdd}-{ToDay:yyyyMMdd}")
            : ReportExport.File(Times, f, $"办不成事办结用时-{FromDay:yyyyMMdd}-{ToDay:yyyyMMdd}");
    }

    private async Task BuildAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (Enum.TryParse<ReportPeriod>(Period, true, out var p) && Enum.IsDefined(p) && !int.TryParse(Period, out _)) Selected = p;
            else ModelState.AddModelError(nameof(Period), "统计周期只能是按日、按周或按月。");
        }
        var (defaultFrom, defaultTo) = UnresolvedReport.DefaultRange(Selected, queries.Today);
        FromDay = ReadDay(From, nameof(From), "开始日期") ?? defaultFrom;
        ToDay = ReadDay(To, nameof(To), "结束日期") ?? defaultTo;
        if (FromDay > ToDay) { ModelState.AddModelError(nameof(From), "开始日期不能晚于结束日期。"); FromDay = ToDay; }
        if (UnresolvedReport.Buckets(Selected, FromDay, ToDay).Count >= 400) { ModelState.AddModelError(nameof(From), "统计范围过长，请缩短日期范围或改用更长的统计周期。"); FromDay = defaultFrom; ToDay = defaultTo; }

        var finished = await queries.FinishedAsync(FromDay, ToDay, ct);
        Outcomes = ReportTable.From("办不成事按办理结果统计", UnresolvedReport.Outcomes(finished, Selected, FromDay, ToDay),
            ("期间", r => r.Period), ("满意办结", r => r.ClosedFirstTime), ("重新办理后办结", r => r.ClosedAfterReopen),
            ("转出（不属受理范围）", r => r.Referred), ("其中逾期办结", r => r.ClosedLate), ("合计", r => r.Total));
        Times = ReportTable.From("办不成事办结用时（工作日）", UnresolvedReport.TimesToClose(finished, Selected, FromDay, ToDay),
            ("期间", r => r.Period), ("办结件数", r => r.Closed), ("平均用时", r => r.AverageDays), ("中位用时", r => r.MedianDays),
            ("最长用时", r => r.LongestDays), ("期限内办结率（%）", r => r.OnTimePercent));
    }

    private DateOnly? ReadDay(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", out var d)) return d;
        ModelState.AddModelError(field, $"{label}格式应为 yyyy-MM-dd。");
        return null;
    }
}
