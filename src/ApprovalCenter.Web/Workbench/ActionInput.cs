using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;

namespace ApprovalCenter.Web.Workbench;

/// <summary>Everything a staff action form can post. Each action reads the fields it needs and
/// turns them into the data keys the process definition requires.</summary>
public sealed class ActionInput
{
    public string? Action { get; set; }
    public string? StepId { get; set; }
    public long? Version { get; set; }

    /// <summary>One-time notice: indexes (into the item's material list) of the missing or defective materials, with a reason each.</summary>
    public List<int> Missing { get; set; } = [];
    public List<string?> Reasons { get; set; } = [];
    /// <summary>Tolerance acceptance: names of the tolerable materials still missing.</summary>
    public List<string> Tolerable { get; set; } = [];
    public bool CoreMaterialsComplete { get; set; }

    public string? RefusalReason { get; set; }
    public string? CompetentAuthority { get; set; }
    public string? Opinion { get; set; }
    public string? Procedure { get; set; }
    public int? ExpectedDays { get; set; }
    public string? ExtensionReason { get; set; }
    public int? ExtensionDays { get; set; }
    public string? DenialReason { get; set; }
    public string? DecisionNote { get; set; }
    public string? Findings { get; set; }
    public string? SupplementProblem { get; set; }
    public string? Reason { get; set; }

    public const string Prefix = "Act";

    /// <summary>The action's data, or the errors (ModelState key, message) that keep it from running.</summary>
    public (Dictionary<string, object?> Data, List<(string Key, string Message)> Errors) ToData(string action, CatalogItem? item, DateOnly? toleranceDeadline, bool blockedFromSpecialModes)
    {
        var data = new Dictionary<string, object?>();
        var errors = new List<(string, string)>();
        void Need(string? value, string field, string message, string dataKey)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(($"{Prefix}.{field}", message));
            else data[dataKey] = value.Trim();
        }
        switch (action)
        {
            case "supplement-notice":
            {
                var materials = item?.Materials ?? [];
                var picked = Missing.Distinct().Where(i => i >= 0 && i < materials.Count).OrderBy(i => i).ToList();
                if (picked.Count == 0) errors.Add(($"{Prefix}.Missing", "一次性告知须勾选所有缺少或不符合要求的材料（至少一项）"));
                var lines = new List<string>();
                foreach (var i in picked)
                {
                    var reason = i < Reasons.Count ? Reasons[i]?.Trim() : null;
                    if (string.IsNullOrEmpty(reason)) errors.Add(($"{Prefix}.Reasons_{i}", $"请填写“{materials[i].Name}”需补正的原因"));
                    else lines.Add($"{materials[i].Name}：{reason}");
                }
                if (errors.Count == 0) data["missingMaterials"] = string.Join("\n", lines);
                break;
            }
            case "accept-with-tolerance":
            {
                var tolerable = item?.TolerableMaterials.ToHashSet() ?? [];
                var picked = Tolerable.Where(tolerable.Contains).Distinct().ToList();
                if (!CoreMaterialsComplete) errors.Add(($"{Prefix}.CoreMaterialsComplete", "容缺受理须核心材料齐全，请核对后勾选“核心材料已齐全”"));
                if (picked.Count == 0) errors.Add(($"{Prefix}.Tolerable", "请勾选容缺的材料（只能是本事项的可容缺材料）"));
                if (Tolerable.Any(t => !tolerable.Contains(t))) errors.Add(($"{Prefix}.Tolerable", "所选材料不在本事项的可容缺材料清单中"));
                var by = toleranceDeadline is { } d ? $"，须于 {d:yyyy-MM-dd} 前补齐" : "";
                data["missingMaterials"] = string.Join("\n", picked.Select(p => $"{p}：容缺受理{by}"));
                data["coreMaterialsComplete"] = CoreMaterialsComplete;
                data["badCredit"] = blockedFromSpecialModes;
                if (toleranceDeadline is { } dd) data["supplementDeadline"] = dd.ToString("yyyy-MM-dd");
                break;
            }
            case "offer-commitment":
                data["badCredit"] = blockedFromSpecialModes;
                break;
            case "refuse":
                Need(RefusalReason, nameof(RefusalReason), "不予受理须写明理由", "refusalReason");
                Need(CompetentAuthority, nameof(CompetentAuthority), "不予受理须告知申请人向哪个有权机关申请", "competentAuthority");
                break;
            case "submit-opinion":
                Need(Opinion, nameof(Opinion), "请填写审查意见", "opinion");
                break;
            case "start-excluded-procedure":
                Need(Procedure, nameof(Procedure), "请选择特别程序", "procedure");
                if (ExpectedDays is not (> 0 and <= 1000)) errors.Add(($"{Prefix}.ExpectedDays", "请填写特别程序预计所需的工作日数（1至1000）"));
                else data["expectedDays"] = ExpectedDays.Value.ToString();
                break;
            case "request-extension":
                Need(ExtensionReason, nameof(ExtensionReason), "请填写延期理由（将告知申请人）", "extensionReason");
                if (ExtensionDays is not (> 0 and <= 10)) errors.Add(($"{Prefix}.ExtensionDays", "延长期限为1至10个工作日（行政许可法第四十二条）"));
                else data["extensionDays"] = ExtensionDays.Value.ToString();
                break;
            case "deny":
                Need(DenialReason, nameof(DenialReason), "不予许可须写明理由", "denialReason");
                break;
            case "approve":
                if (!string.IsNullOrWhiteSpace(DecisionNote)) data["decisionNote"] = DecisionNote.Trim();
                break;
            case "verify-false":
                Need(Findings, nameof(Findings), "请填写核查发现的不实情况", "findings");
                break;
            case "reject-supplements":
                Need(SupplementProblem, nameof(SupplementProblem), "请写明容缺材料存在的问题", "supplementProblem");
                break;
            case "return-to-review" or "reject-extension" or "revoke":
                Need(Reason, nameof(Reason), "请填写理由", "reason");
                break;
            default:
                if (!string.IsNullOrWhiteSpace(Reason)) data["reason"] = Reason.Trim();
                break;
        }
        return (data, errors);
    }

    /// <summary>The excluded procedures of ALL Art. 45, for the select list.</summary>
    public static IEnumerable<(string Value, string Name)> Procedures =>
        Enum.GetValues<ExcludedProcedure>().Select(p => (p.ToString(), ClockNames.Of(p)));
}
