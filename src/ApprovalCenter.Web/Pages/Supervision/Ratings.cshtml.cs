using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Reporting;
using ApprovalCenter.Web.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>The ratings dashboard (/Supervision/Ratings): 好评率, 主动评价好评率, 未评价率 and counts per level
/// for a month, per window, clerk, item, department or month with the twelve-month trend, and the work
/// orders by step and lateness with the callback rate. Charts with their tables; every table exports
/// as CSV/XLSX with the filters applied; a month without data says 暂无数据.</summary>
public sealed class RatingsModel(RatingBoard board, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }

    public RatingIndicatorValues Values { get; private set; } = null!;
    public ReportTable Indicators { get; private set; } = null!;
    public ReportTable Levels { get; private set; } = null!;
    public ReportTable Groups { get; private set; } = null!;
    public ReportTable Trend { get; private set; } = null!;
    public ReportTable Steps { get; private set; } = null!;
    public ReportTable Lateness { get; private set; } = null!;

    private RatingFilter? Filter()
    {
        Month = string.IsNullOrWhiteSpace(Month) ? RatingBoard.MonthOf(clock.GetUtcNow()) : Month.Trim();
        By = string.IsNullOrWhiteSpace(By) ? "department" : By.Trim();
        if (!RatingBoard.TryMonth(Month, out var from, out var to)) ModelState.AddModelError(nameof(Month), $"统计月份“{Month}”无效，格式为 yyyy-MM。");
        if (!RatingBoard.Dimensions.ContainsKey(By)) ModelState.AddModelError(nameof(By), $"分组“{By}”无效。");
        if (!string.IsNullOrWhiteSpace(Department) && !ApprovalCenter.Identity.Departments.IsKnown(Department)) ModelState.AddModelError(nameof(Department), $"部门“{Department}”不存在。");
        return ModelState.IsValid ? new RatingFilter(from, to, string.IsNullOrWhiteSpace(Department) ? null : Department, string.IsNullOrWhiteSpace(Item) ? null : Item.Trim()) : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var f = Filter();
        if (f is null)
        {
            Response.StatusCode = 400;
            Month = RatingBoard.MonthOf(clock.GetUtcNow());
            By = "department";
            f = Filter()!;
        }
        (Values, Indicators, Levels) = await board.TotalsAsync(f, ct);
        Groups = await board.GroupsAsync(f, By!, ct);
        Trend = await board.TrendAsync(f, ct);
        (_, Steps, Lateness) = await board.WorkOrdersAsync(f, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!ReportExport.TryParse(format, out var fmt)) return BadRequest(ReportExport.FormatError);
        if (Filter() is not { } f) return BadRequest(string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        ReportTable? t = table switch
        {
            "indicators" => (await board.TotalsAsync(f, ct)).Indicators,
            "levels" => (await board.TotalsAsync(f, ct)).Levels,
            "groups" => await board.GroupsAsync(f, By!, ct),
            "trend" => await board.TrendAsync(f, ct),
            "steps" => (await board.WorkOrdersAsync(f, ct)).Steps,
            "lateness" => (await board.WorkOrdersAsync(f, ct)).Lateness,
            _ => null,
        };
        return t is null ? BadRequest("table 无效") : ReportExport.File(t, fmt, $"好差评-{t.Title}-{Month}");
    }
}
