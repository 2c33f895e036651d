using System.Net;
using System.Text.Json;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Foundation;

public sealed class ShellTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    [Test]
    public async Task An_unknown_url_gets_a_friendly_404_page()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/no/such/page");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("页面不存在"));
        Assert.That(html, Does.Contain("返回首页"));
    }

    [Test]
    public async Task An_unknown_api_url_gets_problem_details()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/api/v1/no-such-thing");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(404));
    }

    [Test]
    public async Task Liveness_and_readiness_report_database_and_background_jobs()
    {
        using var client = _app.CreateClient();
        Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The Hangfire server announces itself shortly after the host starts; give it a moment on a loaded machine.
        HttpResponseMessage ready = null!;
        var body = "";
        for (var i = 0; i < 75; i++)
        {
            ready = await client.GetAsync("/readyz");
            body = await ready.Content.ReadAsStringAsync();
            if (ready.StatusCode == HttpStatusCode.OK && body.Contains("\"servers\":\"1\"")) break;
            await Task.Delay(200);
        }
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var doc = JsonDocument.Parse(body);
        var checks = doc.RootElement.GetProperty("checks");
        Assert.That(checks.GetProperty("database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        var jobs = checks.GetProperty("background-jobs");
        Assert.That(jobs.GetProperty("status").GetString(), Is.EqualTo("Healthy"), body);
        Assert.That(jobs.GetProperty("data").GetProperty("servers").GetString(), Is.EqualTo("1"), "this node's Hangfire server");
        Assert.That(jobs.GetProperty("data").GetProperty("staleLocks").GetString(), Is.Empty);
    }

    [Test]
    public async Task The_openapi_document_is_served()
    {
        using var client = _app.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("ApprovalCenter API"));
    }

    [Test]
    public async Task Pages_carry_security_headers_and_forms_carry_antiforgery_tokens()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/Account/Login");
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(response.Headers.Contains("Content-Security-Policy"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("__RequestVerificationToken"));
    }

    [Test]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "admin", ["Input.Password"] = "x",
        }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_english_switch_translates_the_shell()
    {
        using var client = _app.CreateBrowserLikeClient();
        Assert.That(await client.GetStringAsync("/"), Does.Contain("一窗通办"));
        var redirect = await client.GetAsync("/culture/en?returnUrl=/");
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var english = await client.GetStringAsync("/");
        Assert.That(english, Does.Contain("lang=\"en\""));
        Assert.That(english, Does.Contain("One window for every application"));
    }
}
