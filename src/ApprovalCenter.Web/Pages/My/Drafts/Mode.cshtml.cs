using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Section 办理方式: only the modes the item allows; the special modes are disabled (with
/// the reason) for a high-risk item or an applicant with a credit record.</summary>
public sealed class ModeModel(PortalService portal, UserManager<AppUser> users) : DraftPageModel(portal, users)
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public List<ModeOption> Options { get; private set; } = [];

    public sealed class InputModel
    {
        public CaseMode? Mode { get; set; }
        /// <summary>并联审批: what the project involves, one key of <see cref="PortalService.JointQuestions"/> each.</summary>
        public List<string> Involves { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Options = await Portal.ModesAsync(Item, Applicant.Id);
        Input.Mode = Draft.Mode;
        var answers = PortalService.Data(Draft);
        Input.Involves = PortalService.JointQuestions.Where(q => answers.GetValueOrDefault(q.Key) == "true").Select(q => q.Key).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Options = await Portal.ModesAsync(Item, Applicant.Id);
        ModelState.Clear();
        var chosen = Options.FirstOrDefault(o => o.Mode == Input.Mode);
        if (Input.Mode is null) ModelState.AddModelError("Input.Mode", "请选择办理方式。");
        else if (chosen is null) ModelState.AddModelError("Input.Mode", "本事项不提供所选的办理方式，请重新选择。");
        else if (!chosen.Enabled) ModelState.AddModelError("Input.Mode", $"不能选择“{chosen.Label}”：{chosen.DisabledReason}");
        if (!ModelState.IsValid) return Page();
        if (Draft.Mode != Input.Mode)
        {
            // The declaration signed was for the other mode's text: it has to be signed again.
            Draft.Mode = Input.Mode;
            Draft.DeclarationVersion = null;
            Draft.SignedAt = null;
        }
        // Only the known questions are kept, and only under 并联审批; other modes route nowhere.
        var joint = Input.Mode == CaseMode.Joint;
        await Portal.SaveDataAsync(Draft, PortalService.JointQuestions.ToDictionary(q => q.Key, q => joint && Input.Involves.Contains(q.Key) ? "true" : "false"));
        return Redirect(TaskListUrl);
    }
}
