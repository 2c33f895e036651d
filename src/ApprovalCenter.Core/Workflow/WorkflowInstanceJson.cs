using System.Collections.Immutable;
using System.Text.Json;

namespace ApprovalCenter.Workflow;

/// <summary>Stores an instance as JSON and reads it back exactly: the data bags come back as the
/// engine's scalar values (string, decimal, bool, null), not as JSON elements.</summary>
public static class WorkflowInstanceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { WriteIndented = false };

    public static string Serialize(WorkflowInstance instance) => JsonSerializer.Serialize(instance, Options);

    public static WorkflowInstance Deserialize(string json)
    {
        var raw = JsonSerializer.Deserialize<WorkflowInstance>(json, Options) ?? throw new JsonException("空的流程实例。");
        return raw with
        {
            Data = Normalize(raw.Data),
            Journal = raw.Journal.Select(j => j with { Data = Normalize(j.Data) }).ToImmutableList(),
        };
    }

    private static ImmutableDictionary<string, object?> Normalize(ImmutableDictionary<string, object?>? bag)
    {
        var result = CaseData.Empty.ToBuilder();
        foreach (var (k, v) in bag ?? CaseData.Empty)
        {
            if (!CaseData.TryNormalize(v, out var n)) throw new JsonException($"流程实例数据项“{k}”不是标量。");
            result[k] = n;
        }
        return result.ToImmutable();
    }
}
