using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Ratings;

/// <summary>
/// 一事一评: the applicant rates their own delivered matter (/My/Cases/{number}/Rate), or changes the
/// rating within 24 h. Only applicants reach it (staff accounts never see a rating screen); a case of
/// someone else is a 404, one without a result yet says when it can be rated.
/// </summary>
[Authorize(Policy = ApprovalCenter.Web.Identity.Policies.Applicant)]
public sealed class RateModel(AppDbContext db, RatingService ratings, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public Rating? Existing { get; private set; }
    public bool CanChange { get; private set; }
    public bool Saved { get; private set; }
    public DateTimeOffset? DefaultDueAt { get; private set; }

    [BindProperty] public string? Level { get; set; }
    [BindProperty] public List<string> Reasons { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        Saved = saved;
        if (Existing is not null) { Level = Existing.Level.ToString(); Reasons = Existing.ReasonCodes.ToList(); Comment = Existing.Comment; }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFound();
        var input = new RatingInput(Level, Reasons, Comment);
        try
        {
            if (Existing is null) await ratings.RateMatterAsync(number, input, CaseActors.Require(HttpContext), ct);
            else await ratings.ChangeAsync(Existing.Id, input, CaseActors.Require(HttpContext), ct);
            return Redirect($"/My/Cases/{Uri.EscapeDataString(number)}/Rate?saved=true");
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(FieldOf(error.Key), error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
            return Page();
        }
    }

    private static string FieldOf(string key) => key switch { "level" => nameof(Level), "reasons" => nameof(Reasons), "comment" => nameof(Comment), _ => "" };

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var id = CaseActors.UserId(User);
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number && c.ApplicantId == id, ct);
        if (record is null) return false;
        Case = record;
        Existing = await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == record.Id && r.Service == RatedService.Matter, ct);
        CanChange = Existing is { IsDefault: false } && RatingRules.CanChange(Existing.RatedAt, clock.GetUtcNow());
        if (record.Status == CaseStatus.Completed) DefaultDueAt = (await ratings.EnsureOfferAsync(record, ct))?.DefaultDueAt;
        return true;
    }
}
