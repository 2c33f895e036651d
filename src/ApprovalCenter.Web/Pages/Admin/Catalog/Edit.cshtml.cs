using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Catalog;

/// <summary>
/// Edits one item. The whole catalog with the edited item is written as a new items.json and goes
/// through the same validation as the shipped file (CatalogRules via CatalogProvider.SaveItemsAsync);
/// every error is shown at its field and nothing is saved. A saved edit is a new revision with who,
/// when and why.
/// </summary>
public sealed class EditModel(CatalogProvider catalogs) : PageModel
{
    public sealed class EditInput
    {
        [Required(ErrorMessage = "请填写法定时限")] public int? StatutoryDays { get; set; }
        [Required(ErrorMessage = "请填写承诺时限")] public int? PromisedDays { get; set; }
        // rules.md §1d, §2a, §2b per item; blank keeps the default.
        [Range(0, 100, ErrorMessage = "预警剩余工作日应为 0 至 100")] public int? WarningRemainingDays { get; set; }
        [StringLength(10, ErrorMessage = "预警已用比例应写成分数，如 2/3")] public string? WarningUsedShare { get; set; }
        [Range(1, 1000, ErrorMessage = "核查期限应为 1 至 1000 个工作日")] public int? VerificationDays { get; set; }
        [Range(1, 1000, ErrorMessage = "容缺补齐期限应为 1 至 1000 个工作日")] public int? ToleranceSupplementDays { get; set; }
        public bool Immediate { get; set; }
        public bool Tolerance { get; set; }
        public bool Commitment { get; set; }
        public bool Exemption { get; set; }
        public bool JointReview { get; set; }
        public string? CoreMaterials { get; set; }
        public string? TolerableMaterials { get; set; }
        [Required(ErrorMessage = "请填写收费标准（不收费请填“不收费”）")] public string? Fee { get; set; }
        [Required(ErrorMessage = "请填写设定依据")] public string? LegalBasis { get; set; }
        [Required(ErrorMessage = "请选择办理流程")] public string? Process { get; set; }
        [Required(ErrorMessage = "请填写修改原因")] [StringLength(500, ErrorMessage = "修改原因不超过500字")] public string? Note { get; set; }
    }

    [BindProperty] public EditInput Input { get; set; } = new();
    public CatalogItem Item { get; private set; } = null!;
    public int Revision { get; private set; }
    public IReadOnlyList<string> Processes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Input = new EditInput
        {
            StatutoryDays = Item.StatutoryDays, PromisedDays = Item.PromisedDays, Immediate = Item.Modes.Immediate,
            Tolerance = Item.Modes.Tolerance, Commitment = Item.Modes.Commitment, Exemption = Item.Modes.Exemption,
            JointReview = Item.Modes.JointReview, CoreMaterials = string.Join("\n", Item.CoreMaterials),
            WarningRemainingDays = Item.Rules.WarningRemainingDays, WarningUsedShare = Item.Rules.WarningUsedShare,
            VerificationDays = Item.Rules.VerificationDays, ToleranceSupplementDays = Item.Rules.ToleranceSupplementDays,
            TolerableMaterials = string.Join("\n", Item.TolerableMaterials), Fee = Item.Fee, LegalBasis = Item.LegalBasis, Process = Item.Process,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        var share = string.IsNullOrWhiteSpace(Input.WarningUsedShare)
            ? (ItemTimeRules.DefaultWarningUsedNumerator, ItemTimeRules.DefaultWarningUsedDenominator)
            : ItemTimeRules.ParseShare(Input.WarningUsedShare);
        if (share is null) ModelState.AddModelError("Input.WarningUsedShare", $"预警已用比例“{Input.WarningUsedShare}”应为 0 至 1 之间的分数，如 2/3");
        if (!ModelState.IsValid) return Page();
        var rules = new ItemTimeRules(Input.WarningRemainingDays ?? ItemTimeRules.DefaultWarningRemainingDays, share!.Value.Item1, share.Value.Item2,
            Input.VerificationDays ?? ItemTimeRules.DefaultVerificationDays, Input.ToleranceSupplementDays);
        var edited = Item with
        {
            StatutoryDays = Input.StatutoryDays!.Value, PromisedDays = Input.PromisedDays!.Value, Process = Input.Process!.Trim(),
            Fee = Input.Fee!.Trim(), LegalBasis = Input.LegalBasis!.Trim(), TimeRules = rules.IsDefault ? null : rules,
            Modes = new ItemModes(Input.Immediate, !Input.Immediate, Input.Tolerance, Input.Commitment, Input.Exemption, Input.JointReview),
            Materials = Lines(Input.CoreMaterials).Select(m => new Material(m, MaterialType.Core))
                .Concat(Lines(Input.TolerableMaterials).Select(m => new Material(m, MaterialType.Tolerable))).ToList(),
        };
        var snapshot = await catalogs.GetAsync(ct);
        var items = snapshot.Catalog.Items.Select(i => i.Code == code ? edited : i).ToList();
        var index = items.FindIndex(i => i.Code == code);
        var result = await catalogs.SaveItemsAsync(CatalogJson.WriteItems(items), User.Identity?.Name ?? "admin", $"{code}：{Input.Note!.Trim()}", ct);
        if (result.IsSuccess) return Redirect($"/Admin/Catalog?saved={(await catalogs.GetAsync(ct)).Revision}");
        foreach (var e in result.Errors)
        {
            var prefix = $"$.items[{index}].";
            var field = e.Path.StartsWith(prefix) ? FieldOf(e.Path[prefix.Length..]) : "";
            ModelState.AddModelError(field, e.Path.StartsWith(prefix) || e.Path == $"$.items[{index}]" ? e.Reason : $"{e.File} {e.Path}：{e.Reason}");
        }
        return Page();
    }

    private static string FieldOf(string path) => path switch
    {
        "statutoryDays" => "Input.StatutoryDays",
        "promisedDays" => "Input.PromisedDays",
        "modes" => "Input.Immediate",
        "modes.commitment" => "Input.Commitment",
        "modes.tolerance" => "Input.Tolerance",
        "modes.exemption" => "Input.Exemption",
        "materials" => "Input.CoreMaterials",
        "legalBasis" => "Input.LegalBasis",
        "process" => "Input.Process",
        "fee" => "Input.Fee",
        "timeRules.warningRemainingDays" => "Input.WarningRemainingDays",
        "timeRules.warningUsedShare" => "Input.WarningUsedShare",
        "timeRules.verificationDays" => "Input.VerificationDays",
        "timeRules.toleranceSupplementDays" => "Input.ToleranceSupplementDays",
        _ => "",
    };

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        if (snapshot.Catalog.Find(code) is not { } item) return false;
        (Item, Revision, Processes) = (item, snapshot.Revision, snapshot.Definitions.Ids.Order(StringComparer.Ordinal).ToList());
        return true;
    }
}
