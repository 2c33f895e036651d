using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Portal;

/// <summary>Base of the pages of one draft: loads the signed-in applicant's own draft and its
/// item; anything else (someone else's draft, a deleted one) is a plain 404.</summary>
public abstract class DraftPageModel(PortalService portal, UserManager<AppUser> users) : PageModel
{
    protected PortalService Portal => portal;
    protected UserManager<AppUser> Users => users;
    [FromRoute] public Guid Id { get; set; }
    public ApplicationDraft Draft { get; private set; } = null!;
    public CatalogItem Item { get; private set; } = null!;
    public AppUser Applicant { get; private set; } = null!;
    public Dictionary<string, string> Answers { get; private set; } = [];

    /// <summary>Null when loaded, else the result to return.</summary>
    protected async Task<IActionResult?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var draft = await portal.DraftAsync(Id, user.Id, HttpContext.RequestAborted);
        if (draft is null) return NotFound();
        var item = await portal.ItemAsync(draft.ItemCode, HttpContext.RequestAborted);
        if (item is null) return NotFound();
        (Applicant, Draft, Item, Answers) = (user, draft, item, PortalService.Data(draft));
        return null;
    }

    public string Answer(string key) => Answers.GetValueOrDefault(key) ?? "";

    public string TaskListUrl => $"/My/Drafts/{Id}";

    protected CaseActor Actor => ApprovalCenter.Web.Cases.CaseActors.Require(HttpContext);
}
