using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Tests.CasesApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Unresolved;

/// <summary>Drives /api/v1/unresolved as the real roles, and reads the tables for the assertions.</summary>
public sealed class UnresolvedApiKit(AppFactory app, string? baseUrl = null)
{
    public const string PartnerKey = "test-partner-key-0123456789";
    public static DateTimeOffset Monday => Journeys.JourneyKit.Monday;

    /// <summary>An app on a settable clock standing on a business Monday, with the partner key configured.</summary>
    public static AppFactory App(TestClock clock, string? endpoint = null)
    {
        var app = new AppFactory { Clock = clock }.With("ApprovalCenter:Unresolved:Hotline:InboundApiKey", PartnerKey);
        if (endpoint is not null) app.With("ApprovalCenter:Unresolved:Hotline:Endpoint", endpoint);
        return app;
    }

    public static object Intake(string? exclusion = null, string? note = null) => new
    {
        personName = "张三", phone = "13800000001", email = "zhangsan@example.com",
        whatTried = "办理施工许可，材料齐全但窗口称需另行盖章，来回三次未办成。", whereFailed = "住建窗口",
        failedOn = "2026-12-04", departments = new[] { "住建", "人防" }, exclusion, exclusionNote = note,
    };

    /// <summary>Through the in-memory test server, or over the socket when the app runs on Kestrel for a browser.</summary>
    public async Task<CasesApiClient> SignInAsync(string user)
    {
        if (baseUrl is null) return await CasesApiClient.SignInAsync(app, user);
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        await http.SignInAsync(user, CasesApiClient.Password);
        var token = await http.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        return new CasesApiClient(http, token.GetProperty("token").GetString()!);
    }

    public static async Task<HttpResponseMessage> PostAsync(CasesApiClient c, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", await TokenAsync(c));
        return await c.Http.SendAsync(request);
    }

    private static async Task<string> TokenAsync(CasesApiClient c) =>
        (await c.Http.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString()!;

    public async Task<JsonElement> IntakeOkAsync(CasesApiClient clerk, object? body = null)
    {
        var response = await PostAsync(clerk, "/api/v1/unresolved", body ?? Intake());
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ActOkAsync(CasesApiClient c, string number, string action, object body)
    {
        var response = await PostAsync(c, $"/api/v1/unresolved/{number}/{action}", body);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The matter's latest 12345 hand-off.</summary>
    public Task<HotlineHandOff> HandOffAsync(string number) =>
        DbAsync(db => db.Set<HotlineHandOff>().AsNoTracking().Where(h => db.Set<UnresolvedMatter>().Any(m => m.Id == h.MatterId && m.Number == number))
            .OrderByDescending(h => h.Id).FirstAsync());

    public Task<int> HandOffCountAsync(string number) =>
        DbAsync(db => db.Set<HotlineHandOff>().CountAsync(h => db.Set<UnresolvedMatter>().Any(m => m.Id == h.MatterId && m.Number == number)));

    /// <summary>Polls (the outbox is asynchronous) until <paramref name="done"/> holds, for at most 20 s.</summary>
    public async Task<HotlineHandOff> WaitForHandOffAsync(string number, Func<HotlineHandOff, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var h = await HandOffAsync(number);
            if (done(h)) return h;
            await Task.Delay(100);
        }
        Assert.Fail("hand-off never reached the expected state");
        return null!;
    }

    public async Task<int> RunDispatcherAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDispatcher>().DispatchAsync(CancellationToken.None);
    }

    public static Guid PartyId(JsonElement matter, string kind) =>
        matter.GetProperty("parties").EnumerateArray().First(p => p.GetProperty("kind").GetString() == kind).GetProperty("id").GetGuid();

    public static string Errors(JsonElement problem) => string.Join(",", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).OrderBy(x => x));
}
