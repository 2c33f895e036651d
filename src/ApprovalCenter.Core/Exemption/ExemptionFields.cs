using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalCenter.Catalog;

namespace ApprovalCenter.Exemption;

public enum ExemptionFieldKind { Number, Choice, YesNo }

/// <summary>A fact an exemption condition may read. The self-check form asks exactly these, with
/// a Chinese label, so a rule can only use facts an applicant can be asked about.</summary>
public sealed record ExemptionField(string Key, string Label, ExemptionFieldKind Kind, string? Unit = null, IReadOnlyList<string>? Choices = null);

/// <summary>The known facts and how answers to them are read and explained. Pure.</summary>
public static partial class ExemptionFields
{
    public static readonly IReadOnlyList<ExemptionField> All =
    [
        new("projectInvestment", "工程投资额", ExemptionFieldKind.Number, "元"),
        new("buildingArea", "建筑面积", ExemptionFieldKind.Number, "平方米"),
        new("voltageKv", "电压等级", ExemptionFieldKind.Number, "千伏"),
        new("projectType", "项目类型", ExemptionFieldKind.Choice, Choices: ["房屋建筑", "电力线路", "市政道路", "其他"]),
        new("eiaCategory", "环评项目类别", ExemptionFieldKind.Choice, Choices: ["城市道路维护", "仓储", "通信基站", "其他"]),
        new("newConstruction", "是否新建或扩建", ExemptionFieldKind.YesNo),
        new("hazardousGoods", "是否储存油品、危险品或化学品", ExemptionFieldKind.YesNo),
    ];

    public static ExemptionField? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The fields the rules read, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<ExemptionField> UsedBy(IEnumerable<ExemptionRule> rules)
    {
        var keys = rules.SelectMany(r => r.Condition.Keys).ToHashSet();
        return All.Where(f => keys.Contains(f.Key)).ToList();
    }

    /// <summary>Reads the raw form answers into typed data for the condition, or Chinese errors by field key.
    /// Every asked field is required: a rule must never be decided on a fact the applicant did not give.</summary>
    public static (Dictionary<string, object?> Data, List<(string Key, string Message)> Errors) Read(IReadOnlyList<ExemptionField> fields, IReadOnlyDictionary<string, string?> raw)
    {
        var data = new Dictionary<string, object?>();
        var errors = new List<(string, string)>();
        foreach (var f in fields)
        {
            var text = raw.GetValueOrDefault(f.Key)?.Trim();
            if (string.IsNullOrEmpty(text)) { errors.Add((f.Key, $"请填写“{f.Label}”")); continue; }
            switch (f.Kind)
            {
                case ExemptionFieldKind.Number:
                    if (decimal.TryParse(text.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n >= 0 && n < 1_000_000_000_000m) data[f.Key] = n;
                    else errors.Add((f.Key, $"“{f.Label}”应为不小于 0 的数字（单位：{f.Unit}）"));
                    break;
                case ExemptionFieldKind.Choice:
                    if (f.Choices!.Contains(text)) data[f.Key] = text;
                    else errors.Add((f.Key, $"请从列表中选择“{f.Label}”"));
                    break;
                default:
                    if (text is "true" or "false") data[f.Key] = text == "true";
                    else errors.Add((f.Key, $"请选择“{f.Label}”：是或否"));
                    break;
            }
        }
        return (data, errors);
    }

    /// <summary>An answer as the applicant reads it, e.g. "建筑面积：400 平方米".</summary>
    public static string Describe(ExemptionField f, object? value) => $"{f.Label}：" + value switch
    {
        decimal d => $"{d.ToString("#,0.##", CultureInfo.InvariantCulture)} {f.Unit}",
        bool b => b ? "是" : "否",
        _ => value?.ToString() ?? "未填写",
    };

    [GeneratedRegex(@"'[^']*'|<=|>=|==|!=|&&|\|\||[<>!]|\b[A-Za-z_][A-Za-z0-9_]*\b|\d+(\.\d+)?")]
    private static partial Regex Token();

    /// <summary>The condition in Chinese, e.g. "工程投资额 ≤ 1,000,000 元 或 建筑面积 ≤ 500 平方米", so the
    /// notice and the refusal state the rule in words the applicant knows.</summary>
    public static string Readable(string condition)
    {
        string? unit = null;
        return Token().Replace(condition, m =>
        {
            var t = m.Value;
            switch (t)
            {
                case "and" or "&&": return "且";
                case "or" or "||": return "或";
                case "not" or "!": return "非";
                case "<=": return "≤";
                case ">=": return "≥";
                case "==": return "为";
                case "!=": return "不为";
                case "true": return "是";
                case "false": return "否";
            }
            if (t.StartsWith('\'')) return "“" + t.Trim('\'') + "”";
            if (char.IsDigit(t[0]) && decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
            {
                var text = n.ToString("#,0.##", CultureInfo.InvariantCulture) + (unit is null ? "" : " " + unit);
                unit = null;
                return text;
            }
            if (Find(t) is { } f) { unit = f.Unit; return f.Label; }
            return t;
        });
    }
}
