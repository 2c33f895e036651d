using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Foundation;

public sealed class ApiAccessTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(status));
        Assert.That(doc.RootElement.GetProperty("title").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task An_anonymous_api_call_gets_401_problem_details_not_a_redirect()
    {
        using var client = _app.CreateBrowserLikeClient();
        await AssertProblemAsync(await client.GetAsync("/api/v1/me"), 401);
    }

    [Test]
    public async Task An_applicant_gets_403_problem_details_on_an_admin_api()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        await AssertProblemAsync(await client.GetAsync("/api/v1/admin/users"), 403);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/v1/me");
        Assert.That(me!.Roles, Is.EqualTo(new[] { "Applicant" }));
    }

    [Test]
    public async Task An_administrator_lists_users_with_their_departments()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin", IdentitySeeder.DemoPassword);
        var users = await client.GetFromJsonAsync<List<UserSummary>>("/api/v1/admin/users");
        Assert.That(users!.Single(u => u.UserName == "reviewer.hb").Department, Is.EqualTo("环保"));
        Assert.That(users!.Single(u => u.UserName == "chief.zj").Roles, Is.EqualTo(new[] { "ChiefRepresentative" }));
    }
}
