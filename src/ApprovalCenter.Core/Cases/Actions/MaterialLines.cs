namespace ApprovalCenter.Cases.Actions;

/// <summary>The "材料：原因" lines a one-time notice or a tolerance acceptance stores: one place
/// that reads them, for the applicant's supplement form, the handler's check and the documents.</summary>
public static class MaterialLines
{
    public static List<(string Material, string Reason)> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var i = line.IndexOfAny(['：', ':']);
                return i > 0 ? (line[..i].Trim(), line[(i + 1)..].Trim()) : (line, "");
            })
            .Where(x => x.Item1.Length > 0).ToList();
}
