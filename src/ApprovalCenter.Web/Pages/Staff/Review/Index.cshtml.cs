using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Authorization;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Staff.Review;

[Authorize(Policy = Policies.Review)]
public sealed class IndexModel : PageModel
{
    public string? Department { get; private set; }

    public void OnGet() => Department = User.FindFirst(Roles.DepartmentClaim)?.Value;
}
