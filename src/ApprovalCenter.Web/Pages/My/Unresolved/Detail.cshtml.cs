using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My.Unresolved;

/// <summary>The applicant follows one of their matters (read only): status, deadline, answer and the journal.
/// Someone else's matter is a plain 404.</summary>
public sealed class DetailModel(UnresolvedQueries queries) : PageModel
{
    public UnresolvedQueries.Detail Matter { get; private set; } = null!;
    public bool Received { get; private set; }
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(number, ct);
        if (detail is null || detail.Matter.ApplicantUserId != CaseActors.UserId(User)) return NotFound();
        Matter = detail;
        Received = done == "received";
        return Page();
    }
}
