using ApprovalCenter.Catalog;
using ApprovalCenter.Exemption;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Guide;

/// <summary>The exemption self-check (豁免自查, rules.md §2c): asks exactly the facts the item's rules read;
/// the server decides. Exempt → the sealed notice at once (no case); otherwise which condition was not met.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class ExemptionModel(ExemptionService exemptions, UserManager<AppUser> users) : PageModel
{
    public CatalogItem Item { get; private set; } = null!;
    public IReadOnlyList<ExemptionRule> Rules { get; private set; } = [];
    public IReadOnlyList<ExemptionField> Fields { get; private set; } = [];
    public Dictionary<string, string?> Answers { get; } = [];
    public ExemptionOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct) =>
        await LoadAsync(code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } notFound) return notFound;
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        foreach (var f in Fields) Answers[f.Key] = Request.Form[f.Key].FirstOrDefault();
        var result = await exemptions.CheckAsync(Item.Code, Answers, user, ct);
        foreach (var (key, message) in result.Errors) ModelState.AddModelError(key, message);
        if (result.Decision is { } decision) return Redirect($"/My/Exemptions/{decision.Number}");
        Outcome = result.Outcome;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var (item, rules, fields) = await exemptions.FormAsync(code ?? "", ct);
        if (item is null) return this.NotFoundBecause("没有编码为“{0}”的事项，请从办事指南中选择。", InputText.Printable(code ?? "", 40));
        if (rules.Count == 0) return this.NotFoundBecause("事项“{0}”没有现行的豁免规则，请直接申请办理。", item.Name);
        (Item, Rules, Fields) = (item, rules, fields);
        return null;
    }
}
