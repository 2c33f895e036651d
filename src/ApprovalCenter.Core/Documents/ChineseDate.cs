namespace ApprovalCenter.Documents;

/// <summary>Dates as official documents write them. The issue date under the seal uses Chinese
/// numerals (二〇二六年十一月二十一日, GB/T 9704 practice); dates inside the text use Arabic
/// numerals (2026年11月21日) so that they are easy to read and to search.</summary>
public static class ChineseDate
{
    private static readonly string[] Digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    public static string Numeric(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Formal(DateOnly date)
    {
        var year = string.Concat(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => Digits[c - '0']));
        return $"{year}年{Number(date.Month)}月{Number(date.Day)}日";
    }

    /// <summary>1..31 in Chinese: 十, 十一, 二十, 二十一, 三十一.</summary>
    private static string Number(int n) => n switch
    {
        < 10 => Digits[n],
        10 => "十",
        < 20 => "十" + Digits[n % 10],
        _ => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
    };
}
