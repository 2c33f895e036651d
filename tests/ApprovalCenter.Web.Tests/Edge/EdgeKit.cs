using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>Requests the way a careless script or a prober sends them: raw bodies, odd content
/// types, hand-made query strings; with the antiforgery token when the point is to reach the page.</summary>
internal static partial class EdgeKit
{
    public static async Task<string> PageTokenAsync(this HttpClient client, string page = "/Account/Login")
    {
        var html = await client.GetStringAsync(page);
        var m = TokenPattern().Match(html);
        if (!m.Success) throw new InvalidOperationException($"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static async Task<string> ApiTokenAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString()!;

    public static HttpRequestMessage Raw(HttpMethod method, string url, string? body = null, string? contentType = null, string? csrf = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType ?? "application/json");
        }
        if (csrf is not null) request.Headers.Add("X-CSRF-TOKEN", csrf);
        return request;
    }

    /// <summary>A URL-encoded form exactly as written (so %00 and friends reach the server as sent).</summary>
    public static HttpRequestMessage Form(string url, string encodedBody, string? token = null, string contentType = "application/x-www-form-urlencoded") =>
        Raw(HttpMethod.Post, url, token is null ? encodedBody : $"__RequestVerificationToken={Uri.EscapeDataString(token)}&{encodedBody}", contentType);

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        return problem;
    }

    /// <summary>The message a 400 ProblemDetails gives for one field.</summary>
    public static string FieldError(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    /// <summary>The friendly error page with its status and the reason it gives.</summary>
    public static async Task<string> ErrorPageAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(status), html.Length > 2000 ? html[..2000] : html);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("返回首页"));
        return html;
    }

    public static string? Detail(string html) => DetailPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"error-detail\">([^<]*)<")]
    private static partial Regex DetailPattern();
}
