using System.Globalization;

namespace ApprovalCenter.Cases.Actions;

/// <summary>What the validator needs to know about the case: the names of the item's materials
/// (for the one-time notice). Pure data, so the page and the API validate identically.</summary>
public sealed record InputContext(IReadOnlyList<string> Materials)
{
    public static readonly InputContext None = new([]);
}

/// <summary>
/// Checks what a client sent for an action against the action's allow-list. The Razor form and the
/// JSON API both call this with the same raw values, so they get the same result and the same field
/// errors. Keys the descriptor does not declare — including the server's facts — are refused by name.
/// </summary>
public static class ActionInputValidator
{
    public static (Dictionary<string, object?> Data, List<InputError> Errors) Validate(
        ActionDescriptor descriptor, IReadOnlyDictionary<string, object?>? raw, InputContext context)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        raw ??= new Dictionary<string, object?>();
        foreach (var key in raw.Keys.Where(k => descriptor.Input(k) is null).Order(StringComparer.Ordinal))
            errors.Add(new InputError(key, CaseFacts.All.Contains(key)
                ? $"“{key}”由系统根据登记的数据核定，不能由请求提交。"
                : descriptor.Inputs.Count == 0
                    ? $"不接受数据项“{key}”：“{descriptor.Label}”不需要填写任何内容。"
                    : $"不接受数据项“{key}”：“{descriptor.Label}”只接受 {string.Join("、", descriptor.Inputs.Select(i => i.Key))}。"));
        foreach (var spec in descriptor.Inputs)
        {
            raw.TryGetValue(spec.Key, out var value);
            if (IsEmpty(value))
            {
                if (spec.Required) errors.Add(new InputError(spec.Key, spec.Message));
                continue;
            }
            var (normalized, error) = Normalize(spec, value, context);
            if (error is not null) errors.Add(new InputError(spec.Key, error));
            else data[spec.Key] = normalized;
        }
        if (errors.Count == 0 && descriptor.Rules is { } rules) errors.AddRange(rules(data));
        if (errors.Count == 0 && descriptor.Store is { } store) data = new Dictionary<string, object?>(store(data), StringComparer.Ordinal);
        return (data, errors);
    }

    private static bool IsEmpty(object? v) => v is null || v is string s && string.IsNullOrWhiteSpace(s);

    private static (object? Value, string? Error) Normalize(InputSpec spec, object? value, InputContext context)
    {
        switch (spec.Type)
        {
            case InputType.Text or InputType.LongText:
                if (value is not string text) return (null, spec.Message);
                text = text.Trim().Replace("\r\n", "\n");
                if (text.Length > spec.MaxLength) return (null, $"“{spec.Label}”不能超过{spec.MaxLength}个字。");
                if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) || (spec.Type == InputType.Text && text.Contains('\n')))
                    return (null, $"“{spec.Label}”含有不允许的控制字符或换行。");
                return (text, null);
            case InputType.Integer:
                int? n = value switch
                {
                    int i32 => i32,
                    long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                    decimal d when d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                    string s when int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
                    _ => null,
                };
                if (n is null || n < spec.Min || n > spec.Max) return (null, spec.Message);
                return (n.Value.ToString(CultureInfo.InvariantCulture), null);
            case InputType.Date:
                return DateOnly.TryParseExact((value as string)?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null) : (null, spec.Message);
            case InputType.Choice:
                var choice = (value as string)?.Trim();
                return choice is not null && spec.Choices!.Contains(choice) ? (choice, null) : (null, spec.Message);
            case InputType.Boolean:
                return value switch
                {
                    bool b => (b, null),
                    string s when s.Trim() is "true" or "True" or "on" => (true, null),
                    string s when s.Trim() is "false" or "False" => (false, null),
                    _ => (null, spec.Message),
                };
            case InputType.MaterialReasons:
                return MaterialReasons(spec, value, context);
            default:
                return (null, spec.Message);
        }
    }

    /// <summary>Every line names one of the item's materials and says what is wrong with it.</summary>
    private static (object? Value, string? Error) MaterialReasons(InputSpec spec, object? value, InputContext context)
    {
        if (value is not string text) return (null, spec.Message);
        var lines = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var i = line.IndexOfAny(['：', ':']);
            var material = i > 0 ? line[..i].Trim() : line;
            var reason = i > 0 ? line[(i + 1)..].Trim() : "";
            if (!context.Materials.Contains(material)) return (null, $"“{material}”不是本事项的申请材料。");
            if (reason.Length == 0) return (null, $"请填写“{material}”需补正的原因");
            if (reason.Length > 500 || reason.Any(char.IsControl)) return (null, $"“{material}”的原因过长或含有控制字符。");
            lines.Add($"{material}：{reason}");
        }
        if (lines.Count == 0) return (null, spec.Message);
        return (string.Join("\n", lines), null);
    }
}
