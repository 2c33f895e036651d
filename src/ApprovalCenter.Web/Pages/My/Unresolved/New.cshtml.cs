using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Unresolved;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My.Unresolved;

/// <summary>An applicant reports online that they could not get something done; they follow it at /My/Unresolved.</summary>
public sealed class NewModel(UnresolvedService service) : PageModel
{
    [BindProperty] public IntakeForm Input { get; set; } = new();

    public void OnGet() => Input.PersonName = CaseActors.DisplayName(User);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var actor = CaseActors.Require(HttpContext);
            var matter = await service.IntakeAsync(Input.ToIntake(), MatterChannel.Online, actor, actor.UserId, ct);
            return Redirect($"/My/Unresolved/{matter.Number}?done=received");
        }
        catch (UnresolvedException e)
        {
            UnresolvedWeb.AddErrors(ModelState, e);
            Response.StatusCode = e.Status;
            return Page();
        }
    }
}
