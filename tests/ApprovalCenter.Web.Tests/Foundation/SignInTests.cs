using System.Net;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Foundation;

public sealed class SignInTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    public static IEnumerable<TestCaseData> Homes() =>
    [
        new("company", "/My"), new("citizen", "/My"), new("clerk", "/Staff/Window"), new("reviewer.zj", "/Staff/Review"),
        new("chief.zj", "/Staff/Review"), new("supervisor", "/Supervision"), new("head", "/Supervision"), new("admin", "/Admin"),
    ];

    [TestCaseSource(nameof(Homes))]
    public async Task Each_demo_role_lands_on_its_home(string user, string home)
    {
        using var client = _app.CreateBrowserLikeClient();
        var target = await client.SignInAsync(user, IdentitySeeder.DemoPassword);
        Assert.That(target, Is.EqualTo(home));
        var page = await client.GetAsync(target);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), await page.Content.ReadAsStringAsync());
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"home-title\""));
    }

    [Test]
    public async Task A_reviewer_sees_their_department_from_the_claim()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("reviewer.hb", IdentitySeeder.DemoPassword);
        var html = await client.GetStringAsync("/Staff/Review");
        Assert.That(html, Does.Contain("data-testid=\"department\">环保<"));
    }

    [TestCase("/Staff/Window")]
    [TestCase("/Staff/Review")]
    [TestCase("/Supervision")]
    [TestCase("/Admin")]
    public async Task An_applicant_is_forbidden_on_staff_pages(string url)
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
        var denied = await client.GetAsync(response.Headers.Location);
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        await using var strict = new AppFactory().With("ApprovalCenter:RateLimits:SignInPerMinute", "3");
        using var client = strict.CreateBrowserLikeClient();
        var fields = new Dictionary<string, string> { ["Input.UserName"] = "nobody", ["Input.Password"] = "Wrong#2026" };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await client.PostFormAsync("/Account/Login", fields)).StatusCode);
        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync("/My");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/Login"));
    }

    [Test]
    public async Task A_wrong_password_gets_a_clear_message_and_five_lock_the_account()
    {
        await using var own = new AppFactory();   // its own database: the lockout must not leak into other tests
        using var client = own.CreateBrowserLikeClient();
        var fields = new Dictionary<string, string> { ["Input.UserName"] = "citizen", ["Input.Password"] = "Wrong#2026" };
        var first = await client.PostFormAsync("/Account/Login", fields);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("用户名或密码不正确"));
        for (var i = 0; i < 4; i++) await client.PostFormAsync("/Account/Login", fields);
        var good = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "citizen", ["Input.Password"] = IdentitySeeder.DemoPassword });
        Assert.That(await good.Content.ReadAsStringAsync(), Does.Contain("账号已临时锁定"));
    }
}
