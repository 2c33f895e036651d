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

/// <summary>One bad-rating work order (/Ratings/WorkOrders/{id}) for its assignees: the rating
/// (without the rater's name unless the reader is a supervisor), the deadlines, the form of the
/// current step, and the journal. A step posted out of order is refused in the error summary.</summary>
[Authorize(Policy = ApprovalCenter.Web.Identity.Policies.Staff)]
public sealed class WorkOrderModel(AppDbContext db, WorkOrderService orders) : PageModel
{
    public WorkOrder Order { get; private set; } = null!;
    public RatingDto Rating { get; private set; } = null!;
    public List<RatingJournalEntry> Journal { get; private set; } = [];
    /// <summary>The journal names the rater only to those who may know them.</summary>
    public string Who(RatingJournalEntry j) => j.Actor == _raterId && !RatingViews.SeesRater(User) ? "评价人" : j.ActorName;
    private string _raterId = "";

    [BindProperty] public string? Step { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public bool? ComplaintValid { get; set; }
    [BindProperty] public string? RaterView { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await orders.ActAsync(id, Step, new WorkOrderStepInput(Outcome, ComplaintValid, RaterView: RaterView), CaseActors.Require(HttpContext), ct);
            return Redirect($"/Ratings/WorkOrders/{id}");
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors)
                ModelState.AddModelError(error.Key switch { "complaintValid" => nameof(ComplaintValid), "raterView" => nameof(RaterView), "step" => nameof(Step), _ => nameof(Outcome) }, error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var order = await db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (order is null || !WorkOrderService.IsAssignee(order, CaseActors.Require(HttpContext))) return false;
        Order = order;
        var rating = await db.Set<Rating>().AsNoTracking().FirstAsync(r => r.Id == order.RatingId, ct);
        _raterId = rating.RaterId;
        Rating = RatingViews.ToDto(rating, User);
        Journal = await db.Set<RatingJournalEntry>().AsNoTracking().Where(j => j.RatingId == order.RatingId).OrderBy(j => j.Id).ToListAsync(ct);
        return true;
    }
}
