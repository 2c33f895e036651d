using System.Net;
using System.Text.Json;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Journeys;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.CasesApi;

/// <summary>
/// 并联审批 (rules.md §2e) across departments, through the API and the pages as the real roles: the co-reviewing
/// department (环保) finds its task in its inbox, opens the case and records an objection on its own step; acting on
/// the lead's step is a 403 naming who works it; the objection goes to the lead's coordination step, and one decision
/// follows. A case with no 环保 step stays closed to 环保.
/// </summary>
public sealed class JointReviewDepartmentsTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7, 9)) };
    [OneTimeTearDown] public async Task Stop() => await _app.DisposeAsync();

    private Task<CasesApiClient> As(string user) => CasesApiClient.SignInAsync(_app, user);

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Test]
    public async Task A_co_reviewing_department_works_its_own_task_objects_and_the_lead_resolves_it()
    {
        var created = await Expect(await (await As("company")).SubmitAsync("ZJ-001", "Joint", new() { ["needsEnvironment"] = true }), HttpStatusCode.Created);
        var number = created.GetProperty("number").GetString()!;
        await Expect(await (await As("clerk")).ActAsync(number, "accept"), HttpStatusCode.OK);

        var hb = await As("reviewer.hb");
        var inbox = await hb.Http.GetStringAsync("/Staff/Review");
        Assert.That(inbox, Does.Contain($"data-number=\"{number}\" data-step=\"hb-review\""), "环保 sees its co-review task");
        Assert.That(inbox, Does.Not.Contain("data-step=\"lead-review\""), "and none of the lead's steps");
        var page = await hb.Http.GetAsync($"/Staff/Cases/{number}");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-action=\"object\"").And.Not.Contain("data-action=\"start-excluded-procedure\""), "only its own step's actions are offered");
        var listed = await Expect(await hb.Http.GetAsync("/api/v1/cases"), HttpStatusCode.OK);
        Assert.That(listed.EnumerateArray().Select(c => c.GetProperty("number").GetString()), Does.Contain(number));

        var onLead = await Expect(await hb.ActAsync(number, "pass", stepId: "lead-review"), HttpStatusCode.Forbidden);
        Assert.That(onLead.GetProperty("detail").GetString(), Does.Contain("住建"));
        await Expect(await hb.ActAsync(number, "object", new { objection = "项目位于饮用水源保护区，环评结论不支持" }, stepId: "hb-review"), HttpStatusCode.OK);

        var zj = await As("reviewer.zj");
        var zjInbox = await zj.Http.GetStringAsync("/Staff/Review");
        Assert.That(zjInbox, Does.Not.Contain("data-step=\"hb-review\""), "the lead does not see the co-reviewer's task as its own");
        await Expect(await zj.ActAsync(number, "pass", stepId: "lead-review"), HttpStatusCode.OK);

        var gone = await hb.Http.GetAsync($"/Staff/Cases/{number}");
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "环保's part is done; the case is 住建's again");

        var chief = await As("chief.zj");
        var coordination = await Expect(await chief.GetAsync(number), HttpStatusCode.OK);
        Assert.That(coordination.GetProperty("currentSteps").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "joint-coordination" }));
        await Expect(await chief.ActAsync(number, "resolve-objection", new { resolution = "建设单位调整选址，环保部门同意" }), HttpStatusCode.OK);
        var decided = await Expect(await chief.ActAsync(number, "approve"), HttpStatusCode.OK);
        Assert.That(decided.GetProperty("currentSteps").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "delivery" }), "one decision, one hand-out");
    }

    [Test]
    public async Task The_portal_offers_joint_review_where_the_item_allows_and_forks_to_the_departments_the_project_involves()
    {
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7, 9)) });
        var number = await JourneyKit.ApplyAsync(b, "ZJ-001", mode: "Joint", involves: ["needsEnvironment"]);
        await JourneyKit.SignInAsync(b, "clerk");
        await b.GoAsync($"/Staff/Cases/{number}");
        await b.Page.Locator("form[data-action='accept'] button[type=submit]").First.ClickAsync();
        await JourneyKit.SignInAsync(b, "reviewer.hb");
        await b.GoAsync("/Staff/Review");
        await Assertions.Expect(b.Page.Locator($"tr[data-number='{number}'][data-step='hb-review']")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.Locator("tr[data-step='rf-review'], tr[data-step='sw-review']")).ToHaveCountAsync(0);
        await b.ScreenshotAsync("joint-review-co-reviewer-inbox");
        await b.GoAsync($"/Staff/Cases/{number}");
        await Assertions.Expect(b.Page.Locator("form[data-action='object']")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.Locator("form[data-action='request-promised-limit']")).ToHaveCountAsync(0);   // the lead department's to ask
        await Assertions.Expect(b.Page.Locator("input[name=ClaimStep][value='lead-review']")).ToHaveCountAsync(0);
        await b.ScreenshotAsync("joint-review-co-reviewer-case");
    }
}
