using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Calendar;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Calendar;

public sealed class CalendarApiTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    [Test]
    public async Task Twenty_working_days_from_the_day_before_national_day_2026()
    {
        using var client = _app.CreateClient();
        var r = await client.GetFromJsonAsync<DeadlineResponse>("/api/v1/calendar/deadline?from=2026-09-30&workingDays=20");
        // Oct 1-7 are holidays, Oct 10 (Sat) is a make-up working day: Oct 8, 9, 10, 12-16, 19-23, 26-30 = 18, Nov 2, 3 -> 20.
        Assert.That(r, Is.EqualTo(new DeadlineResponse("2026-09-30", 20, "2026-11-03", false)));
    }

    [Test]
    public async Task Counting_across_the_spring_festival_2026()
    {
        using var client = _app.CreateClient();
        var r = await client.GetFromJsonAsync<WorkingDaysResponse>("/api/v1/calendar/working-days?from=2026-02-13&to=2026-02-28");
        // (Feb 13, Feb 28]: Feb 14 (make-up Sat), Feb 24, 25, 26, 27, Feb 28 (make-up Sat) = 6; Feb 15-23 are holidays.
        Assert.That(r!.WorkingDays, Is.EqualTo(6));
        Assert.That(r.Provisional, Is.False);
    }

    [Test]
    public async Task A_deadline_in_an_unloaded_year_is_marked_provisional()
    {
        using var client = _app.CreateClient();
        var r = await client.GetFromJsonAsync<DeadlineResponse>("/api/v1/calendar/deadline?from=2026-12-20&workingDays=20");
        Assert.That(r!.Provisional, Is.True);
    }

    [TestCase("/api/v1/calendar/deadline?from=2026-13-01&workingDays=5", "from")]
    [TestCase("/api/v1/calendar/deadline?from=2026-01-05&workingDays=0", "workingDays")]
    [TestCase("/api/v1/calendar/deadline?from=2026-01-05&workingDays=1001", "workingDays")]
    [TestCase("/api/v1/calendar/deadline?from=2026-01-05&workingDays=abc", "workingDays")]
    [TestCase("/api/v1/calendar/deadline?workingDays=3", "from")]
    [TestCase("/api/v1/calendar/working-days?from=2026-03-01&to=2026-02-01", "to")]
    [TestCase("/api/v1/calendar/working-days?from=2026-03-01&to=20260401", "to")]
    [TestCase("/api/v1/calendar/deadline?from=1999-01-05&workingDays=3", "from")]
    [TestCase("/api/v1/calendar/working-days?from=2026-01-01&to=2100-01-01", "to")]  // beyond the horizon whichever years another test loaded
    [TestCase("/api/v1/calendar/working-days?from=1999-01-01&to=2026-01-01", "from")]
    public async Task Bad_parameters_get_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), Is.True, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task An_administrator_previews_the_diff_then_loads_2027_and_the_provisional_flag_goes()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin", IdentitySeeder.DemoPassword);
        var grid = await client.GetStringAsync("/Admin/Calendar?year=2027");
        Assert.That(grid, Does.Contain("data-testid=\"provisional-note\""));
        const string year2027 = """
            { "year": 2027, "source": { "title": "测试用2027年节假日安排", "published": "2026-11-01" },
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" } ],
              "makeUpWorkingDays": [ { "date": "2027-01-09", "for": "元旦" } ] }
            """;
        var preview = await client.PostFormAsync("/Admin/Calendar/Upload?handler=Preview", new Dictionary<string, string> { ["Json"] = year2027 });
        var html = await preview.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-testid=\"diff\""));
        Assert.That(html, Does.Contain("2027-01-09"), "the make-up Saturday is listed as a change");

        var before = await _app.CreateClient().GetFromJsonAsync<DeadlineResponse>("/api/v1/calendar/deadline?from=2026-12-30&workingDays=10");
        Assert.That(before!.Provisional, Is.True);
        var saved = await client.PostFormAsync("/Admin/Calendar/Upload?handler=Save", new Dictionary<string, string> { ["Json"] = year2027 });
        Assert.That(await saved.Content.ReadAsStringAsync(), Does.Contain("data-testid=\"saved\""));
        var after = await _app.CreateClient().GetFromJsonAsync<DeadlineResponse>("/api/v1/calendar/deadline?from=2026-12-30&workingDays=10");
        Assert.That(after!.Provisional, Is.False);
        // Dec 31, Jan 4-8 (5), Jan 9 make-up Sat, Jan 11, 12, 13 -> 10 working days.
        Assert.That(after.Deadline, Is.EqualTo("2027-01-13"));
    }

    [Test]
    public async Task A_malformed_year_upload_lists_each_field_error()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("admin", IdentitySeeder.DemoPassword);
        const string bad = """{ "year": 2028, "source": { "title": "x", "published": "2027-11-01" }, "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-01" } ], "makeUpWorkingDays": [ { "date": "2028-01-05" } ] }""";
        var html = await (await client.PostFormAsync("/Admin/Calendar/Upload?handler=Preview", new Dictionary<string, string> { ["Json"] = bad })).Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-testid=\"error-summary\""));
        Assert.That(html, Does.Contain("holidays[0]"));
        Assert.That(html, Does.Contain("makeUpWorkingDays[0]"));
    }
}
