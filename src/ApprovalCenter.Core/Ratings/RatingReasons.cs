namespace ApprovalCenter.Ratings;

/// <summary>The reasons a rater may tick, after the evaluation items of GB/T 39734-2020
/// (服务态度, 办事效率, 材料要求, 办事流程, 服务环境 ...). Stored by code so a relabelled reason keeps its statistics.</summary>
public static class RatingReasons
{
    public sealed record Reason(string Code, string Label);

    public static readonly IReadOnlyList<Reason> All =
    [
        new("attitude", "态度"),
        new("efficiency", "效率"),
        new("materials", "材料要求"),
        new("process", "流程"),
        new("environment", "环境"),
        new("guidance", "咨询解答"),
        new("timeliness", "办理时限"),
        new("online", "网上办事系统"),
        new("integrity", "廉洁"),
        new("other", "其他"),
    ];

    public static string? Label(string code) => All.FirstOrDefault(r => r.Code == code)?.Label;

    /// <summary>Codes or Chinese labels to codes; the first unknown one is returned so the caller can name it.</summary>
    public static (IReadOnlyList<string> Codes, string? Unknown) Parse(IEnumerable<string>? raw)
    {
        var codes = new List<string>();
        foreach (var r in raw ?? [])
        {
            var t = r?.Trim() ?? "";
            if (t.Length == 0) continue;
            var reason = All.FirstOrDefault(x => x.Code == t || x.Label == t);
            if (reason is null) return (codes, t);
            if (!codes.Contains(reason.Code)) codes.Add(reason.Code);
        }
        return (codes, null);
    }
}
