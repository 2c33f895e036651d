using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Hall;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>/api/v1/hall: the bad inputs answer with ProblemDetails naming the field, never a 500.</summary>
public sealed class HallApiTests
{
    private static async Task<HttpClient> ClientAsync(AppFactory app, string? user = null)
    {
        var http = app.CreateBrowserLikeClient();
        if (user is not null) await http.SignInAsync(user, IdentitySeeder.DemoPassword);
        var token = (await http.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        return http;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        Assert.That(r.StatusCode, Is.EqualTo(status), await r.Content.ReadAsStringAsync());
        Assert.That(r.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task Tickets_calls_transfers_and_bookings_refuse_bad_input_with_problem_details()
    {
        var clock = new TestClock(HallKit.Monday(20));
        await using var app = new AppFactory { Clock = clock };
        var kiosk = await ClientAsync(app);

        var closed = await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "general" }), HttpStatusCode.UnprocessableEntity);
        Assert.That(closed.GetProperty("detail").GetString(), Does.Contain("下次服务时间：2026-12-08（星期二）09:00"));
        Assert.That(closed.GetProperty("field").GetString(), Is.EqualTo("service"));
        var missing = await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "" }), HttpStatusCode.BadRequest);
        Assert.That(missing.GetProperty("errors").GetProperty("service")[0].GetString(), Is.EqualTo("请选择要办理的业务。"));
        await ProblemAsync(await kiosk.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "nope" }), HttpStatusCode.NotFound);
        await ProblemAsync(await kiosk.GetAsync("/api/v1/hall/tickets/unknown"), HttpStatusCode.NotFound);
        var noToken = app.CreateBrowserLikeClient();
        Assert.That((await noToken.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "general" })).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        clock.Set(HallKit.Monday(10));
        var created = await kiosk.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "general" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(ticket.GetProperty("number").GetString(), Is.EqualTo("A001"));
        var code = ticket.GetProperty("code").GetString();
        Assert.That((await kiosk.GetFromJsonAsync<JsonElement>($"/api/v1/hall/tickets/{code}")).GetProperty("peopleAhead").GetInt32(), Is.Zero);

        Assert.That((await kiosk.PostAsJsonAsync("/api/v1/hall/counter/next", new { })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized).Or.EqualTo(HttpStatusCode.Redirect));
        var clerk = await ClientAsync(app, "clerk");
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/next", new { }), HttpStatusCode.Conflict);  // not signed in to a counter
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/sign-in", new { counter = 99 }), HttpStatusCode.NotFound);
        Assert.That((await clerk.PostAsJsonAsync("/api/v1/hall/counter/sign-in", new { counter = 2 })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var state = await (await clerk.PostAsJsonAsync("/api/v1/hall/counter/next", new { })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(state.GetProperty("current").GetProperty("number").GetString(), Is.EqualTo("A001"));
        Assert.That(state.GetProperty("current").GetProperty("calledText").GetString(), Is.EqualTo("请 A001 号到 2 号窗口办理"));
        var unknownQueue = await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/transfer", new { toQueue = "nowhere" }), HttpStatusCode.BadRequest);
        Assert.That(unknownQueue.GetProperty("errors").GetProperty("toQueue")[0].GetString(), Does.Contain("不能转办"));
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/identify", new { idNumber = "123" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/link-case", new { caseNumber = "QYGX-2026-999999" }), HttpStatusCode.NotFound);
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/frobnicate", new { }), HttpStatusCode.NotFound);
        Assert.That((await clerk.PostAsJsonAsync("/api/v1/hall/counter/end", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var empty = await ProblemAsync(await clerk.PostAsJsonAsync("/api/v1/hall/counter/next", new { }), HttpStatusCode.NotFound);
        Assert.That(empty.GetProperty("detail").GetString(), Is.EqualTo("队列中没有等候的号。"));

        var citizen = await ClientAsync(app, "citizen");
        var lunch = await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/hall/appointments", new { service = "utilities", slot = HallKit.Monday(12, 30).AddDays(1) }), HttpStatusCode.UnprocessableEntity);
        Assert.That(lunch.GetProperty("detail").GetString(), Does.Contain("可预约：2026-12-08（星期二）14:00"));
        await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/hall/appointments", new { service = "utilities" }), HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task An_over_capacity_slot_is_refused_with_alternatives()
    {
        var clock = new TestClock(HallKit.Monday(8));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var users = await hall.DbAsync(db => Task.FromResult(db.Users.Where(u => u.UserName == "citizen" || u.UserName == "company").Select(u => u.Id).ToList()));
        // Utilities at 09:00 Monday: one normal counter (4), 30 min / 12 min × ½ = 1 appointment.
        await hall.AppointmentsAsync(a => a.BookAsync(users[0], "utilities", HallKit.Monday(9)));
        var full = await HallKit.RefusedAsync(() => hall.AppointmentsAsync(a => a.BookAsync(users[1], "utilities", HallKit.Monday(9))));
        Assert.That(full.Message, Does.StartWith("2026-12-07（星期一）09:00 已约满。可预约：2026-12-07（星期一）09:30"));
    }

    [Test]
    public async Task Service_hours_are_edited_journaled_and_guarded_by_the_row_version()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock };
        var admin = await ClientAsync(app, "admin");
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/hall/hours");
        var version = current.GetProperty("version").GetUInt32();
        var bad = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/hall/hours", new { normal = "09:00-12:00", afterHours = "19:00-18:00", saturday = "", reason = "调整" }), HttpStatusCode.BadRequest);
        Assert.That(bad.GetProperty("errors").GetProperty("afterHours")[0].GetString(), Does.Contain("结束时间应晚于开始时间"));
        var noReason = await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/hall/hours", new { normal = "09:00-12:00" }), HttpStatusCode.BadRequest);
        Assert.That(noReason.GetProperty("errors").TryGetProperty("reason", out _), Is.True);
        var ok = await admin.PutAsJsonAsync("/api/v1/hall/hours", new { normal = "09:00-12:00, 14:00-17:30", afterHours = "17:30-20:00", saturday = "09:00-12:00", closures = "2026-12-09", expectedVersion = version, reason = "冬季延长延时服务" });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        await ProblemAsync(await admin.PutAsJsonAsync("/api/v1/hall/hours", new { normal = "09:00-12:00", expectedVersion = version, reason = "旧表单" }), HttpStatusCode.Conflict);

        var hall = new HallKit(app);
        clock.Set(HallKit.Monday(19, 45));
        Assert.That((await hall.KioskAsync("general")).IssuedIn, Is.EqualTo(HoursKind.AfterHours), "the new after-hours window takes tickets at 19:45");
        clock.Set(TestClock.China(2026, 12, 9, 10));
        var closure = await HallKit.RefusedAsync(() => hall.KioskAsync("general"));
        Assert.That(closure.Message, Does.Contain("2026-12-10（星期四）09:00"));
        var journal = await hall.RunAsync(h => h.SettingsJournalAsync());
        Assert.That(journal.Single().Summary, Does.StartWith("冬季延长延时服务").And.Contain("延时 17:30-20:00"));
        Assert.That(app.Services.GetRequiredService<HallEvents>(), Is.Not.Null);
    }
}
