using System.Globalization;

namespace ApprovalCenter.Cases;

/// <summary>One licence line of an import into the register, as typed (before the holder and item are looked up).</summary>
public sealed record LicenceLine(int Line, string Number, string Holder, string ItemCode, DateOnly ValidFrom, DateOnly ValidUntil);

/// <summary>A problem on one line of an import: the line (1 = the first data row), the column and why, in Chinese.</summary>
public sealed record LicenceLineError(int Line, string Column, string Reason)
{
    public override string ToString() => $"第 {Line} 行“{Column}”：{Reason}";
}

/// <summary>
/// The columns of a licence register import (CSV or XLSX with a heading row) and the checks that need no
/// database: every column present, a number, dates as yyyy-MM-dd with the term's start before its end, no number twice.
/// Licences issued before the system (or by the departments before the bureau took the items over) enter the
/// register this way, so that their holders can apply for renewal (ALL Art. 50) against a server-held expiry.
/// </summary>
public static class LicenceImport
{
    public const string Number = "证照编号", Holder = "持证人", ItemCode = "事项编码", ValidFrom = "有效期起", ValidUntil = "有效期至";
    public static readonly IReadOnlyList<string> Columns = [Number, Holder, ItemCode, ValidFrom, ValidUntil];
    public const int MaxLines = 5000;

    public static (List<LicenceLine> Lines, List<LicenceLineError> Errors) Parse(IReadOnlyList<IReadOnlyDictionary<string, string?>> rows)
    {
        var lines = new List<LicenceLine>();
        var errors = new List<LicenceLineError>();
        if (rows.Count == 0) { errors.Add(new(0, Number, "文件没有数据行")); return (lines, errors); }
        if (rows.Count > MaxLines) { errors.Add(new(0, Number, $"一次最多导入 {MaxLines} 行，文件有 {rows.Count} 行")); return (lines, errors); }
        var missing = Columns.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) { errors.Add(new(0, missing[0], $"缺少列“{string.Join("”“", missing)}”，首行应为：{string.Join(",", Columns)}")); return (lines, errors); }
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var n = i + 1;
            string Cell(string c) => rows[i].GetValueOrDefault(c)?.Trim() ?? "";
            if (Columns.All(c => Cell(c).Length == 0)) continue;   // a blank line
            var before = errors.Count;
            var number = Cell(Number);
            if (number.Length is 0 or > 60) errors.Add(new(n, Number, number.Length == 0 ? "不能为空" : "不能超过 60 个字符"));
            else if (seen.TryGetValue(number, out var first)) errors.Add(new(n, Number, $"与第 {first} 行重复"));
            else seen[number] = n;
            var holder = Cell(Holder);
            if (holder.Length == 0) errors.Add(new(n, Holder, "请填写持证人的统一社会信用代码、身份证号码或账号"));
            var item = Cell(ItemCode).ToUpperInvariant();
            if (item.Length == 0) errors.Add(new(n, ItemCode, "不能为空"));
            var from = Date(Cell(ValidFrom), n, ValidFrom, errors);
            var until = Date(Cell(ValidUntil), n, ValidUntil, errors);
            if (from is { } f && until is { } u && u < f) errors.Add(new(n, ValidUntil, $"有效期至 {u:yyyy-MM-dd} 早于有效期起 {f:yyyy-MM-dd}"));
            if (errors.Count == before) lines.Add(new(n, number, holder, item, from!.Value, until!.Value));
        }
        if (lines.Count == 0 && errors.Count == 0) errors.Add(new(0, Number, "文件没有数据行"));
        return (lines, errors);
    }

    private static DateOnly? Date(string text, int line, string column, List<LicenceLineError> errors)
    {
        // Spreadsheets often carry a time part ("2024-05-01 00:00:00"); the date is what counts.
        var day = text.Length > 10 ? text[..10] : text;
        if (DateOnly.TryParseExact(day, ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new(line, column, text.Length == 0 ? "不能为空" : $"“{text}”不是日期，请按 2026-05-01 的格式填写"));
        return null;
    }
}
