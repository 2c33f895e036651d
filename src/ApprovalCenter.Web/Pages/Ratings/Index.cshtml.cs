using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Ratings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Ratings;

/// <summary>
/// Staff's view of the ratings of their work (/Ratings): the clerk sees the ratings of the matters
/// they handled, a chief representative their department's, never the rater's name (only supervisors
/// and administrators see it); their open work orders; and the appeal of a bad rating.
/// </summary>
[Authorize(Policy = ApprovalCenter.Web.Identity.Policies.Staff)]
public sealed class IndexModel(RatingViews views, AppDbContext db, AppealService appeals) : PageModel
{
    public List<RatingDto> Ratings { get; private set; } = [];
    public List<WorkOrder> WorkOrders { get; private set; } = [];
    public Dictionary<Guid, RatingAppeal> Appeals { get; private set; } = [];
    public bool SeesRater => RatingViews.SeesRater(User);
    public string? Done { get; private set; }
    public Guid? Posted { get; private set; }

    [BindProperty] public Guid RatingId { get; set; }
    [BindProperty] public string? Ground { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAppealAsync(CancellationToken ct)
    {
        Posted = RatingId;
        try
        {
            await appeals.FileAsync(RatingId, Ground, Evidence, CaseActors.Require(HttpContext), ct);
            return Redirect("/Ratings?done=appeal");
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Key == "ground" ? nameof(Ground) : nameof(Evidence), error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await views.Visible(User).OrderByDescending(r => r.RatedAt).Take(200).ToListAsync(ct);
        Ratings = rows.Select(r => RatingViews.ToDto(r, User)).ToList();
        var actor = CaseActors.Require(HttpContext);
        var orders = await db.Set<WorkOrder>().AsNoTracking().Where(w => w.Step != WorkOrderStep.Closed).OrderBy(w => w.CallbackDueAt).Take(200).ToListAsync(ct);
        WorkOrders = orders.Where(w => WorkOrderService.IsAssignee(w, actor)).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        Appeals = (await db.Set<RatingAppeal>().AsNoTracking().Where(a => ids.Contains(a.RatingId)).OrderBy(a => a.FiledAt).ToListAsync(ct))
            .GroupBy(a => a.RatingId).ToDictionary(g => g.Key, g => g.Last());
    }
}
