using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Hosting;
using static ApprovalCenter.Web.Tests.Edge.EdgeKit;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>One regression test per kind of malformed request the fuzz run answered with a 500
/// (issue 9): each gets a 4xx whose message names the field and the reason.</summary>
[NonParallelizable]
public sealed class BadInputTests
{
    private AppFactory _app = null!;
    private HttpClient _company = null!;
    private string _csrf = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = new AppFactory();
        _company = _app.CreateBrowserLikeClient();
        await _company.SignInAsync("company", IdentitySeeder.DemoPassword);
        _csrf = await _company.ApiTokenAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _company.Dispose();
        await _app.DisposeAsync();
    }

    private Task<HttpResponseMessage> SubmitRawAsync(string json, string contentType = "application/json") =>
        _company.SendAsync(Raw(HttpMethod.Post, "/api/v1/cases", json, contentType, _csrf));

    [Test]
    public async Task Malformed_json_is_a_400_naming_the_position()
    {
        var problem = await (await SubmitRawAsync("{\"itemCode\":")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError("$"), Does.Contain("不是有效的 JSON").And.Contain("第 1 行"));
    }

    [TestCase("{\"itemCode\":5}", "itemCode")]
    [TestCase("{\"itemCode\":\"ZJ-001\",\"data\":[1,2]}", "data")]
    public async Task A_json_value_of_the_wrong_type_is_a_400_naming_the_field(string json, string field)
    {
        var problem = await (await SubmitRawAsync(json)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError(field), Does.Contain(field).And.Contain("类型不正确"));
    }

    [Test]
    public async Task An_action_with_a_version_that_is_not_a_number_names_expectedVersion()
    {
        var response = await _company.SendAsync(Raw(HttpMethod.Post, "/api/v1/cases/NO-SUCH/actions/supplement", "{\"expectedVersion\":\"x\"}", csrf: _csrf));
        // Binding runs before the handler looks the case up: the field is named, not a 404 or 500.
        Assert.That((await response.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("expectedVersion"), Does.Contain("expectedVersion"));
    }

    [TestCase("take=abc", "take", "整数")]
    [TestCase("take=99999999999999999999", "take", "整数")]
    public async Task A_bad_query_value_is_a_400_naming_the_parameter(string query, string field, string expected)
    {
        var problem = await (await _company.GetAsync("/api/v1/cases?" + query)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError(field), Does.Contain(field).And.Contain(expected));
    }

    [TestCase("{\"itemCode\":\"ZJ-001\",\"data\":{\"projectName\":\"清远\\u0000项目\"}}", "data.projectName", "NUL")]
    [TestCase("{\"itemCode\":\"ZJ-001\",\"data\":{\"projectName\":\"清远\\ud800项目\"}}", "data.projectName", "代理字符")]
    [TestCase("{\"itemCode\":\"ZJ-001\",\"data\":{\"list\\udc00\":1}}", "data", "代理字符")]
    [TestCase("{\"itemCode\":\"ZJ-001\",\"data\":{\"materials\":[\"a\",\"b\\u0000\"]}}", "data.materials[1]", "NUL")]
    public async Task Nul_and_lone_surrogates_in_case_data_are_refused_at_the_edge(string json, string field, string reason)
    {
        var problem = await (await SubmitRawAsync(json)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError(field), Does.Contain(reason));
        var mine = await _company.GetStringAsync("/api/v1/cases");
        Assert.That(mine, Does.Not.Contain("清远"), "nothing was stored");
    }

    [TestCase("/api/v1/cases?step=a%00b", "step")]
    [TestCase("/api/v1/cases?department=%E4%BD%8F%00", "department")]
    public async Task A_nul_in_a_query_is_refused_before_it_reaches_postgresql(string url, string field)
    {
        var problem = await (await _company.GetAsync(url)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError(field), Does.Contain("NUL"));
    }

    [Test]
    public async Task A_charset_other_than_utf8_is_a_415_on_the_api_and_on_pages()
    {
        var api = await (await SubmitRawAsync("{\"itemCode\":\"ZJ-001\"}", "application/json; charset=bogus")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(api.GetProperty("detail").GetString(), Does.Contain("bogus").And.Contain("UTF-8"));
        using var anon = _app.CreateBrowserLikeClient();
        var token = await anon.PageTokenAsync();
        var page = await anon.SendAsync(Form("/Account/Login", "Input.UserName=a&Input.Password=b", token, "application/x-www-form-urlencoded; charset=bogus"));
        Assert.That(Detail(await page.ErrorPageAsync(HttpStatusCode.UnsupportedMediaType)), Does.Contain("bogus"));
    }

    [Test]
    public async Task Case_data_over_the_limit_is_a_413_naming_data()
    {
        var big = new string('字', 30_000);   // 90 KB of UTF-8, over the 64 KiB default
        var problem = await (await SubmitRawAsync($"{{\"itemCode\":\"ZJ-001\",\"data\":{{\"projectName\":\"{big}\"}}}}")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.FieldError("data"), Does.Contain("64 KiB"));
    }

    [Test]
    public async Task The_case_data_limit_is_configurable()
    {
        await using var small = new AppFactory().With("ApprovalCenter:Limits:CaseDataMaxBytes", "2048");
        using var client = small.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        var csrf = await client.ApiTokenAsync();
        var over = await client.SendAsync(Raw(HttpMethod.Post, "/api/v1/cases", $"{{\"itemCode\":\"ZJ-001\",\"data\":{{\"projectName\":\"{new string('x', 3000)}\"}}}}", csrf: csrf));
        Assert.That((await over.ProblemAsync(HttpStatusCode.RequestEntityTooLarge)).FieldError("data"), Does.Contain("2 KiB"));
        var under = await client.SendAsync(Raw(HttpMethod.Post, "/api/v1/cases", "{\"itemCode\":\"ZJ-001\",\"data\":{\"projectName\":\"小项目\"}}", csrf: csrf));
        Assert.That((int)under.StatusCode, Is.Not.EqualTo(413).And.LessThan(500), await under.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_form_post_with_a_nul_gets_the_error_page_naming_the_field()
    {
        using var anon = _app.CreateBrowserLikeClient();
        var token = await anon.PageTokenAsync();
        var response = await anon.SendAsync(Form("/Account/Login", "Input.UserName=ad%00min&Input.Password=x", token));
        Assert.That(Detail(await response.ErrorPageAsync(HttpStatusCode.BadRequest)), Does.Contain("Input.UserName").And.Contain("NUL"));
    }

    [Test]
    public async Task A_form_over_30_mb_gets_an_error_page_that_survives_being_re_run_as_that_post()
    {
        var huge = "Input.UserName=" + new string('x', 31_000_000);
        // A form that carries case data is held to the case data limit.
        var caseForm = await _company.SendAsync(Form("/Apply/ZJ-001", huge, await _company.PageTokenAsync("/Inbox")));
        Assert.That(Detail(await caseForm.ErrorPageAsync(HttpStatusCode.RequestEntityTooLarge)), Does.Contain("80 KiB"));
        // Any other form: the server's form limits refuse it, and the error page still renders.
        using var anon = _app.CreateBrowserLikeClient();
        var login = await anon.SendAsync(Form("/Account/Login", huge));
        Assert.That((int)login.StatusCode, Is.InRange(400, 499));
        Assert.That(await login.Content.ReadAsStringAsync(), Does.Contain("返回首页"));
    }

    [Test]
    public async Task A_post_to_a_page_without_a_post_handler_is_405_with_allow()
    {
        using var anon = _app.CreateBrowserLikeClient();
        var token = await anon.PageTokenAsync();
        var response = await anon.SendAsync(Form("/Guide", "q=x", token));
        await response.ErrorPageAsync(HttpStatusCode.MethodNotAllowed);
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD" }));
    }

    [TestCase("TRACE", "/Guide")]
    [TestCase("PUT", "/")]
    [TestCase("DELETE", "/Account/Login")]
    [TestCase("PATCH", "/Guide/ZJ-001")]
    public async Task Other_methods_on_pages_are_405(string method, string url)
    {
        using var anon = _app.CreateBrowserLikeClient();
        // With the antiforgery token, so that the method itself is what is refused.
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("X-CSRF-TOKEN", await anon.PageTokenAsync());
        var response = await anon.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Options_on_a_page_lists_the_methods_it_takes()
    {
        using var anon = _app.CreateBrowserLikeClient();
        var response = await anon.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/Guide/ZJ-001"));
        Assert.That((int)response.StatusCode, Is.LessThan(500));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "HEAD" }));
    }

    [Test]
    public async Task A_control_character_in_the_path_is_a_400_and_a_blank_item_code_a_404()
    {
        using var anon = _app.CreateBrowserLikeClient();
        Assert.That(Detail(await (await anon.GetAsync("/Guide/%09")).ErrorPageAsync(HttpStatusCode.BadRequest)), Does.Contain("地址"));
        await (await anon.GetAsync("/Guide/%20")).ErrorPageAsync(HttpStatusCode.NotFound);
        Assert.That(Detail(await (await anon.GetAsync("/Guide/XX-999")).ErrorPageAsync(HttpStatusCode.NotFound)), Does.Contain("XX-999"));
    }

    [TestCase("/%5Cevil.example", "/")]
    [TestCase("//evil.example", "/")]
    [TestCase("https://evil.example/", "/")]
    [TestCase("/%09/evil.example", "/")]
    [TestCase("/Guide?q=1", "/Guide?q=1")]
    public async Task The_language_switch_only_returns_to_this_site(string returnUrl, string expected)
    {
        using var anon = _app.CreateBrowserLikeClient();
        var response = await anon.GetAsync("/culture/en?returnUrl=" + returnUrl.Replace("?", "%3F").Replace("=", "%3D"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(expected));
    }

    [Test]
    public async Task Remember_me_that_is_not_yes_or_no_is_a_field_error_on_the_form()
    {
        using var anon = _app.CreateBrowserLikeClient();
        var token = await anon.PageTokenAsync();
        var response = await anon.SendAsync(Form("/Account/Login", "Input.UserName=citizen&Input.Password=x&Input.RememberMe=x", token));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("“保持登录”的值“x”无效"));
    }

    [Test]
    public async Task A_truncated_multipart_upload_is_a_400_on_the_api_and_on_pages()
    {
        const string cut = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc";
        var api = await _company.SendAsync(Raw(HttpMethod.Post, "/api/v1/files", cut, "multipart/form-data; boundary=b", _csrf));
        Assert.That((await api.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"), Does.Contain("无法读取"));
        using var anon = _app.CreateBrowserLikeClient();
        var page = await anon.SendAsync(Raw(HttpMethod.Post, "/Account/Login", cut, "multipart/form-data; boundary=b"));
        Assert.That(Detail(await page.ErrorPageAsync(HttpStatusCode.BadRequest)), Does.Contain("上传中断"));
    }

    [TestCase("/Error?code=-1")]
    [TestCase("/Error?code=500")]
    [TestCase("/Error?code=abc")]
    public async Task The_error_page_visited_directly_is_a_plain_404(string url)
    {
        using var anon = _app.CreateBrowserLikeClient();
        await (await anon.GetAsync(url)).ErrorPageAsync(HttpStatusCode.NotFound);
        await (await anon.SendAsync(new HttpRequestMessage(HttpMethod.Post, url))).ErrorPageAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task The_calendar_shows_its_first_year_and_a_missing_year_is_a_friendly_404()
    {
        using var admin = _app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin", IdentitySeeder.DemoPassword);
        var first = await admin.GetAsync("/Admin/Calendar?year=2025");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Match("data-testid=\"working-days\">2[0-9][0-9]<"));
        Assert.That(Detail(await (await admin.GetAsync("/Admin/Calendar?year=1999")).ErrorPageAsync(HttpStatusCode.NotFound)), Does.Contain("1999"));
    }

    [Test]
    public async Task Api_messages_follow_the_english_switch()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        await client.GetAsync("/culture/en?returnUrl=/");
        var problem = await (await client.GetAsync("/api/v1/cases?take=abc")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError("take"), Does.Contain("must be a whole number"));
    }
}

/// <summary>The same API answers in Production as in Development: ThrowOnBadRequest is on in
/// both, so the field is named in both.</summary>
public sealed class BadInputInProductionTests
{
    [Test]
    public async Task Binding_failures_name_the_field_in_production_too()
    {
        await using var app = new AppFactory()
            .With("ApprovalCenter:Features:SeedDemoAccounts", "true")
            .With("ApprovalCenter:Seal:CreateDevelopmentCertificate", "true");
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        var problem = await (await client.GetAsync("/api/v1/cases?take=abc")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.FieldError("take"), Does.Contain("take"));
        var csrf = await client.ApiTokenAsync();
        var json = await (await client.SendAsync(Raw(HttpMethod.Post, "/api/v1/cases", "{\"itemCode\":[", csrf: csrf))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(json.FieldError("$"), Does.Contain("JSON"));
    }
}
