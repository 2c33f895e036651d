using ApprovalCenter.Cases;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>
/// The supervisors' inbox of requests to exceed the promised limit (rules.md §1d), oldest first,
/// each with the case's deadlines. Approve or refuse goes to <see cref="CaseService"/> as the
/// approve-/refuse-promised-limit actions, exactly as the API would; errors come back in the
/// form's error summary, and a request whose limit has passed is refused there in Chinese.
/// </summary>
public sealed class PromisedLimitRequestsModel(CaseService cases, AppDbContext db) : PageModel
{
    public sealed record Row(PromisedLimitRequest Request, CaseRecord Case);

    public List<Row> Pending { get; private set; } = [];
    public bool CanDecide => User.IsInRole(Roles.Supervisor);
    public string? Done { get; private set; }
    /// <summary>The case whose form was posted, so its typed reason survives an error.</summary>
    public string? Posted { get; private set; }

    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? DecisionReason { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Posted = CaseNumber;
        var action = Decision switch { "approve" => ActionCatalog.ApprovePromisedLimit, "refuse" => ActionCatalog.RefusePromisedLimit, _ => null };
        if (action is null) ModelState.AddModelError(nameof(Decision), "请选择批准或不批准。");
        if (string.IsNullOrWhiteSpace(CaseNumber)) ModelState.AddModelError(nameof(CaseNumber), "请选择办件。");
        if (ModelState.IsValid)
        {
            try
            {
                var input = new Dictionary<string, object?>();
                if (!string.IsNullOrWhiteSpace(DecisionReason)) input["decisionReason"] = DecisionReason;
                await cases.ActAsync(new CaseCommand(CaseNumber!, action!, input, null, null), CaseActors.Require(HttpContext), ct);
                return Redirect($"/Supervision/PromisedLimitRequests?done={Uri.EscapeDataString(CaseNumber!)}");
            }
            catch (CaseException e)
            {
                ActionForm.AddErrors(ModelState, e);
                Response.StatusCode = e.Status;
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var pending = await cases.PendingPromisedLimitRequestsAsync(ct);
        var ids = pending.Select(p => p.CaseId).ToList();
        var byId = await db.Set<CaseRecord>().AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        Pending = pending.Where(p => byId.ContainsKey(p.CaseId)).Select(p => new Row(p, byId[p.CaseId])).ToList();
    }
}
