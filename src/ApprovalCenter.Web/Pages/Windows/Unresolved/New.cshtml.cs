using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Unresolved;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Windows.Unresolved;

/// <summary>Intake at the 办不成事 window: the clerk records what the person tried, where and when it
/// failed, the departments and the contact; an excluded matter is referred at once.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewModel(UnresolvedService service) : PageModel
{
    [BindProperty] public IntakeForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var matter = await service.IntakeAsync(Input.ToIntake(), MatterChannel.Window, CaseActors.Require(HttpContext), null, ct);
            return Redirect($"/Windows/Unresolved/{matter.Number}?done=received");
        }
        catch (UnresolvedException e)
        {
            UnresolvedWeb.AddErrors(ModelState, e);
            Response.StatusCode = e.Status;
            return Page();
        }
    }
}
