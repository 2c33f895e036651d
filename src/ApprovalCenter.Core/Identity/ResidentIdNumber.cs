using System.Globalization;

namespace ApprovalCenter.Identity;

/// <summary>
/// The 18-digit citizen identity number (公民身份号码, GB 11643-1999): 6-digit address code,
/// 8-digit birth date, 3-digit sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>Returns null when the number is valid, otherwise a Chinese message saying what is wrong.</summary>
    public static string? Validate(string? number, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(number)) return "请填写公民身份号码。";
        number = number.Trim().ToUpperInvariant();
        if (number.Length != 18) return $"公民身份号码应为18位，当前为{number.Length}位。";
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return "公民身份号码前17位应为数字。";
        }
        if (!char.IsAsciiDigit(number[17]) && number[17] != 'X') return "公民身份号码最后一位应为数字或X。";
        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || (today is { } t && birth > t))
            return "公民身份号码中的出生日期（第7至14位）无效。";
        return number[17] == CheckCharacter(number.AsSpan(0, 17)) ? null : "公民身份号码校验位不正确，请核对后重新输入。";
    }

    public static bool IsValid(string? number) => Validate(number) is null;

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }
}
