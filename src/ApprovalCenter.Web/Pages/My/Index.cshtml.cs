using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My;

/// <summary>The applicant's home: their own cases.</summary>
public sealed class IndexModel(UserManager<AppUser> users, ApprovalCenter.Web.Portal.PortalService portal) : PageModel
{
    public sealed record DraftRow(Guid Id, string ItemCode, string ItemName, DateTimeOffset UpdatedAt);
    public sealed record CaseRow(string Number, string ItemName, string Status, DateTimeOffset CreatedAt);
    public List<DraftRow> Drafts { get; private set; } = [];
    public List<CaseRow> Cases { get; private set; } = [];

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
        foreach (var d in await portal.DraftsOfAsync(user.Id))
            Drafts.Add(new(d.Id, d.ItemCode, (await portal.ItemAsync(d.ItemCode))?.Name ?? d.ItemCode, d.UpdatedAt));
        Cases = (await portal.CasesOfAsync(user.Id)).Select(c => new CaseRow(c.Number, c.ItemName,
            c.Status == ApprovalCenter.Cases.CaseStatus.Completed ? "已办结" : string.Join("；", c.Steps.Select(ApprovalCenter.Web.Portal.PortalTexts.StepName)), c.CreatedAt)).ToList();
        return Page();
    }
}
