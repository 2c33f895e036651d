using System.Text;
using PdfSharp.Drawing;

namespace ApprovalCenter.Documents;

/// <summary>
/// Breaks text into lines that fit a width. PDFsharp has no line breaking for Chinese, so this is
/// a small measure-and-break layout: every CJK character may end a line, Latin words and numbers
/// (credit codes, case numbers, URLs) stay whole unless they are wider than the line, closing
/// punctuation never starts a line (it hangs at the end instead) and opening brackets never end
/// one — the basic 禁则 of Chinese typesetting.
/// </summary>
public static class TextLayout
{
    private const string NoLineStart = "，。、；：？！）》」』】〕”’…—·,.;:?!)]}%";
    private const string NoLineEnd = "（《「『【〔“‘([{";

    public static List<string> Wrap(XGraphics gfx, string text, XFont font, double width, double firstLineIndent = 0)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            WrapParagraph(gfx, paragraph, font, width, lines.Count == 0 ? firstLineIndent : 0, lines);
        return lines;
    }

    private static void WrapParagraph(XGraphics gfx, string text, XFont font, double width, double indent, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0.0;
        var available = width - indent;
        foreach (var unit in Units(text))
        {
            var w = gfx.MeasureString(unit, font).Width;
            if (lineWidth + w <= available || IsHanging(unit))
            {
                line.Append(unit);
                lineWidth += w;
                continue;
            }
            if (line.Length > 0 && NoLineEnd.Contains(line[^1]))
            {
                // Carry the opening bracket over to the new line together with what it opens.
                var carried = line[^1];
                line.Length--;
                Flush();
                line.Append(carried);
                lineWidth = gfx.MeasureString(carried.ToString(), font).Width;
            }
            else if (line.Length > 0)
            {
                Flush();
            }
            if (w <= available)
            {
                if (line.Length == 0 && unit == " ") continue; // no leading space
                line.Append(unit);
                lineWidth += w;
                continue;
            }
            // A single unit wider than the line (a long URL): break it by characters.
            foreach (var ch in unit)
            {
                var cw = gfx.MeasureString(ch.ToString(), font).Width;
                if (lineWidth + cw > available && line.Length > 0) Flush();
                line.Append(ch);
                lineWidth += cw;
            }
        }
        if (line.Length > 0 || lines.Count == 0) Flush();

        void Flush()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0;
            available = width;
        }
    }

    private static bool IsHanging(string unit) => unit.Length == 1 && NoLineStart.Contains(unit[0]);

    /// <summary>Splits into unbreakable units: one CJK character, one punctuation mark, one space
    /// or one run of Latin letters/digits and the joiners inside it (-, /, ., @, :).</summary>
    internal static IEnumerable<string> Units(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text[i]) || IsJoiner(text, i))) i++;
                yield return text[start..i];
            }
            else if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length)
            {
                yield return text.Substring(i, 2);
                i += 2;
            }
            else
            {
                yield return text[i].ToString();
                i++;
            }
        }
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool IsJoiner(string s, int i) =>
        s[i] is '-' or '/' or '.' or '@' or ':' or '_' or '?' or '=' or '&' or '#' or '%'
        && i + 1 < s.Length && IsWordChar(s[i + 1]);
}
