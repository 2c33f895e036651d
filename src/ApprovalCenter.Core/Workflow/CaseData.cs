using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace ApprovalCenter.Workflow;

/// <summary>
/// The flat key → value bag a case carries. Values are only string, decimal, bool or null so that
/// conditions stay predictable and the bag serialises to JSON without surprises.
/// </summary>
public static class CaseData
{
    public static readonly ImmutableDictionary<string, object?> Empty = ImmutableDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Normalises one value; returns false for anything that is not a scalar.</summary>
    public static bool TryNormalize(object? value, out object? normalized)
    {
        normalized = value switch
        {
            null => null,
            string s => s,
            bool b => b,
            decimal d => d,
            int i => (decimal)i,
            long l => (decimal)l,
            double db when double.IsFinite(db) => (decimal)db,
            float f when float.IsFinite(f) => (decimal)f,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            JsonElement e => FromJson(e),
            _ => Invalid.Instance,
        };
        if (normalized is Invalid) { normalized = null; return false; }
        return true;
    }

    /// <summary>Merges caller data into a bag; an error names the first key whose value is not a scalar.</summary>
    public static ImmutableDictionary<string, object?> Merge(ImmutableDictionary<string, object?> bag, IReadOnlyDictionary<string, object?>? data, out string? error)
    {
        error = null;
        if (data is null || data.Count == 0) return bag;
        var builder = bag.ToBuilder();
        foreach (var (key, value) in data)
        {
            if (string.IsNullOrWhiteSpace(key)) { error = "数据项名称不能为空。"; return bag; }
            if (!TryNormalize(value, out var v)) { error = $"数据项“{key}”只能是文字、数字、是/否或空值。"; return bag; }
            builder[key] = v;
        }
        return builder.ToImmutable();
    }

    private static object? FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetDecimal(out var d) ? d : Invalid.Instance,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => Invalid.Instance,
    };

    private sealed class Invalid { public static readonly Invalid Instance = new(); }
}
