using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin;

public sealed class IndexModel(ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    public string? Department { get; private set; }
    public bool ClockMovable => clock is ApprovalCenter.Clock.MovableBusinessClock;

    public void OnGet() => Department = User.FindFirst(Roles.DepartmentClaim)?.Value;
}
