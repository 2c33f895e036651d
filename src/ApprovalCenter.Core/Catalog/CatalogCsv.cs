using System.Text;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Catalog;

/// <summary>
/// Reads and writes the catalog in the CSV layout of items.csv (RFC 4180 quoting; materials
/// separated by ';'), so an administrator can export the catalog, edit it in a spreadsheet and
/// import it again. Pure: text in, text out. Columns not in the CSV get their defaults
/// (fee 不收费, process from the immediate flag, no exemption, not joint, not high-risk).
/// </summary>
public static class CatalogCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["code", "department", "name", "kind", "statutory_days", "promised_days", "immediate", "tolerance_allowed", "commitment_allowed", "core_materials", "tolerable_materials", "legal_basis", "source_url"];

    /// <summary>Optional per-item settings (rules.md §1d, §2a, §2b): written only when some item has its own,
    /// so the reference layout stays as it is; a blank cell is the default.</summary>
    public static readonly IReadOnlyList<string> TimeRuleColumns =
        ["warning_remaining_days", "warning_used_share", "verification_days", "tolerance_supplement_days"];

    public static LoadResult<IReadOnlyList<CatalogItem>> Read(string fileName, string text)
    {
        var errors = new List<LoadError>();
        var rows = Parse(text, out var parseError);
        if (parseError is not null) return LoadResult<IReadOnlyList<CatalogItem>>.Failure([new LoadError(fileName, "$", parseError)]);
        if (rows.Count == 0) return LoadResult<IReadOnlyList<CatalogItem>>.Failure([new LoadError(fileName, "$", "文件为空")]);
        var header = rows[0];
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0) return LoadResult<IReadOnlyList<CatalogItem>>.Failure([new LoadError(fileName, "第1行", $"缺少列：{string.Join("、", missing)}")]);
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var items = new List<CatalogItem>();
        for (var i = 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Count == 1 && row[0].Length == 0) continue;
            var at = $"第{i + 1}行";
            if (row.Count != header.Count) { errors.Add(new LoadError(fileName, at, $"应有{header.Count}列，实际{row.Count}列")); continue; }
            string Col(string c) => row[index[c]].Trim();
            int? Int(string c)
            {
                if (int.TryParse(Col(c), out var v) && v >= 0) return v;
                errors.Add(new LoadError(fileName, $"{at}.{c}", $"“{Col(c)}”不是非负整数")); return null;
            }
            bool? Flag(string c)
            {
                switch (Col(c)) { case "Y": return true; case "N": return false; }
                errors.Add(new LoadError(fileName, $"{at}.{c}", $"应为 Y 或 N，实际为“{Col(c)}”")); return null;
            }
            var (statutory, promised) = (Int("statutory_days"), Int("promised_days"));
            var (immediate, tolerance, commitment) = (Flag("immediate"), Flag("tolerance_allowed"), Flag("commitment_allowed"));
            if (statutory is null || promised is null || immediate is null || tolerance is null || commitment is null) continue;
            var materials = Split(Col("core_materials")).Select(m => new Material(m, MaterialType.Core))
                .Concat(Split(Col("tolerable_materials")).Select(m => new Material(m, MaterialType.Tolerable))).ToList();
            var source = Col("source_url") == "INFERRED" ? ItemSource.InferredSource : new ItemSource(false, Col("source_url"));
            string Opt(string c) => header.IndexOf(c) is var k and >= 0 ? row[k].Trim() : "";
            int? OptInt(string c)
            {
                if (Opt(c).Length == 0) return null;
                if (int.TryParse(Opt(c), out var v) && v >= 0) return v;
                errors.Add(new LoadError(fileName, $"{at}.{c}", $"“{Opt(c)}”不是非负整数")); return null;
            }
            var d = ItemTimeRules.Defaults;
            var share = Opt("warning_used_share").Length == 0 ? (d.WarningUsedNumerator, d.WarningUsedDenominator) : ItemTimeRules.ParseShare(Opt("warning_used_share"));
            if (share is null) errors.Add(new LoadError(fileName, $"{at}.warning_used_share", $"预警已用比例“{Opt("warning_used_share")}”应为 0 至 1 之间的分数，如 2/3"));
            var rules = new ItemTimeRules(OptInt("warning_remaining_days") ?? d.WarningRemainingDays, share?.Item1 ?? d.WarningUsedNumerator,
                share?.Item2 ?? d.WarningUsedDenominator, OptInt("verification_days") ?? d.VerificationDays, OptInt("tolerance_supplement_days"));
            items.Add(new CatalogItem(Col("code"), Col("department"), Col("name"), Col("kind"), statutory.Value, promised.Value,
                CatalogItem.DefaultProcess(immediate.Value), CatalogItem.DefaultFee,
                new ItemModes(immediate.Value, !immediate.Value, tolerance.Value, commitment.Value, false, false),
                false, materials, Col("legal_basis"), source,
                // Without the optional columns the file says nothing about them: null, and the import keeps the item's own.
                TimeRules: TimeRuleColumns.Any(header.Contains) ? rules : null));
        }
        return LoadResult<IReadOnlyList<CatalogItem>>.From(() => items, errors);
    }

    public static string Write(IEnumerable<CatalogItem> items)
    {
        var list = items.ToList();
        var withRules = list.Any(i => !i.Rules.IsDefault);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', withRules ? Columns.Concat(TimeRuleColumns) : Columns)).Append('\n');
        foreach (var it in list)
        {
            string[] cells =
            [
                it.Code, it.Department, it.Name, it.Kind, it.StatutoryDays.ToString(), it.PromisedDays.ToString(),
                it.Modes.Immediate ? "Y" : "N", it.Modes.Tolerance ? "Y" : "N", it.Modes.Commitment ? "Y" : "N",
                string.Join(';', it.CoreMaterials), string.Join(';', it.TolerableMaterials), it.LegalBasis, it.Source.CsvValue,
            ];
            if (withRules)
            {
                var r = it.Rules;
                cells = [.. cells, r.WarningRemainingDays.ToString(), r.WarningUsedShare, r.VerificationDays.ToString(), r.ToleranceSupplementDays?.ToString() ?? ""];
            }
            sb.Append(string.Join(',', cells.Select(Quote))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Quotes a field only when it contains a comma, quote or line break (RFC 4180).</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Splits RFC 4180 text into rows of fields; quoted fields may hold commas, quotes and line breaks.</summary>
    public static List<List<string>> Parse(string text, out string? error)
    {
        error = null;
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        var quoted = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (quoted) { error = "引号未闭合"; return rows; }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    private static IEnumerable<string> Split(string s) => s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
