using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My.Cases;

/// <summary>The confirmation page: the case number, big, and the dates to expect.</summary>
public sealed class SubmittedModel(PortalService portal, CaseService cases, UserManager<AppUser> users) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public ExpectedDates Dates { get; private set; } = null!;
    public DateOnly SubmittedOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number)
    {
        var userId = users.GetUserId(User);
        if (userId is null || await portal.OwnCaseAsync(number, userId) is null) return NotFound();
        var (record, _, clock) = await cases.GetAsync(number);
        Case = record;
        SubmittedOn = DateOnly.FromDateTime((record.ReceivedAt ?? record.CreatedAt).ToOffset(TimeSpan.FromHours(8)).DateTime);
        Dates = await portal.ExpectedAsync(record, clock);
        return Page();
    }
}
