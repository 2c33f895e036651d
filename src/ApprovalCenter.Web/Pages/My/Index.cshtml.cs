using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.My;

/// <summary>The applicant's home: their own cases.</summary>
public sealed class IndexModel(UserManager<AppUser> users, ApprovalCenter.Web.Portal.PortalService portal,
    ApprovalCenter.Cases.LicenceRegister licences, ApprovalCenter.Clock.BusinessClock clock, ApprovalCenter.Exemption.ExemptionService exemptions) : PageModel
{
    public List<ApprovalCenter.Exemption.ExemptionDecision> Exemptions { get; private set; } = [];
    public List<ApprovalCenter.Cases.HeldLicence> Licences { get; private set; } = [];
    public DateOnly Today => ApprovalCenter.Cases.ClockDating.ChinaDate(clock.GetUtcNow());
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
        Licences = await licences.HeldByAsync(user.Id);
        Exemptions = await exemptions.OfApplicantAsync(user.Id);
        foreach (var d in await portal.DraftsOfAsync(user.Id))
            Drafts.Add(new(d.Id, d.ItemCode, (await portal.ItemAsync(d.ItemCode))?.Name ?? d.ItemCode, d.UpdatedAt));
        Cases = (await portal.CasesOfAsync(user.Id)).Select(c => new CaseRow(c.Number, c.ItemName,
            c.Status == ApprovalCenter.Cases.CaseStatus.Completed ? "已办结" : string.Join("；", c.Steps.Select(ApprovalCenter.Web.Portal.PortalTexts.StepName)), c.CreatedAt)).ToList();
        return Page();
    }

    /// <summary>Starts a renewal application for one of the applicant's licences: a draft of the item that renews it,
    /// naming the licence. Too late (less than 30 days before the expiry) is said here, before any form is filled.</summary>
    public async Task<IActionResult> OnPostRenewAsync(string? licence)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var held = (await licences.HeldByAsync(user.Id)).FirstOrDefault(l => l.Licence.Number == licence);
        if (held is null) ModelState.AddModelError("licence", "未找到您名下的这份证照");
        else if (held.Licence.RenewalCaseNumber is { } open) ModelState.AddModelError("licence", $"该证照已有延续申请正在办理（{open}）");
        else if (ApprovalCenter.Cases.Renewal.Refusal(Today, held.Licence.ValidUntil) is { } late) ModelState.AddModelError("licence", late);
        else if (held.RenewalItem is null) ModelState.AddModelError("licence", "事项目录中没有该证照的延续事项，请到窗口咨询");
        if (!ModelState.IsValid) return await OnGetAsync();
        var draft = await portal.CreateDraftAsync(held!.RenewalItem!, user, renewsLicence: held.Licence.Number);
        return Redirect($"/My/Drafts/{draft.Id}");
    }
}
