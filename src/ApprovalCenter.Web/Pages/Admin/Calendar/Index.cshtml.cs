using ApprovalCenter.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Calendar;

/// <summary>A year as a month grid: holidays, make-up days and provisional months marked.</summary>
public sealed class IndexModel(CalendarProvider calendars) : PageModel
{
    public int Year { get; private set; }
    public bool Provisional { get; private set; }
    public string? Source { get; private set; }
    public int WorkingDays { get; private set; }
    public Dictionary<DateOnly, DayKind> Kinds { get; } = [];
    public Dictionary<DateOnly, string> Names { get; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        Year = year ?? DateTime.Today.Year;
        if (Year < calendar.CoveredFrom.Year || Year > calendar.CoveredTo.Year)
            return RedirectToPage(new { year = Math.Clamp(Year, calendar.CoveredFrom.Year, calendar.CoveredTo.Year) });
        Provisional = !calendar.IsLoaded(Year);
        Source = calendar.GetYear(Year)?.Source.Citation;
        for (var d = new DateOnly(Year, 1, 1); d.Year == Year; d = d.AddDays(1))
        {
            Kinds[d] = calendar.GetDayKind(d).Value;
            if (calendar.HolidayName(d) is { } name) Names[d] = name;
        }
        WorkingDays = calendar.CountWorkingDays(new DateOnly(Year - 1, 12, 31), new DateOnly(Year, 12, 31)).Value;
        return Page();
    }
}
