using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Turns the exceptions that bad input or an unreachable database cause into a
/// <see cref="RequestProblem"/>; anything else is a fault of ours and stays a 500.</summary>
public static partial class RequestProblems
{
    public static RequestProblem? FromException(Exception e)
    {
        if (DatabaseOutage.Is(e)) return RequestProblem.DatabaseUnavailable();
        // Backstop for text the edge did not see (PostgreSQL: NUL, or \u0000 inside jsonb).
        if (Find<PostgresException>(e) is { SqlState: "22021" or "22P05" }) return RequestProblem.UnstorableText();
        return e switch
        {
            BadHttpRequestException bad => FromBadRequest(bad),
            ValueProviderException => RequestProblem.IncompleteForm(),
            _ => null,
        };
    }

    /// <summary>Minimal-API binding failures (the framework's English messages are stable and
    /// name the parameter) as Chinese problems naming the field.</summary>
    private static RequestProblem FromBadRequest(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return RequestProblem.TooLarge();
        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType) return RequestProblem.UnsupportedMediaType();
        if (e.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            return field is null ? RequestProblem.InvalidJson(json.LineNumber ?? 0, json.BytePositionInLine ?? 0) : RequestProblem.WrongJsonValue(field);
        }
        if (BindFailure().Match(e.Message) is { Success: true } bind)
            return RequestProblem.BadParameter(bind.Groups["name"].Value, InputText.Printable(bind.Groups["value"].Value, 40), Expected(bind.Groups["type"].Value));
        if (Missing().Match(e.Message) is { Success: true } missing)
            return RequestProblem.MissingParameter(missing.Groups["name"].Value);
        if (e.Message.Contains("no body was provided", StringComparison.Ordinal)) return RequestProblem.MissingBody();
        return new RequestProblem(e.StatusCode, StatusCodePages.TitleFor(e.StatusCode), "请求的内容无法处理，请检查后重试。");
    }

    /// <summary>“$.data.projectName” → “data.projectName”; null for the document itself.</summary>
    public static string? FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return null;
        var path = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return path.Length == 0 ? null : path;
    }

    private static string Expected(string type)
    {
        var t = type.Replace("Nullable<", "").TrimEnd('>');
        return t switch
        {
            "int" or "long" or "short" or "Int32" or "Int64" => "整数",
            "decimal" or "double" or "float" => "数字",
            "bool" or "Boolean" => "true 或 false",
            "Guid" => "GUID 编号",
            "DateOnly" or "DateTime" or "DateTimeOffset" => "日期（yyyy-MM-dd）",
            _ => "正确格式的值",
        };
    }


    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is T t) return t;
        return null;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided""")]
    private static partial Regex Missing();
}

/// <summary>Answers a <see cref="RequestProblem"/>: ProblemDetails on the API; on pages the status
/// alone, so that the status-code page re-runs /Error, which shows the problem.</summary>
public static class RequestProblemResponses
{
    public static async Task WriteAsync(HttpContext http, RequestProblem problem)
    {
        http.Response.StatusCode = problem.Status;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "30";
        if (!StatusCodePages.IsApi(http))
        {
            http.Items[RequestProblem.ItemsKey] = problem;
            return;
        }
        // The exception handler runs outside the localization middleware: take the request's
        // language from what that middleware decided.
        if (http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
            System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        var l = http.RequestServices.GetRequiredService<IStringLocalizerFactory>().Create(typeof(Localization.SharedResource));
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem.ToProblemDetails(l),
        });
    }
}
