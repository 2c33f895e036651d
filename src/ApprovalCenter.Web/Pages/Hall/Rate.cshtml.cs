using ApprovalCenter.Cases;
using ApprovalCenter.Hall;
using ApprovalCenter.Identity;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>
/// 一次一评 through the ticket's QR code (/Hall/Ticket/{code} links here): each window service of the visit is
/// rated once. Anonymous visitors rate anonymously, a signed-in applicant by real name; a staff account is shown no
/// rating form at all (staff never rate, least of all their own work).
/// </summary>
[AllowAnonymous]
public sealed class RateModel(RatingService ratings) : PageModel
{
    public HallTicket? Ticket { get; private set; }
    public List<RateableLeg> Legs { get; private set; } = [];
    public bool IsStaff { get; private set; }
    public bool Saved { get; private set; }

    [BindProperty] public Guid? Leg { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public List<string> Reasons { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Saved = saved;
        Leg = Legs.LastOrDefault(l => l.Rating is null)?.Leg.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (IsStaff) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            var actor = CaseActors.From(HttpContext);
            await ratings.RateVisitLegAsync(code, Leg, new RatingInput(Level, Reasons, Comment), actor,
                User.FindFirst("approvalcenter:display_name")?.Value, ct);
            return Redirect($"/Hall/Rate/{Uri.EscapeDataString(code)}?saved=true");
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Key switch { "level" => nameof(Level), "reasons" => nameof(Reasons), "comment" => nameof(Comment), "leg" => nameof(Leg), _ => "" }, error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
            await LoadAsync(code, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        (Ticket, Legs) = await ratings.RateableLegsAsync(code, ct);
        IsStaff = Roles.Staff.Any(User.IsInRole);
        return Ticket is not null;
    }
}
