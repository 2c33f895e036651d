using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.Reporting;
using ApprovalCenter.Web.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>The deadline dashboard (/Supervision/Deadlines): running cases by clock state with filters
/// (department, item, handler, mode), overdue first, counts and the weekly trend as chart + table,
/// each case linked with its explanation, waiting promised-limit requests and failed timers. Every
/// table exports as CSV/XLSX with the filters applied.</summary>
public sealed class DeadlinesModel(DeadlineBoard board, CatalogProvider catalogs, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? Handler { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mode { get; set; }

    public ReportTable Counts { get; private set; } = null!;
    public ReportTable Weekly { get; private set; } = null!;
    public List<DeadlineRow> Rows { get; private set; } = [];
    public List<ScheduledTimer> FailedTimers { get; private set; } = [];
    public int WaitingRequests { get; private set; }
    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];
    public List<(string Id, string Name)> Handlers { get; private set; } = [];

    private DeadlineFilter? Filter()
    {
        CaseMode? mode = null;
        if (!string.IsNullOrWhiteSpace(Mode))
        {
            if (Enum.TryParse<CaseMode>(Mode, out var m) && Enum.IsDefined(m) && !int.TryParse(Mode, out _)) mode = m;
            else ModelState.AddModelError(nameof(Mode), $"办理方式“{Mode}”无效。");
        }
        if (!string.IsNullOrWhiteSpace(Department) && !ApprovalCenter.Identity.Departments.IsKnown(Department))
            ModelState.AddModelError(nameof(Department), $"部门“{Department}”不存在。");
        return ModelState.IsValid ? new DeadlineFilter(Department, Item, Handler, mode) : null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Items = (await catalogs.GetAsync(ct)).Catalog.Items;
        Handlers = await board.HandlersAsync(ct);
        FailedTimers = await board.FailedTimersAsync(ct);
        WaitingRequests = await board.WaitingPromisedLimitRequestsAsync(ct);
        var f = Filter();
        if (f is null)
        {
            Response.StatusCode = 400;
            f = new DeadlineFilter(null, null, null, null);
        }
        Counts = await board.CountsAsync(f, ct);
        Weekly = await board.WeeklyAsync(f, clock.GetUtcNow(), ct);
        Rows = await board.RowsAsync(f, DeadlineBoard.RowsShown, explain: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!ReportExport.TryParse(format, out var fmt)) return BadRequest(ReportExport.FormatError);
        var f = Filter();
        if (f is null) return BadRequest(string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        return table switch
        {
            "counts" => ReportExport.File(await board.CountsAsync(f, ct), fmt, "在办件时限状态"),
            "weekly" => ReportExport.File(await board.WeeklyAsync(f, clock.GetUtcNow(), ct), fmt, "每周收件与超期趋势"),
            "cases" => ReportExport.File(DeadlineBoard.RowsTable(await board.RowsAsync(f, 10000, explain: false, ct)), fmt, "在办件清单"),
            _ => BadRequest("table 只能是 counts、weekly 或 cases"),
        };
    }
}
