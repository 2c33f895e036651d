using System.Globalization;
using System.Text.Json;

namespace ApprovalCenter.Calendar;

/// <summary>A validation problem in a calendar file: the JSON path of the field and a Chinese reason.</summary>
public sealed record CalendarFieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}：{Message}";
}

/// <summary>Thrown by <see cref="CalendarYearParser.Parse"/> so an upload can be rejected with every problem at once.</summary>
public sealed class CalendarFormatException(IReadOnlyList<CalendarFieldError> errors)
    : Exception("工作日历文件有误：" + string.Join("；", errors))
{
    public IReadOnlyList<CalendarFieldError> Errors { get; } = errors;
}

/// <summary>
/// Reads one calendar year from JSON text (the format of workflows/schemas/calendar-year.schema.json).
/// Pure: the caller reads the file or the upload. All problems are collected, not just the first,
/// so an administrator can fix a file in one pass.
/// </summary>
public static class CalendarYearParser
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    public static CalendarYear Parse(string json) =>
        TryParse(json, out var year, out var errors) ? year! : throw new CalendarFormatException(errors);

    public static bool TryParse(string json, out CalendarYear? year, out IReadOnlyList<CalendarFieldError> errors)
    {
        var list = new List<CalendarFieldError>();
        errors = list;
        year = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            list.Add(new("$", $"不是有效的 JSON（{ex.Message}）。"));
            return false;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                list.Add(new("$", "顶层应为对象。"));
                return false;
            }

            int? yearNumber = null;
            if (!root.TryGetProperty("year", out var y)) list.Add(new("year", "缺少年份。"));
            else if (y.ValueKind != JsonValueKind.Number || !y.TryGetInt32(out var n)) list.Add(new("year", "年份应为整数。"));
            else if (n is < MinYear or > MaxYear) list.Add(new("year", $"年份 {n} 超出支持范围（{MinYear}—{MaxYear}）。"));
            else yearNumber = n;

            var notice = ReadSource(root, list);
            var holidays = ReadHolidays(root, yearNumber, list);
            var makeUps = ReadMakeUps(root, yearNumber, holidays, list);

            if (list.Count > 0) return false;
            year = new CalendarYear(yearNumber!.Value, notice!, holidays.Select(h => h.Block).ToList(), makeUps);
            return true;
        }
    }

    private static CalendarNotice? ReadSource(JsonElement root, List<CalendarFieldError> errors)
    {
        if (!root.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("source", "缺少发文信息（应注明国务院办公厅通知的标题和日期）。"));
            return null;
        }
        var title = ReadString(s, "title", "source.title", required: true, errors);
        var published = ReadDate(s, "published", "source.published", errors);
        var issuer = ReadString(s, "issuer", "source.issuer", required: false, errors);
        var document = ReadString(s, "document", "source.document", required: false, errors);
        return title is null || published is null ? null : new CalendarNotice(title, published.Value, issuer, document);
    }

    private static List<(HolidayBlock Block, string Field)> ReadHolidays(JsonElement root, int? year, List<CalendarFieldError> errors)
    {
        var result = new List<(HolidayBlock, string)>();
        if (!root.TryGetProperty("holidays", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("holidays", "缺少节假日列表（数组）。"));
            return result;
        }
        var i = 0;
        foreach (var h in arr.EnumerateArray())
        {
            var field = $"holidays[{i++}]";
            if (h.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(field, "应为对象。"));
                continue;
            }
            var name = ReadString(h, "name", field + ".name", required: true, errors);
            var from = ReadDate(h, "from", field + ".from", errors);
            var to = ReadDate(h, "to", field + ".to", errors);
            var ok = name is not null && from is not null && to is not null;
            if (from is { } f && year is { } y1 && !Covers(y1, f)) { errors.Add(new(field + ".from", OutsideYear(f, y1))); ok = false; }
            if (to is { } t && year is { } y2 && !Covers(y2, t)) { errors.Add(new(field + ".to", OutsideYear(t, y2))); ok = false; }
            if (from is { } f2 && to is { } t2 && t2 < f2) { errors.Add(new(field + ".to", $"结束日期 {t2:yyyy-MM-dd} 早于开始日期 {f2:yyyy-MM-dd}。")); ok = false; }
            if (ok) result.Add((new HolidayBlock(name!, from!.Value, to!.Value), field));
        }
        var sorted = result.OrderBy(r => r.Item1.From).ToList();
        for (var k = 1; k < sorted.Count; k++)
        {
            if (sorted[k].Item1.From <= sorted[k - 1].Item1.To)
                errors.Add(new(sorted[k].Item2, $"“{sorted[k].Item1.Name}”与“{sorted[k - 1].Item1.Name}”的日期重叠。"));
        }
        return sorted;
    }

    private static List<MakeUpWorkingDay> ReadMakeUps(JsonElement root, int? year, List<(HolidayBlock Block, string Field)> holidays, List<CalendarFieldError> errors)
    {
        var result = new List<MakeUpWorkingDay>();
        if (!root.TryGetProperty("makeUpWorkingDays", out var arr) || arr.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("makeUpWorkingDays", "缺少调休上班日列表（数组，可为空）。"));
            return result;
        }
        var seen = new HashSet<DateOnly>();
        var i = 0;
        foreach (var m in arr.EnumerateArray())
        {
            var field = $"makeUpWorkingDays[{i++}]";
            if (m.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(field, "应为对象。"));
                continue;
            }
            var date = ReadDate(m, "date", field + ".date", errors);
            var forName = ReadString(m, "for", field + ".for", required: false, errors);
            if (date is not { } d) continue;
            var ok = true;
            if (year is { } y && !Covers(y, d)) { errors.Add(new(field + ".date", OutsideYear(d, y))); ok = false; }
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(new(field + ".date", $"调休上班日 {d:yyyy-MM-dd} 是{ChineseDates.WeekdayName(d)}，不是周末（工作日本来就上班）。"));
                ok = false;
            }
            var clash = holidays.FirstOrDefault(h => h.Block.From <= d && d <= h.Block.To);
            if (clash.Block is not null) { errors.Add(new(field + ".date", $"调休上班日 {d:yyyy-MM-dd} 同时是节假日“{clash.Block.Name}”。")); ok = false; }
            if (!seen.Add(d)) { errors.Add(new(field + ".date", $"调休上班日 {d:yyyy-MM-dd} 重复。")); ok = false; }
            if (ok) result.Add(new MakeUpWorkingDay(d, forName));
        }
        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    /// <summary>
    /// The dates a notice for <paramref name="year"/> may set: its own year and the month across each
    /// New Year, since a notice arranges the New Year holiday with the days around it (the notice for
    /// 2019 gave Dec 30 2018 – Jan 1 2019 off and made Saturday Dec 29 2018 a working day). Anything
    /// further away is a typo, not an arrangement.
    /// </summary>
    public static bool Covers(int year, DateOnly date) =>
        date.Year == year || (date.Year == year - 1 && date.Month == 12) || (date.Year == year + 1 && date.Month == 1);

    private static string OutsideYear(DateOnly d, int y) =>
        $"日期 {d:yyyy-MM-dd} 不在 {y} 年内（相邻年份只能是跨年的 {y - 1} 年 12 月或 {y + 1} 年 1 月，例如元旦的放假调休）。";

    private static string? ReadString(JsonElement obj, string name, string field, bool required, List<CalendarFieldError> errors)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) errors.Add(new(field, "缺少该字段。"));
            return null;
        }
        if (v.ValueKind != JsonValueKind.String) { errors.Add(new(field, "应为字符串。")); return null; }
        var s = v.GetString()!.Trim();
        if (s.Length == 0 && required) { errors.Add(new(field, "不能为空。")); return null; }
        return s.Length == 0 ? null : s;
    }

    private static DateOnly? ReadDate(JsonElement obj, string name, string field, List<CalendarFieldError> errors)
    {
        if (!obj.TryGetProperty(name, out var v)) { errors.Add(new(field, "缺少日期。")); return null; }
        if (v.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            errors.Add(new(field, $"日期格式应为 yyyy-MM-dd，当前为“{(v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())}”。"));
            return null;
        }
        return d;
    }
}
