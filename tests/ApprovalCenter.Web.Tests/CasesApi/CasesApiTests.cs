using System.Net;
using System.Text.Json;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.CasesApi;

/// <summary>The cases JSON API end to end: real app, real PostgreSQL, the demo users signed in
/// through the login form. One app for the fixture; every test runs its own cases.</summary>
[NonParallelizable]
public sealed class CasesApiTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _app = new AppFactory();
        _ = _app.Services;   // migrate and seed once
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<CasesApiClient> As(string user) => CasesApiClient.SignInAsync(_app, user);

    private async Task<string> SubmitAsync(CasesApiClient applicant)
    {
        var response = await applicant.SubmitAsync("ZJ-001");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ExpectAsync(response, status);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
        return problem;
    }

    [Test]
    public async Task A_case_runs_from_submission_to_delivery_through_the_api_with_its_documents_listed()
    {
        var company = await As("company");
        var clerk = await As("clerk");
        var reviewer = await As("reviewer.zj");
        var chief = await As("chief.zj");

        var submitted = await ExpectAsync(await company.SubmitAsync("ZJ-001"), HttpStatusCode.Created);
        var number = submitted.GetProperty("number").GetString()!;
        Assert.That(submitted.GetProperty("status").GetString(), Is.EqualTo("Running"));
        Assert.That(submitted.GetProperty("currentSteps").Strings(), Is.EqualTo(new[] { "intake" }));
        Assert.That(submitted.GetProperty("intakeDeadline").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(submitted.GetProperty("deadlines").GetProperty("intake").TryGetProperty("provisional", out _), Is.True);
        Assert.That(submitted.GetProperty("workflowVersion").GetInt64(), Is.GreaterThan(0));

        var queue = await ExpectAsync(await clerk.Http.GetAsync("/api/v1/cases?step=intake&department=住建&order=newest"), HttpStatusCode.OK);
        Assert.That(queue.EnumerateArray().Select(c => c.GetProperty("number").GetString()), Does.Contain(number));

        var version = submitted.GetProperty("workflowVersion").GetInt64();
        var accepted = await ExpectAsync(await clerk.ActAsync(number, "accept", expectedVersion: version), HttpStatusCode.OK);
        Assert.That(accepted.GetProperty("currentSteps").Strings(), Is.EqualTo(new[] { "review" }));
        Assert.That(accepted.GetProperty("deadlines").GetProperty("promised").ValueKind, Is.EqualTo(JsonValueKind.Object));

        var reviewQueue = await ExpectAsync(await reviewer.Http.GetAsync("/api/v1/cases?step=review"), HttpStatusCode.OK);
        Assert.That(reviewQueue.EnumerateArray().Select(c => c.GetProperty("number").GetString()), Does.Contain(number));

        await ExpectAsync(await reviewer.ActAsync(number, "submit-opinion", new { opinion = "符合法定条件，建议准予许可" }), HttpStatusCode.OK);
        await ExpectAsync(await chief.ActAsync(number, "approve"), HttpStatusCode.OK);
        var delivered = await ExpectAsync(await clerk.ActAsync(number, "deliver", new { deliveryMethod = "邮寄", trackingNumber = "SF1234567890" }), HttpStatusCode.OK);
        Assert.That(delivered.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(delivered.GetProperty("outcome").GetString(), Is.EqualTo("approved"));

        var seen = await ExpectAsync(await company.GetAsync(number), HttpStatusCode.OK);
        var documents = seen.GetProperty("documents").EnumerateArray().ToList();
        Assert.That(documents.Select(d => d.GetProperty("kind").GetString()),
            Is.SupersetOf(new[] { "AcceptanceNotice", "ApprovalDecision", "Certificate" }));
        Assert.That(documents.Select(d => d.GetProperty("verificationCode").GetString()), Has.All.Length.EqualTo(16));
        Assert.That(documents.Select(d => d.GetProperty("verificationUrl").GetString()), Has.All.Contains("/verify/"));

        var mine = await ExpectAsync(await company.Http.GetAsync("/api/v1/cases"), HttpStatusCode.OK);
        Assert.That(mine.EnumerateArray().Select(c => c.GetProperty("number").GetString()), Does.Contain(number));
    }

    [Test]
    public async Task Another_applicant_gets_404_on_someone_elses_case_and_does_not_see_it_listed()
    {
        var company = await As("company");
        var citizen = await As("citizen");
        var number = await SubmitAsync(company);

        var get = await ExpectProblemAsync(await citizen.GetAsync(number), HttpStatusCode.NotFound);
        var missing = await ExpectProblemAsync(await citizen.GetAsync("QYGX-2099-999999"), HttpStatusCode.NotFound);
        Assert.That(get.GetProperty("title").GetString(), Is.EqualTo(missing.GetProperty("title").GetString()), "same answer as a case that does not exist");
        await ExpectProblemAsync(await citizen.ActAsync(number, "supplement"), HttpStatusCode.NotFound);
        var theirs = await ExpectAsync(await citizen.Http.GetAsync("/api/v1/cases"), HttpStatusCode.OK);
        Assert.That(theirs.EnumerateArray().Select(c => c.GetProperty("number").GetString()), Does.Not.Contain(number));
    }

    [Test]
    public async Task A_reviewer_of_another_department_gets_403_on_the_case()
    {
        var number = await SubmitAsync(await As("company"));
        await ExpectAsync(await (await As("clerk")).ActAsync(number, "accept"), HttpStatusCode.OK);
        var hb = await As("reviewer.hb");

        await ExpectProblemAsync(await hb.ActAsync(number, "submit-opinion", new { opinion = "越权意见" }), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await hb.GetAsync(number), HttpStatusCode.Forbidden);
        await ExpectProblemAsync(await hb.Http.GetAsync("/api/v1/cases?department=住建"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_wrong_role_gets_403_problem_details()
    {
        var number = await SubmitAsync(await As("company"));
        var problem = await ExpectProblemAsync(await (await As("reviewer.zj")).ActAsync(number, "accept"), HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("无权"));
        // Staff cannot submit applications.
        await ExpectProblemAsync(await (await As("clerk")).SubmitAsync("ZJ-001"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task An_action_of_a_step_that_is_not_current_is_a_409()
    {
        var number = await SubmitAsync(await As("company"));
        var problem = await ExpectProblemAsync(await (await As("chief.zj")).ActAsync(number, "approve"), HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("不能执行"));
    }

    [Test]
    public async Task Missing_required_data_is_a_400_naming_the_field()
    {
        var number = await SubmitAsync(await As("company"));
        var problem = await ExpectProblemAsync(await (await As("clerk")).ActAsync(number, "refuse"), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("refusalReason", out var messages), Is.True, problem.ToString());
        Assert.That(messages[0].GetString(), Is.EqualTo("不予受理须写明理由"), "the descriptor's Chinese message, the same the staff page shows");

        var badMode = await ExpectProblemAsync(await (await As("company")).SubmitAsync("ZJ-001", mode: "Express"), HttpStatusCode.BadRequest);
        Assert.That(badMode.GetProperty("errors").TryGetProperty("mode", out _), Is.True);
        var badItem = await ExpectProblemAsync(await (await As("company")).SubmitAsync("NO-SUCH-ITEM"), HttpStatusCode.BadRequest);
        Assert.That(badItem.GetProperty("errors").TryGetProperty("itemCode", out _), Is.True);
    }

    [Test]
    public async Task A_stale_expected_version_is_a_409_with_the_conflict_message()
    {
        var company = await As("company");
        var submitted = await ExpectAsync(await company.SubmitAsync("ZJ-001"), HttpStatusCode.Created);
        var number = submitted.GetProperty("number").GetString()!;
        var stale = submitted.GetProperty("workflowVersion").GetInt64();
        var clerk = await As("clerk");
        await ExpectAsync(await clerk.ActAsync(number, "accept", expectedVersion: stale), HttpStatusCode.OK);

        var problem = await ExpectProblemAsync(
            await (await As("reviewer.zj")).ActAsync(number, "submit-opinion", new { opinion = "基于旧页面的意见" }, expectedVersion: stale),
            HttpStatusCode.Conflict);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("已被其他人处理"));
        var now = await ExpectAsync(await clerk.GetAsync(number), HttpStatusCode.OK);
        Assert.That(now.GetProperty("currentSteps").Strings(), Is.EqualTo(new[] { "review" }), "the stale action had no effect");
    }

    [Test]
    public async Task State_changing_calls_without_the_antiforgery_header_are_refused()
    {
        var company = await As("company");
        await ExpectProblemAsync(await company.SubmitAsync("ZJ-001", withToken: false), HttpStatusCode.BadRequest);
        var number = await SubmitAsync(company);
        var clerk = await As("clerk");
        await ExpectProblemAsync(await clerk.ActAsync(number, "accept", withToken: false), HttpStatusCode.BadRequest);
        var unchanged = await ExpectAsync(await clerk.GetAsync(number), HttpStatusCode.OK);
        Assert.That(unchanged.GetProperty("currentSteps").Strings(), Is.EqualTo(new[] { "intake" }));
    }

    [Test]
    public async Task Anonymous_callers_get_401()
    {
        var anonymous = _app.CreateBrowserLikeClient();
        await ExpectProblemAsync(await anonymous.GetAsync("/api/v1/cases"), HttpStatusCode.Unauthorized);
    }
}
