using ApprovalCenter.Calendar;
using ApprovalCenter.Web.Hosting;
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
            return this.NotFoundBecause("没有 {0} 年的工作日历：可查看 {1} 至 {2} 年，其他年份请先上传年度日历。", Year, calendar.CoveredFrom.Year, calendar.CoveredTo.Year);
        Provisional = !calendar.IsLoaded(Year);
        Source = calendar.GetYear(Year)?.Source.Citation;
        for (var d = new DateOnly(Year, 1, 1); d.Year == Year; d = d.AddDays(1))
        {
            Kinds[d] = calendar.GetDayKind(d).Value;
            if (calendar.HolidayName(d) is { } name) Names[d] = name;
        }
        // Counted from the grid: the first covered year has no 31 December before it to count from.
        WorkingDays = Kinds.Values.Count(k => k is DayKind.Workday or DayKind.MakeUpWorkday);
        return Page();
    }
}
