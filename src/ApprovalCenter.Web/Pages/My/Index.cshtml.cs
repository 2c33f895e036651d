using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My;

/// <summary>The applicant's home: their own cases.</summary>
public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string KindLabel { get; private set; } = "";
    public string? CreditCode { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;
        KindLabel = user.Kind == ApplicantKind.Enterprise ? "企业" : "个人";
        CreditCode = user.CreditCode;
        return Page();
    }
}
