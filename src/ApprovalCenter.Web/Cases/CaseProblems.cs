using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Cases;
using ApprovalCenter.Web.Hosting;

namespace ApprovalCenter.Web.Cases;

/// <summary>Case errors as ProblemDetails: a 400 names each field at fault in <c>errors</c>, with the
/// same keys and messages the staff page shows in its error summary.</summary>
public static partial class CaseProblems
{
    public static IResult Problem(CaseException e)
    {
        if (e.Status == StatusCodes.Status400BadRequest)
        {
            var fields = e.Errors.Count > 0
                ? e.Errors.GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray())
                : MissingFields(e.Message).ToDictionary(x => x, _ => new[] { e.Message });
            if (fields.Count > 0) return Results.ValidationProblem(fields, detail: e.Message, title: "请求有误");
        }
        return Results.Problem(statusCode: e.Status, title: StatusCodePages.TitleFor(e.Status), detail: e.Message);
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "请求有误");

    public static IResult NoRole() => Results.Problem(statusCode: 403, title: "无权访问", detail: "您的账号没有可办理办件的角色。");

    /// <summary>JSON scalars as case input values (text, numbers, yes/no, null); anything else is refused by key.</summary>
    public static bool TryReadData(Dictionary<string, JsonElement>? raw, out Dictionary<string, object?> data, out IResult? error)
    {
        data = new Dictionary<string, object?>();
        error = null;
        if (raw is null) return true;
        foreach (var (key, e) in raw)
        {
            object? value;
            switch (e.ValueKind)
            {
                case JsonValueKind.String: value = e.GetString(); break;
                case JsonValueKind.True: value = true; break;
                case JsonValueKind.False: value = false; break;
                case JsonValueKind.Null: value = null; break;
                case JsonValueKind.Number when e.TryGetDecimal(out var d): value = d; break;
                default:
                    error = Invalid(key, $"数据项“{key}”只能是文字、数字、是/否或空值。");
                    return false;
            }
            data[key] = value;
        }
        return true;
    }

    public static List<AttachedMaterial> Materials(List<MaterialRef>? refs) =>
        (refs ?? []).Select(r => new AttachedMaterial(r.Material?.Trim() ?? "", r.FileId)).ToList();

    /// <summary>The engine reports missing required data as “缺少必填数据：a、b” without a field; the
    /// API names those keys in <c>errors</c> so that clients can mark the inputs.</summary>
    private static List<string> MissingFields(string message)
    {
        var m = MissingPattern().Match(message);
        return m.Success ? m.Groups[1].Value.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
    }

    [GeneratedRegex(@"缺少必填数据：\s*(.+?)\s*$")]
    private static partial Regex MissingPattern();
}
