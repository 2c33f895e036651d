namespace ApprovalCenter.Web.Hosting;

/// <summary>Characters no input of ours may carry. PostgreSQL cannot store NUL (U+0000) in text,
/// a lone UTF-16 surrogate cannot be encoded as UTF-8 at all, and other control characters only
/// ever arrive from scripts probing the site; all of them are refused at the edge with the name
/// of the field, before any page or query sees them.</summary>
public static class InputText
{
    /// <summary>Why a text is refused, as the Chinese phrase used in messages.</summary>
    public const string Nul = "NUL 空字符（\\u0000）";
    public const string LoneSurrogate = "不成对的 UTF-16 代理字符";
    public const string Control = "控制字符";

    /// <summary>Null when the text is acceptable; otherwise what is wrong with it. Tab, line feed
    /// and carriage return are fine in values (a pasted address has them); <paramref name="strict"/>
    /// (for paths and names) refuses those too.</summary>
    public static string? Problem(string? text, bool strict = false)
    {
        if (string.IsNullOrEmpty(text)) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return Nul;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                return LoneSurrogate;
            }
            if (char.IsLowSurrogate(c)) return LoneSurrogate;
            if (char.IsControl(c) && (strict || c is not ('\t' or '\n' or '\r'))) return Control;
        }
        return null;
    }

    /// <summary>Text that is echoed back in a message: without control or surrogate characters,
    /// cut to <paramref name="max"/> characters.</summary>
    public static string Printable(string s, int max = 60)
    {
        var p = new string(s.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray());
        return p.Length <= max ? p : p[..max] + "…";
    }
}
