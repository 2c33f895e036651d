using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Section 声明/承诺: the declaration (normal), the tolerance commitment letter or the
/// commitment letter (告知承诺制); the version id and the signing time are stored.</summary>
public sealed class DeclarationModel(PortalService portal, UserManager<AppUser> users) : DraftPageModel(portal, users)
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public SignedText? Text { get; private set; }
    public List<string> Listed { get; private set; } = [];

    public sealed class InputModel
    {
        public bool Agree { get; set; }
    }

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        if (Draft.Mode is { } mode)
        {
            Text = PortalTexts.For(mode);
            if (mode is CaseMode.Tolerance or CaseMode.Commitment)
                Listed = PortalService.Evaluate(Draft, Item, await Portal.DraftFilesAsync(Draft.Id)).MissingTolerable.ToList();
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } fail) return fail;
        if (Text is null) ModelState.AddModelError("", "请先选择办理方式。");
        else if (!Input.Agree) ModelState.AddModelError("Input.Agree", $"请勾选同意《{Text.Title}》后再继续。");
        if (!ModelState.IsValid) return Page();
        Draft.DeclarationVersion = Text!.Version;
        Draft.SignedAt = HttpContext.RequestServices.GetRequiredService<ApprovalCenter.Clock.BusinessClock>().GetUtcNow();
        await Portal.SaveDataAsync(Draft, new Dictionary<string, string>());
        return Redirect(TaskListUrl);
    }
}
