using System.Text;
using ApprovalCenter.Calendar;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Calendar;

/// <summary>Loads a year as data: parse, show the diff, then save on confirmation.</summary>
public sealed class UploadModel(CalendarProvider calendars) : PageModel
{
    [BindProperty] public string? Json { get; set; }
    [BindProperty(Name = "File")] public IFormFile? UploadedFile { get; set; }
    public CalendarDiff? Diff { get; private set; }
    public string? Saved { get; private set; }

    public static string KindName(DayKind kind) => kind switch
    {
        DayKind.Holiday => "节假日",
        DayKind.Weekend => "周末",
        DayKind.MakeUpWorkday => "调休上班",
        _ => "工作日",
    };

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (UploadedFile is { Length: > 0 })
        {
            if (UploadedFile.Length > 256 * 1024) { ModelState.AddModelError("File", $"文件“{UploadedFile.FileName}”过大：日历文件不应超过 256 KB。"); return Page(); }
            using var reader = new StreamReader(UploadedFile.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(ct);
        }
        if (Parse() is not { } year) return Page();
        var current = await calendars.GetAsync(ct);
        if (year.Year < current.CoveredFrom.Year || year.Year > current.CoveredTo.Year)
        {
            ModelState.AddModelError("Json", $"年份 {year.Year} 超出系统日历范围（{current.CoveredFrom.Year}–{current.CoveredTo.Year}）。");
            return Page();
        }
        Diff = CalendarDiff.Between(current, year);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (Parse() is not { } year) return Page();
        await calendars.SaveYearAsync(year, Json!, User.Identity?.Name ?? "admin", ct);
        Saved = $"{year.Year} 年日历已保存（{year.Source.Citation}）。相关暂定期限已重新计算。";
        Json = null;
        return Page();
    }

    private CalendarYear? Parse()
    {
        if (string.IsNullOrWhiteSpace(Json)) { ModelState.AddModelError("Json", "请选择日历文件或粘贴 JSON。"); return null; }
        if (CalendarYearParser.TryParse(Json, out var year, out var errors)) return year;
        foreach (var e in errors) ModelState.AddModelError("Json", $"{e.Field}：{e.Message}");
        return null;
    }
}
