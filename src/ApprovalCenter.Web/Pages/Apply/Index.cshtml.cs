using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Apply;

/// <summary>Starts an application for an item: a draft is created on POST (a GET never creates state).</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class IndexModel(PortalService portal, UserManager<AppUser> users) : PageModel
{
    public CatalogItem Item { get; private set; } = null!;
    public List<ApplicationDraft> Existing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await portal.ItemAsync(code) is not { } item) return NotFound();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Item = item;
        Existing = (await portal.DraftsOfAsync(user.Id)).Where(d => d.ItemCode == item.Code).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await portal.ItemAsync(code) is not { } item) return NotFound();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var draft = await portal.CreateDraftAsync(item, user);
        return Redirect($"/My/Drafts/{draft.Id}");
    }
}
