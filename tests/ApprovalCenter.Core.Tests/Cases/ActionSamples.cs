using ApprovalCenter.Cases.Actions;

namespace ApprovalCenter.Tests.Cases;

/// <summary>A valid raw input for every descriptor, derived from its declared inputs (as text, the
/// way a form posts it), so tests can run over the whole catalog without a hand-kept list.</summary>
public static class ActionSamples
{
    public static readonly IReadOnlyList<string> Materials = ["建筑工程施工许可证申请表", "建设工程规划许可证"];

    public static Dictionary<string, object?> Valid(ActionDescriptor d)
    {
        var raw = new Dictionary<string, object?>();
        foreach (var spec in d.Inputs)
            raw[spec.Key] = spec.Type switch
            {
                InputType.Integer => spec.Min!.Value.ToString(),
                InputType.Choice => spec.Choices![0],
                InputType.Boolean => "true",
                InputType.Date => "2026-12-15",
                InputType.MaterialReasons => $"{Materials[0]}：缺少盖章页",
                _ => $"测试{spec.Label}",
            };
        // Cross-field rules: the first choice of a hand-over is the window, which needs the collector.
        if (d.Input("collectorIdNumber") is not null) raw["collectorIdNumber"] = "441802199001011239";
        if (d.Input("collectorRelation") is not null) raw["collectorRelation"] = "applicant";
        if (d.Input(ActionCatalog.HearingDate) is not null) raw[ActionCatalog.HearingDate] = "2026-03-20";
        if (d.Input(ActionCatalog.GovernmentReplyNumber) is not null) raw[ActionCatalog.GovernmentReplyNumber] = "清新府函〔2026〕15号";
        return raw;
    }

    public static IEnumerable<ActionDescriptor> All => ActionCatalog.All.Append(ActionCatalog.Submit).OrderBy(d => d.Id, StringComparer.Ordinal);
}
