using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Reporting;
using ApprovalCenter.Web.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Ratings;

/// <summary>The public indicators (/Indicators, anonymous), as Guangdong publishes them: per department
/// and month, 好评率, 主动评价好评率, 未评价率 and counts; never a rater's or a clerk's name.</summary>
[AllowAnonymous]
public sealed class IndicatorsModel(RatingBoard board, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    public ReportTable Departments { get; private set; } = null!;
    public RatingIndicatorValues Totals { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Month = string.IsNullOrWhiteSpace(Month) ? RatingBoard.MonthOf(clock.GetUtcNow()) : Month.Trim();
        if (!RatingBoard.TryMonth(Month, out var from, out var to))
        {
            ModelState.AddModelError(nameof(Month), $"统计月份“{Month}”无效，格式为 yyyy-MM。");
            Response.StatusCode = 400;
            Month = RatingBoard.MonthOf(clock.GetUtcNow());
            RatingBoard.TryMonth(Month, out from, out to);
        }
        var f = new RatingFilter(from, to);
        Totals = (await board.TotalsAsync(f, ct)).Values;
        var groups = await board.GroupsAsync(f, "department", ct);
        // The public table leaves out the chart-only column.
        Departments = new ReportTable($"{Month} 各部门好差评指标", groups.Columns.Take(6).ToList(), groups.Rows.Select(r => (IReadOnlyList<object?>)r.Take(6).ToList()).ToList());
        return Page();
    }
}
