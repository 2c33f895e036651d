using System.Net;
using System.Text.RegularExpressions;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Workbench;

internal static partial class WorkbenchHelpers
{
    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string user)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, IdentitySeeder.DemoPassword);
        return client;
    }

    public static async Task<long> VersionAsync(this CaseTestKit kit, string number) => (await kit.GetAsync(number)).Instance.Version;

    /// <summary>Posts an action form of the staff case page, as the browser would.</summary>
    public static async Task<HttpResponseMessage> ActOnPageAsync(this HttpClient client, CaseTestKit kit, string number, string action, Dictionary<string, string>? fields = null, string? stepId = null)
    {
        var form = new Dictionary<string, string>(fields ?? new()) { ["act.action"] = action, ["act.version"] = (await kit.VersionAsync(number)).ToString() };
        if (stepId is not null) form["act.step"] = stepId;
        return await client.PostFormAsync($"/Staff/Cases/{number}", form);
    }

    /// <summary>Posts with an antiforgery token taken from another page (for a page the user may not open).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenFromAsync(this HttpClient client, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(tokenPage);
        var token = Token().Match(page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    public static async Task<List<IssuedDocument>> DocumentsAsync(this AppFactory app, string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.CaseNumber == number).OrderBy(d => d.SignedAt).ToListAsync();
    }

    public static async Task<CaseRecord> SubmitAcceptedAsync(this CaseTestKit kit, string itemCode = "ZJ-001")
    {
        var c = await kit.SubmitAsync("company", itemCode);
        return await kit.ActAsync(c.Number, "clerk", "accept");
    }

    public static string Html(this string s) => WebUtility.HtmlDecode(s);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
