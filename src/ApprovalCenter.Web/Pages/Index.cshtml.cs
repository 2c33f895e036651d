using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
