using System.Net.Http.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>Shared steps of the ratings tests: a matter delivered to the company, reads of the ratings tables.</summary>
public static class RatingsKit
{
    public const string PartnerKey = "test-12345-partner-key";

    /// <summary>The app with the offer job running every 2 s (instead of 30) and a 12345 partner key.</summary>
    public static AppFactory App(TestClock clock) =>
        new AppFactory { Clock = clock }.With("ApprovalCenter:Ratings:OfferCron", "*/2 * * * * *").With("ApprovalCenter:Ratings:PartnerKeys:0", PartnerKey);

    /// <summary>ZJ-001 accepted by the clerk, reviewed, approved and handed over as an e-licence.</summary>
    public static async Task<CaseRecord> DeliveredAsync(this CaseTestKit kit)
    {
        var c = await kit.SubmitAcceptedAsync();
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        await kit.ActAsync(c.Number, "chief.zj", "approve");
        return await kit.ActAsync(c.Number, "clerk", "deliver", new() { ["deliveryMethod"] = "电子证照", ["electronicLicenceConfirmed"] = true });
    }

    public static async Task<T> InScopeAsync<T>(this AppFactory app, Func<AppDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<List<Rating>> RatingsOfAsync(this AppFactory app, string number) =>
        app.InScopeAsync(db => db.Set<Rating>().AsNoTracking().Where(r => r.CaseNumber == number).ToListAsync());

    public static Task<WorkOrder?> WorkOrderOfAsync(this AppFactory app, string number) =>
        app.InScopeAsync(db => db.Set<WorkOrder>().AsNoTracking().FirstOrDefaultAsync(w => w.CaseNumber == number));

    /// <summary>Polls until the condition holds (timers and jobs run on Hangfire's and the sweeper's threads).</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, int seconds = 40)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(250);
        }
    }

    public static async Task<HttpResponseMessage> RateAsync(this CasesApiClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ratings") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", await TokenAsync(client));
        return await client.Http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> SendAsync(this CasesApiClient client, HttpMethod method, string url, object body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", await TokenAsync(client));
        return await client.Http.SendAsync(request);
    }

    private static async Task<string> TokenAsync(CasesApiClient client) =>
        (await client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString()!;
}

public static class RatingsPages
{
    public static async Task<string> SignedInAsyncPage(this AppFactory app, string user, string url) =>
        System.Net.WebUtility.HtmlDecode(await (await ApprovalCenter.Web.Tests.Workbench.WorkbenchHelpers.SignedInAsync(app, user)).GetStringAsync(url));
}
