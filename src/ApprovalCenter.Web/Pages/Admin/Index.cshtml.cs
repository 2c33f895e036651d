using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin;

public sealed class IndexModel : PageModel
{
    public string? Department { get; private set; }

    public void OnGet() => Department = User.FindFirst(Roles.DepartmentClaim)?.Value;
}
