using System.Net;
using System.Text.Json;
using ApprovalCenter.Identity;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Pages.Account;
using ApprovalCenter.Web.Tests.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>Issue 9, item 8: sessions end on the server, cookies and headers fit a TLS proxy,
/// sign-in failures say nothing about which accounts exist, limits count per user, private
/// responses are not cached and operators' detail stays with operators.</summary>
[NonParallelizable]
public sealed class SessionTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task A_cookie_captured_before_sign_out_no_longer_works_after_it()
    {
        using var session = CapturedSession.Create(_app);
        await session.SignInAsync("citizen", IdentitySeeder.DemoPassword);
        var stolen = new Dictionary<string, string>(session.Cookies);
        Assert.That((await session.GetAsync("/api/v1/me", stolen)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy works while signed in");

        var signedOut = await session.PostFormAsync("/Account/Logout", [], tokenPage: "/My");
        Assert.That(signedOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        Assert.That((await session.GetAsync("/api/v1/me", stolen)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var page = await session.GetAsync("/My", stolen);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/Login"));
    }

    [Test]
    public async Task A_security_change_elsewhere_ends_the_session_and_the_account_page_keeps_its_own()
    {
        using var session = CapturedSession.Create(_app);
        await session.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        // The first visit creates the authenticator key, which rotates the stamp: this session survives it.
        Assert.That((await session.GetAsync("/Account/Manage")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await session.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("supervisor"))!);
        }
        Assert.That((await session.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Over_https_every_cookie_is_secure_and_hsts_is_sent()
    {
        using var session = CapturedSession.Create(_app, "https://approval.example");
        var login = await session.GetAsync("/Account/Login");
        Assert.That(login.Headers.GetValues("Strict-Transport-Security").Single(), Does.Contain("max-age=31536000"));
        var signIn = await session.PostFormAsync("/Account/Login", new() { ["Input.UserName"] = "citizen", ["Input.Password"] = IdentitySeeder.DemoPassword });
        var cookies = login.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.That(cookies, Has.Some.StartsWith("ac.auth="));
        Assert.That(cookies, Has.All.Contains("secure"));
        using var culture = CapturedSession.Create(_app, "https://approval.example");
        Assert.That((await culture.GetAsync("/culture/en?returnUrl=/")).Headers.GetValues("Set-Cookie").Single(), Does.Contain("secure"));
    }

    [Test]
    public async Task Over_plain_http_cookies_are_not_secure_and_no_hsts_is_sent()
    {
        using var session = CapturedSession.Create(_app, "http://approval.example");
        var login = await session.GetAsync("/Account/Login");
        Assert.That(login.Headers.Contains("Strict-Transport-Security"), Is.False);
        Assert.That(login.Headers.GetValues("Set-Cookie"), Has.None.Contains("secure"));
    }

    [Test]
    public async Task Https_reported_by_the_local_proxy_counts_as_https()
    {
        using var session = CapturedSession.Create(_app, "http://approval.example");
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var login = await session.SendAsync(request);
        Assert.That(login.Headers.Contains("Strict-Transport-Security"));
        Assert.That(login.Headers.GetValues("Set-Cookie"), Has.All.Contains("secure"));
    }

    [Test]
    public async Task Forwarded_headers_count_only_from_configured_proxies()
    {
        await using var untrusted = new AppFactory { ClientAddress = "10.0.0.7" }.With("ApprovalCenter:ReverseProxy:KnownNetworks:0", "10.0.0.0/30");
        await using var trusted = new AppFactory { ClientAddress = "10.0.0.7" }.With("ApprovalCenter:ReverseProxy:KnownProxies:0", "10.0.0.7");
        foreach (var (app, honoured) in new[] { (untrusted, false), (trusted, true) })
        {
            using var session = CapturedSession.Create(app, "http://approval.example");
            var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
            request.Headers.Add("X-Forwarded-Proto", "https");
            var login = await session.SendAsync(request);
            Assert.That(login.Headers.Contains("Strict-Transport-Security"), Is.EqualTo(honoured));
        }
        // Only the loopback client (the operator on the machine) and administrators see /readyz detail.
        using var remote = untrusted.CreateClient();
        var ready = JsonDocument.Parse(await remote.GetStringAsync("/readyz")).RootElement;
        Assert.That(ready.TryGetProperty("status", out _));
        Assert.That(ready.TryGetProperty("checks", out _), Is.False);
        using var admin = untrusted.CreateBrowserLikeClient();
        await admin.SignInAsync("admin", IdentitySeeder.DemoPassword);
        var detail = JsonDocument.Parse(await admin.GetStringAsync("/readyz")).RootElement;
        Assert.That(detail.GetProperty("checks").TryGetProperty("database", out _));
    }

    [Test]
    public async Task A_remote_client_via_the_local_proxy_gets_no_readiness_detail()
    {
        using var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/readyz");
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var body = JsonDocument.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync()).RootElement;
        Assert.That(body.TryGetProperty("checks", out _), Is.False);
        Assert.That(JsonDocument.Parse(await client.GetStringAsync("/readyz")).RootElement.TryGetProperty("checks", out _), "loopback sees the detail");
    }

    [Test]
    public async Task A_locked_account_and_an_unknown_name_get_the_same_answer()
    {
        await using var own = new AppFactory();
        using var client = own.CreateBrowserLikeClient();
        async Task<string> TryAsync(string user, string password)
        {
            var html = WebUtility.HtmlDecode(await (await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = user, ["Input.Password"] = password })).Content.ReadAsStringAsync());
            return System.Text.RegularExpressions.Regex.Match(html, "<li>([^<]*)</li>").Groups[1].Value;
        }
        for (var i = 0; i < 5; i++) await TryAsync("citizen", "Wrong#2026");
        var locked = await TryAsync("citizen", IdentitySeeder.DemoPassword);
        var unknown = await TryAsync("no.such.user", "Wrong#2026");
        var wrong = await TryAsync("company", "Wrong#2026");
        Assert.That(locked, Is.EqualTo(LoginModel.FailedMessage));
        Assert.That(unknown, Is.EqualTo(locked));
        Assert.That(wrong, Is.EqualTo(locked));
    }

    [Test]
    public async Task Signed_in_users_have_their_own_rate_limit_budget()
    {
        await using var strict = new AppFactory().With("ApprovalCenter:RateLimits:PublicApiPerMinute", "3");
        using var company = strict.CreateBrowserLikeClient();
        await company.SignInAsync("company", IdentitySeeder.DemoPassword);
        using var citizen = strict.CreateBrowserLikeClient();
        await citizen.SignInAsync("citizen", IdentitySeeder.DemoPassword);
        using var anonymous = strict.CreateClient();
        async Task<List<int>> Calls(HttpClient c, int n)
        {
            var s = new List<int>();
            for (var i = 0; i < n; i++) s.Add((int)(await c.GetAsync("/api/v1/catalog/compression")).StatusCode);
            return s;
        }
        Assert.That(await Calls(company, 4), Is.EqualTo(new[] { 200, 200, 200, 429 }));
        // Same address, other people: not counted against the company.
        Assert.That(await Calls(citizen, 3), Is.EqualTo(new[] { 200, 200, 200 }));
        Assert.That(await Calls(anonymous, 3), Is.EqualTo(new[] { 200, 200, 200 }));
    }

    [Test]
    public async Task Case_json_files_and_signed_in_pages_are_not_stored_by_caches()
    {
        using var company = _app.CreateBrowserLikeClient();
        await company.SignInAsync("company", IdentitySeeder.DemoPassword);
        var list = await company.GetAsync("/api/v1/cases");
        Assert.That(list.Headers.CacheControl?.NoStore, Is.True);
        var upload = await company.UploadAsync("申请书.pdf", UploadClient.Pdf());
        var file = await company.GetAsync(upload.Headers.Location);
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(file.Headers.CacheControl?.NoStore, Is.True);
        Assert.That((await company.GetAsync("/My")).Headers.CacheControl?.NoStore, Is.True);
        using var anonymous = _app.CreateClient();
        Assert.That((await anonymous.GetAsync("/api/v1/catalog/compression")).Headers.CacheControl?.NoStore, Is.Not.True, "public data may be cached");
    }
}
