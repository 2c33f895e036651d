using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Administration;
using ApprovalCenter.Catalog;
using ApprovalCenter.Exemption;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Exemptions;

/// <summary>Edits one exemption rule; each save is a new catalog revision (validated like the shipped file),
/// journaled with the reason. The rule's history and journal are shown below the form.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class EditModel(CatalogProvider catalogs, ExemptionRulesAdministration admin) : PageModel
{
    public sealed class RuleInput
    {
        public string? Category { get; set; }
        public string? Condition { get; set; }
        public string? ExemptedItem { get; set; }
        public string? ExemptedStep { get; set; }
        public string? LegalBasis { get; set; }
        public string? ValidFrom { get; set; }
        public string? ValidTo { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public RuleInput Input { get; set; } = new();
    public string Id { get; private set; } = "";
    public bool Saved { get; private set; }
    public List<ExemptionRevision> History { get; private set; } = [];
    public List<AdminJournalEntry> Journal { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, bool saved, CancellationToken ct)
    {
        var rule = (await catalogs.GetAsync(ct)).Catalog.Exemptions.FirstOrDefault(r => r.Id == id);
        if (rule is null) return NotFound();
        Id = rule.Id;
        Saved = saved;
        Input = new RuleInput
        {
            Category = rule.Category, Condition = rule.Condition.Text, ExemptedItem = rule.ExemptedItem, ExemptedStep = rule.ExemptedStep,
            LegalBasis = rule.LegalBasis, ValidFrom = rule.ValidFrom.ToString("yyyy-MM-dd"), ValidTo = rule.ValidTo?.ToString("yyyy-MM-dd"),
        };
        await LoadHistoryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        Id = id;
        ModelState.Clear();
        var from = Date(Input.ValidFrom, nameof(Input.ValidFrom), "生效日期", required: true);
        var to = Date(Input.ValidTo, nameof(Input.ValidTo), "失效日期", required: false);
        if (ModelState.IsValid)
        {
            var by = new AdminActor(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", User.Identity?.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
            var errors = await admin.SaveAsync(new ExemptionRuleEdit(id, Input.Category, Input.Condition, Input.ExemptedItem, Input.ExemptedStep, Input.LegalBasis, from, to, Input.Reason), by, ct);
            if (errors.Count == 0) return Redirect($"/Admin/Exemptions/{id}?saved=true");
            foreach (var (field, message) in errors) ModelState.AddModelError(field == "Id" ? "" : $"Input.{field}", message);
        }
        await LoadHistoryAsync(ct);
        return Page();
    }

    private DateOnly? Date(string? text, string field, string label, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) ModelState.AddModelError($"Input.{field}", $"请填写{label}");
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var d)) return d;
        ModelState.AddModelError($"Input.{field}", $"{label}“{text}”格式应为 yyyy-MM-dd");
        return null;
    }

    private async Task LoadHistoryAsync(CancellationToken ct)
    {
        History = await admin.HistoryAsync(Id, ct);
        Journal = await admin.JournalAsync(Id, ct);
    }
}
