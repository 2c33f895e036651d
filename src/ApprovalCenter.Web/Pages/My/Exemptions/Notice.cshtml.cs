using ApprovalCenter.Cases;
using ApprovalCenter.Exemption;
using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My.Exemptions;

/// <summary>The applicant's own exemption notice: what was decided, on which rule, and the sealed PDF. Anyone else gets 404.</summary>
public sealed class NoticeModel(ExemptionService exemptions, UserManager<AppUser> users) : PageModel
{
    public ExemptionDecision Decision { get; private set; } = null!;
    public IssuedDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await exemptions.OwnAsync(number, users.GetUserId(User) ?? "", ct) is not { } own) return NotFound();
        (Decision, Document) = own;
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(string number, CancellationToken ct)
    {
        if (await exemptions.OwnAsync(number, users.GetUserId(User) ?? "", ct) is not { } own) return NotFound();
        return File(own.Document.Pdf, "application/pdf", $"{own.Document.DocumentNumber}-{own.Document.Title}.pdf");
    }
}
