using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.CasesApi;

/// <summary>A signed-in API client the way a script would use it: cookies from the login form, the
/// antiforgery token from GET /api/v1/antiforgery in the X-CSRF-TOKEN header of every POST.</summary>
public sealed class CasesApiClient(HttpClient http, string token)
{
    public const string Password = "Demo#2026";
    public HttpClient Http { get; } = http;

    public static async Task<CasesApiClient> SignInAsync(AppFactory app, string userName)
    {
        var http = app.CreateBrowserLikeClient();
        await http.SignInAsync(userName, Password);
        var response = await http.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        return new CasesApiClient(http, response.GetProperty("token").GetString()!);
    }

    public Task<HttpResponseMessage> SubmitAsync(string itemCode, string mode = "Normal", object? data = null, bool withToken = true) =>
        PostAsync("/api/v1/cases", new { itemCode, mode, data = data ?? new Dictionary<string, object?> { ["projectName"] = "接口测试项目" } }, withToken);

    public Task<HttpResponseMessage> ActAsync(string number, string action, object? data = null, long? expectedVersion = null, string? stepId = null, bool withToken = true) =>
        PostAsync($"/api/v1/cases/{number}/actions/{action}", new { data, expectedVersion, stepId }, withToken);

    public Task<HttpResponseMessage> GetAsync(string number) => Http.GetAsync($"/api/v1/cases/{number}");

    private async Task<HttpResponseMessage> PostAsync(string url, object body, bool withToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (withToken) request.Headers.Add("X-CSRF-TOKEN", token);
        return await Http.SendAsync(request);
    }
}

public static class JsonResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static IEnumerable<string?> Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
