using System.Globalization;
using System.Text.Json;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Catalog;

/// <summary>
/// Loads the catalog from its three JSON files (departments, items, exemptions). Every error in
/// every file is reported with file, JSON path and a Chinese reason; if there is any error the
/// result has no catalog at all, so cases never start against a partly checked catalog.
/// </summary>
public static class CatalogLoader
{
    public static LoadResult<ApprovalCatalog> Load(SourceFile departmentsFile, SourceFile itemsFile, SourceFile exemptionsFile, IReadOnlyCollection<string> knownProcesses)
    {
        var errors = new List<LoadError>();
        var departments = ReadDepartments(departmentsFile, errors);
        var items = ReadItems(itemsFile, errors, out var itemsParsed);
        var before = errors.Count;
        var exemptions = ReadExemptions(exemptionsFile, errors);
        var exemptionsParsed = errors.Count == before;
        if (itemsParsed)
            errors.AddRange(CatalogRules.Check(items, departments.Select(d => d.Name).ToList(), knownProcesses, itemsFile.Name, i => $"$.items[{i}]"));
        // Cross-file checks only when both files read cleanly, so one mistake is not reported twice.
        if (!itemsParsed || !exemptionsParsed) return LoadResult<ApprovalCatalog>.From(() => null!, errors);
        var codes = items.Select(i => i.Code).ToHashSet();
        for (var i = 0; i < exemptions.Count; i++)
            if (exemptions[i].ExemptedItem is { } code && !codes.Contains(code))
                errors.Add(new LoadError(exemptionsFile.Name, $"$.rules[{i}].exempts.item", $"豁免规则引用了不存在的事项“{code}”"));
        for (var i = 0; i < items.Count; i++)
            if (items[i].Modes.Exemption && !exemptions.Any(r => r.ExemptedItem == items[i].Code))
                errors.Add(new LoadError(itemsFile.Name, $"$.items[{i}].modes.exemption", $"事项“{items[i].Code}”标记为可豁免，但豁免清单中没有对应规则"));
        return LoadResult<ApprovalCatalog>.From(() => new ApprovalCatalog(departments, items, exemptions), errors);
    }

    private static List<Department> ReadDepartments(SourceFile file, List<LoadError> errors)
    {
        var r = new JsonReading(file.Name);
        var list = new List<Department>();
        using var doc = r.Parse(file.Text);
        if (doc is not null && r.RequireObject(doc.RootElement, "$"))
        {
            foreach (var (e, p) in r.Array(doc.RootElement, "departments", "$", required: true))
            {
                if (!r.RequireObject(e, p)) continue;
                var code = r.String(e, "code", p); var name = r.String(e, "name", p);
                if (code is null || name is null) continue;
                if (list.Any(d => d.Code == code || d.Name == name)) r.Error(p, $"部门“{name}”（{code}）重复");
                else list.Add(new Department(code, name, r.String(e, "fullName", p, required: false) ?? name));
            }
        }
        errors.AddRange(r.Errors);
        return list;
    }

    private static List<CatalogItem> ReadItems(SourceFile file, List<LoadError> errors, out bool parsed)
    {
        var r = new JsonReading(file.Name);
        var list = new List<CatalogItem>();
        using var doc = r.Parse(file.Text);
        parsed = doc is not null;
        if (doc is not null && r.RequireObject(doc.RootElement, "$"))
        {
            foreach (var (e, p) in r.Array(doc.RootElement, "items", "$", required: true))
                if (r.RequireObject(e, p) && ReadItem(e, p, r) is { } item) list.Add(item);
        }
        parsed = parsed && r.Errors.Count == 0;
        errors.AddRange(r.Errors);
        return list;
    }

    private static CatalogItem? ReadItem(JsonElement e, string p, JsonReading r)
    {
        var code = r.String(e, "code", p); var dept = r.String(e, "department", p); var name = r.String(e, "name", p);
        var kind = r.String(e, "kind", p); var statutory = r.Int(e, "statutoryDays", p); var promised = r.Int(e, "promisedDays", p);
        var process = r.String(e, "process", p); var fee = r.String(e, "fee", p, required: false) ?? CatalogItem.DefaultFee;
        var basis = r.String(e, "legalBasis", p); var high = r.Bool(e, "highRisk", p, required: false) ?? false;
        ItemModes? modes = null;
        if (e.TryGetProperty("modes", out var m) && r.RequireObject(m, $"{p}.modes"))
        {
            var mp = $"{p}.modes";
            var f = new[] { "immediate", "promised", "tolerance", "commitment", "exemption", "jointReview" }.Select(n => r.Bool(m, n, mp)).ToArray();
            if (f.All(x => x is not null)) modes = new ItemModes(f[0]!.Value, f[1]!.Value, f[2]!.Value, f[3]!.Value, f[4]!.Value, f[5]!.Value);
        }
        else if (!e.TryGetProperty("modes", out _)) r.Error($"{p}.modes", "缺少必填字段“modes”");
        var materials = new List<Material>();
        foreach (var (x, xp) in r.Array(e, "materials", p, required: true))
        {
            if (!r.RequireObject(x, xp)) continue;
            var mn = r.String(x, "name", xp); var mt = r.String(x, "type", xp);
            if (mt is not null and not ("core" or "tolerable")) { r.Error($"{xp}.type", $"材料类型应为 core（核心）或 tolerable（容缺），实际为“{mt}”"); continue; }
            if (mn is not null && mt is not null) materials.Add(new Material(mn, mt == "core" ? MaterialType.Core : MaterialType.Tolerable));
        }
        ItemSource? source = null;
        if (e.TryGetProperty("source", out var s) && r.RequireObject(s, $"{p}.source"))
        {
            var sk = r.String(s, "kind", $"{p}.source");
            if (sk == "inferred") source = ItemSource.InferredSource;
            else if (sk == "sourced" && r.String(s, "url", $"{p}.source") is { } url) source = new ItemSource(false, url);
            else if (sk is not null and not "sourced") r.Error($"{p}.source.kind", $"来源类型应为 sourced 或 inferred，实际为“{sk}”");
        }
        else if (!e.TryGetProperty("source", out _)) r.Error($"{p}.source", "缺少必填字段“source”");
        if (code is null || dept is null || name is null || kind is null || statutory is null || promised is null || process is null || basis is null || modes is null || source is null)
            return null;
        var timeRules = ReadTimeRules(e, p, r);
        return new CatalogItem(code, dept, name, kind, statutory.Value, promised.Value, process, fee, modes, high, materials, basis, source,
            r.String(e, "note", p, required: false), timeRules);
    }

    /// <summary>The optional "timeRules" object (rules.md §1d, §2a, §2b); each absent field keeps its default.</summary>
    private static ItemTimeRules? ReadTimeRules(JsonElement e, string p, JsonReading r)
    {
        if (!e.TryGetProperty("timeRules", out var t)) return null;
        var tp = $"{p}.timeRules";
        if (!r.RequireObject(t, tp)) return null;
        var d = ItemTimeRules.Defaults;
        var rules = d with
        {
            WarningRemainingDays = r.Int(t, "warningRemainingDays", tp, required: false) ?? d.WarningRemainingDays,
            VerificationDays = r.Int(t, "verificationDays", tp, required: false) ?? d.VerificationDays,
            ToleranceSupplementDays = r.Int(t, "toleranceSupplementDays", tp, required: false),
        };
        if (r.String(t, "warningUsedShare", tp, required: false) is { } share)
        {
            if (ItemTimeRules.ParseShare(share) is { } f) rules = rules with { WarningUsedNumerator = f.Numerator, WarningUsedDenominator = f.Denominator };
            else r.Error($"{tp}.warningUsedShare", $"预警已用比例“{share}”应为 0 至 1 之间的分数，如 2/3");
        }
        return rules;
    }

    /// <summary>The rules of an exemptions file alone (no cross-checks), e.g. to show an old revision's rule.</summary>
    public static IReadOnlyList<ExemptionRule> ReadExemptionRules(SourceFile file) => ReadExemptions(file, []);

    private static List<ExemptionRule> ReadExemptions(SourceFile file, List<LoadError> errors)
    {
        var r = new JsonReading(file.Name);
        var list = new List<ExemptionRule>();
        using var doc = r.Parse(file.Text);
        if (doc is not null && r.RequireObject(doc.RootElement, "$"))
        {
            foreach (var (e, p) in r.Array(doc.RootElement, "rules", "$", required: true))
            {
                if (!r.RequireObject(e, p)) continue;
                var id = r.String(e, "id", p); var category = r.String(e, "category", p); var basis = r.String(e, "legalBasis", p);
                var condition = r.ConditionField(e, "condition", p);
                string? item = null, step = null;
                if (e.TryGetProperty("exempts", out var x) && r.RequireObject(x, $"{p}.exempts"))
                { item = r.String(x, "item", $"{p}.exempts", required: false); step = r.String(x, "step", $"{p}.exempts"); }
                else if (!e.TryGetProperty("exempts", out _)) r.Error($"{p}.exempts", "缺少必填字段“exempts”");
                var from = Date(r, e, "validFrom", p, true); var to = Date(r, e, "validTo", p, false);
                if (from is not null && to is not null && to < from) r.Error($"{p}.validTo", "失效日期早于生效日期");
                if (id is null || category is null || basis is null || condition is null || step is null || from is null) continue;
                if (list.Any(l => l.Id == id)) { r.Error($"{p}.id", $"豁免规则编号“{id}”重复"); continue; }
                list.Add(new ExemptionRule(id, category, condition, item, step, basis, from.Value, to));
            }
        }
        errors.AddRange(r.Errors);
        return list;
    }

    private static DateOnly? Date(JsonReading r, JsonElement e, string name, string p, bool required)
    {
        var text = r.String(e, name, p, required);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        r.Error($"{p}.{name}", $"日期“{text}”格式应为 yyyy-MM-dd");
        return null;
    }
}
