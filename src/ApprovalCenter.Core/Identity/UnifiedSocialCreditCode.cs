namespace ApprovalCenter.Identity;

/// <summary>
/// The 18-character unified social credit code of an organisation (统一社会信用代码, GB 32100-2015).
/// The last character is a check character over the first 17, computed modulo 31 on a
/// 31-symbol alphabet that leaves out I, O, Z, S and V so that codes cannot be misread.
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Returns null when the code is valid, otherwise a Chinese message saying what is wrong.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "请填写统一社会信用代码。";
        code = code.Trim().ToUpperInvariant();
        if (code.Length != 18) return $"统一社会信用代码应为18位，当前为{code.Length}位。";
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"统一社会信用代码第{i + 1}位“{code[i]}”不是有效字符（不使用 I、O、Z、S、V）。";
        }
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i])) return "统一社会信用代码第3至8位应为行政区划码（数字）。";
        }
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : "统一社会信用代码校验位不正确，请核对后重新输入。";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var c = 31 - sum % 31;
        return Alphabet[c == 31 ? 0 : c];
    }
}
