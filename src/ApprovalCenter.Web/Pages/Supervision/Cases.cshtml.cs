using System.Globalization;
using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>Every case of every department (/Supervision/Cases), searched by number, applicant, item
/// and the day it was received; newest first, 200 at a time.</summary>
public sealed class CasesModel(AppDbContext db) : PageModel
{
    public const int Take = 200;
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public List<CaseRecord> Cases { get; private set; } = [];

    private static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Set<CaseRecord>().AsNoTracking().Where(c => c.Status != CaseStatus.Draft);
        if (!string.IsNullOrWhiteSpace(Number)) q = q.Where(c => c.Number.Contains(Number.Trim()));
        if (!string.IsNullOrWhiteSpace(Applicant)) q = q.Where(c => c.ApplicantName.Contains(Applicant.Trim()) || c.ApplicantCode == Applicant.Trim());
        if (!string.IsNullOrWhiteSpace(Item)) q = q.Where(c => c.ItemCode == Item.Trim() || c.ItemName.Contains(Item.Trim()));
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (TryDay(From, out var f)) { var at = ApprovalCenter.Clock.ClockTimer.StartOfDay(f).ToUniversalTime(); q = q.Where(c => c.ReceivedAt >= at); }
            else ModelState.AddModelError(nameof(From), "收件日期（起）格式应为 yyyy-MM-dd。");
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (TryDay(To, out var t)) { var at = ApprovalCenter.Clock.ClockTimer.StartOfDay(t.AddDays(1)).ToUniversalTime(); q = q.Where(c => c.ReceivedAt < at); }
            else ModelState.AddModelError(nameof(To), "收件日期（止）格式应为 yyyy-MM-dd。");
        }
        if (!ModelState.IsValid) { Response.StatusCode = 400; return; }
        Cases = await q.OrderByDescending(c => c.CreatedAt).Take(Take).ToListAsync(ct);
    }
}
