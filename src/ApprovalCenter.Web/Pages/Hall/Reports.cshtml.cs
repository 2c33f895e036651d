using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>Hall reports for supervisors and administrators: per day, week or month, by service,
/// counter or clerk; after-hours and Saturday counted apart. Charts with their tables; CSV and XLSX.</summary>
[Authorize(Policy = Policies.Supervision)]
public sealed class ReportsModel(HallReports reports, HallOperations hall) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? By { get; set; }
    public HallReportQuery Query { get; private set; } = null!;
    public ReportTable Visits { get; private set; } = null!;
    public ReportTable Hours { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken ct)
    {
        if (!ReportExport.TryParse(format, out var f)) ModelState.AddModelError("format", ReportExport.FormatError);
        if (table is not ("visits" or "hours")) ModelState.AddModelError("table", "请选择要导出的表。");
        await LoadAsync(ct);
        if (!ModelState.IsValid) { Response.StatusCode = 400; return Page(); }
        return ReportExport.File(table == "hours" ? Hours : Visits, f, table == "hours" ? "延时与周六服务统计" : "大厅服务统计");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!HallReportQuery.TryParse(Period, Date, By, HallOperations.DayOf(hall.Now()), out var q, out var error))
            ModelState.AddModelError(error!.Value.Field == "period" ? nameof(Period) : nameof(By), error.Value.Message);
        Query = q;
        (Visits, Hours) = await HallReportTables.BuildAsync(reports, q, ct);
    }
}
