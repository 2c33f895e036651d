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

    /// <summary>The applicant's answers a complete application carries; tests add or override keys.</summary>
    public static Dictionary<string, object?> Answers(Dictionary<string, object?>? extra = null)
    {
        var answers = new Dictionary<string, object?>
        {
            ["applicantName"] = "清远示例建设有限公司", ["applicantCode"] = "91441800MA4WQY3K26", ["applicantContact"] = "李四",
            ["applicantPhone"] = "13800000000", ["applicantAddress"] = "清远市高新区创兴大道1号",
            ["projectName"] = "接口测试项目", ["projectLocation"] = "清远高新区百嘉工业园",
        };
        foreach (var (k, v) in extra ?? []) answers[k] = v;
        return answers;
    }

    /// <summary>Uploads one PDF per material of the item (the tolerable ones left out under tolerance
    /// and commitment) through POST /api/v1/files, as a script would before submitting.</summary>
    public async Task<List<object>> UploadMaterialsAsync(string itemCode, string mode = "Normal")
    {
        var list = new List<object>();
        var found = await Http.GetAsync($"/api/v1/catalog/items/{itemCode}");
        if (!found.IsSuccessStatusCode) return list;   // an unknown item: the submission itself is refused
        var item = await found.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var m in item.GetProperty("materials").EnumerateArray())
        {
            if (m.GetProperty("type").GetString() != "core" && mode is "Tolerance" or "Commitment") continue;
            var name = m.GetProperty("name").GetString()!;
            var uploaded = await Uploads.UploadClient.UploadAsync(Http, name + ".pdf", CaseTestKit.Pdf(name));
            var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            list.Add(new { material = name, fileId = id });
        }
        return list;
    }

    public static string DeclarationOf(string mode) => mode switch { "Tolerance" => "tolerance-letter-v1", "Commitment" => "commitment-letter-v1", _ => "declaration-v1" };

    /// <summary>A complete application: answers, every required material uploaded, the declaration signed.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string itemCode, string mode = "Normal", Dictionary<string, object?>? data = null, bool withToken = true) =>
        await PostAsync("/api/v1/cases", new { itemCode, mode, data = Answers(data), materials = await UploadMaterialsAsync(itemCode, mode), declaration = DeclarationOf(mode) }, withToken);

    /// <summary>Any body, as sent: for the tests of what the API refuses.</summary>
    public Task<HttpResponseMessage> SubmitRawAsync(object body) => PostAsync("/api/v1/cases", body, true);

    public Task<HttpResponseMessage> ActAsync(string number, string action, object? data = null, long? expectedVersion = null, string? stepId = null, bool withToken = true, object? files = null) =>
        PostAsync($"/api/v1/cases/{number}/actions/{action}", new { data, expectedVersion, stepId, files }, withToken);

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
