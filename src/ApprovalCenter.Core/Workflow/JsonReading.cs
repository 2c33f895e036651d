using System.Collections.Immutable;
using System.Text.Json;

namespace ApprovalCenter.Workflow;

/// <summary>
/// Small helpers for reading JSON by hand while collecting errors with their JSON path, so that a
/// loader can report every problem in a file at once instead of stopping at the first.
/// </summary>
public sealed class JsonReading(string file)
{
    public string File { get; } = file;
    public List<LoadError> Errors { get; } = [];

    public void Error(string path, string reason) => Errors.Add(new LoadError(File, path, reason));

    public JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            Error("$", $"不是有效的JSON：第{(e.LineNumber ?? 0) + 1}行附近格式错误");
            return null;
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", $"缺少必填字段“{name}”");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String) { Error($"{path}.{name}", $"字段“{name}”应为文字"); return null; }
        var s = v.GetString()!;
        if (required && string.IsNullOrWhiteSpace(s)) { Error($"{path}.{name}", $"字段“{name}”不能为空"); return null; }
        return s;
    }

    public int? Int(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", $"缺少必填字段“{name}”");
            return null;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i)) { Error($"{path}.{name}", $"字段“{name}”应为整数"); return null; }
        return i;
    }

    public bool? Bool(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", $"缺少必填字段“{name}”");
            return null;
        }
        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { Error($"{path}.{name}", $"字段“{name}”应为 true 或 false"); return null; }
        return v.GetBoolean();
    }

    /// <summary>The elements of an optional array property (empty when absent).</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(JsonElement obj, string name, string path, bool required = false)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", $"缺少必填字段“{name}”");
            return [];
        }
        if (v.ValueKind != JsonValueKind.Array) { Error($"{path}.{name}", $"字段“{name}”应为数组"); return []; }
        return v.EnumerateArray().Select((e, i) => (e, $"{path}.{name}[{i}]")).ToList();
    }

    public List<string> Strings(JsonElement obj, string name, string path, bool required = false)
    {
        var list = new List<string>();
        foreach (var (e, p) in Array(obj, name, path, required))
        {
            if (e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())) list.Add(e.GetString()!);
            else Error(p, "应为非空文字");
        }
        return list;
    }

    /// <summary>A flat object of scalars, e.g. the "set" of an action.</summary>
    public ImmutableDictionary<string, object?> Scalars(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return CaseData.Empty;
        if (v.ValueKind != JsonValueKind.Object) { Error($"{path}.{name}", $"字段“{name}”应为对象"); return CaseData.Empty; }
        var b = CaseData.Empty.ToBuilder();
        foreach (var p in v.EnumerateObject())
        {
            if (CaseData.TryNormalize(p.Value, out var n)) b[p.Name] = n;
            else Error($"{path}.{name}.{p.Name}", "只能是文字、数字、是/否或空值");
        }
        return b.ToImmutable();
    }

    public Condition? ConditionField(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path, required: false);
        if (text is null) return null;
        var c = Condition.TryParse(text, out var error);
        if (c is null) Error($"{path}.{name}", error!);
        return c;
    }

    public bool RequireObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object) return true;
        Error(path, "应为对象");
        return false;
    }
}
