using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>Appeals of bad ratings (/Supervision/Appeals): pending ones with their rating and evidence,
/// decided ones with the decision and its reason. Only supervisors decide.</summary>
public sealed class AppealsModel(AppDbContext db, AppealService appeals) : PageModel
{
    public sealed record Row(RatingAppeal Appeal, Rating Rating);
    public List<Row> Pending { get; private set; } = [];
    public List<Row> Decided { get; private set; } = [];
    public bool CanDecide => User.IsInRole(ApprovalCenter.Identity.Roles.Supervisor);
    public string? Done { get; private set; }
    public long? Posted { get; private set; }

    [BindProperty] public long AppealId { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? DecisionReason { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct) { Done = done; await LoadAsync(ct); }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Posted = AppealId;
        try
        {
            var decided = await appeals.DecideAsync(AppealId, Decision, DecisionReason, CaseActors.Require(HttpContext), ct);
            return Redirect($"/Supervision/Appeals?done={decided.Id}");
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Key == "decision" ? nameof(Decision) : nameof(DecisionReason), error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await (from a in db.Set<RatingAppeal>().AsNoTracking() join r in db.Set<Rating>().AsNoTracking() on a.RatingId equals r.Id
                          orderby a.FiledAt select new Row(a, r)).Take(500).ToListAsync(ct);
        Pending = rows.Where(r => r.Appeal.Status == AppealStatus.Pending).ToList();
        Decided = rows.Where(r => r.Appeal.Status != AppealStatus.Pending).OrderByDescending(r => r.Appeal.DecidedAt).ToList();
    }
}
