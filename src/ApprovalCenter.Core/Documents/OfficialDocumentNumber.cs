using System.Text.RegularExpressions;

namespace ApprovalCenter.Documents;

/// <summary>
/// The number of an official document (发文字号, GB/T 9704-2012 §7.3.3): the issuing organ's code,
/// the year in hexagonal brackets and the serial number, e.g. "清新府函〔2026〕15号". Clerks type the
/// brackets in many ways ([ ], （ ）, 【 】); the stored number always carries 〔 〕, so the same reply
/// is written the same way on the clock event, the journal and the sealed notice.
/// </summary>
public static partial class OfficialDocumentNumber
{
    [GeneratedRegex(@"^(?<organ>[\p{IsCJKUnifiedIdeographs}]{2,20})\s*[〔\[（(【](?<year>\d{4})[〕\]）)】]\s*(?<serial>\d{1,6})\s*号$")]
    private static partial Regex Pattern();

    /// <summary>The normalised number, or null with the Chinese reason when it is not one.</summary>
    public static (string? Number, string? Error) Parse(string? text)
    {
        var m = Pattern().Match((text ?? "").Trim());
        if (!m.Success)
            return (null, "批复文号格式应为“机关代字〔年份〕序号号”，例如：清新府函〔2026〕15号");
        var year = int.Parse(m.Groups["year"].Value);
        var serial = int.Parse(m.Groups["serial"].Value);
        if (year < 2000 || serial == 0)
            return (null, "批复文号的年份或序号不正确（年份为四位数，序号从1开始）");
        return ($"{m.Groups["organ"].Value}〔{year}〕{serial}号", null);
    }

    /// <summary>The year in the number; a reply cannot be dated after the day it is recorded.</summary>
    public static int Year(string number) => int.Parse(Pattern().Match(number).Groups["year"].Value);
}
