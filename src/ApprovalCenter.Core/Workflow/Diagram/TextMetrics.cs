namespace ApprovalCenter.Workflow.Diagram;

/// <summary>Estimated text widths (CJK full width, Latin about 0.6 em) and line wrapping, so the
/// diagram sizes boxes without a font engine.</summary>
public static class TextMetrics
{
    public static double Width(string text, double fontSize) => text.Sum(c => IsWide(c) ? 1.0 : 0.6) * fontSize;

    private static bool IsWide(char c) => c >= '\u2E80' || char.IsSurrogate(c);

    /// <summary>Greedy wrap; closing punctuation never starts a line. Beyond <paramref name="maxLines"/> the last line ends in "…".</summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double fontSize, int maxLines)
    {
        // "受理审查（行政许可法第三十二条）" reads best broken before the bracket when both halves fit.
        var bracket = text.IndexOf('（');
        if (Width(text, fontSize) > maxWidth && bracket > 0 && text.EndsWith('）')
            && Width(text[..bracket], fontSize) <= maxWidth && Width(text[bracket..], fontSize) <= maxWidth)
            return [text[..bracket], text[bracket..]];
        var greedy = Greedy(text, maxWidth, fontSize, maxLines);
        if (greedy.Count < 2 || greedy.Count > maxLines || greedy[^1].EndsWith('…')) return greedy;
        // Balance the lines so a name never ends with one lonely character on its own line.
        for (var w = Width(text, fontSize) / greedy.Count; w < maxWidth; w += fontSize / 2)
            if (Greedy(text, w, fontSize, maxLines) is { } balanced && balanced.Count == greedy.Count && !balanced[^1].EndsWith('…')) return balanced;
        return greedy;
    }

    private static IReadOnlyList<string> Greedy(string text, double maxWidth, double fontSize, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var c in text)
        {
            if (current.Length > 0 && Width(current + c, fontSize) > maxWidth && !"）)，。、；：”’".Contains(c))
            {
                lines.Add(current); current = "";
            }
            current += c;
        }
        if (current.Length > 0) lines.Add(current);
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(maxLines).ToList();
        kept[^1] = kept[^1][..^1] + "…";
        return kept;
    }
}
