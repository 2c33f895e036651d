using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Unresolved;
using Microsoft.EntityFrameworkCore;
using static ApprovalCenter.Web.Tests.Unresolved.UnresolvedApiKit;

namespace ApprovalCenter.Web.Tests.Unresolved;

/// <summary>rules.md §3, the 办不成事 window, through /api/v1/unresolved on PostgreSQL: exclusion,
/// reopening, the 12345 outbox when the platform is down, and what bad input gets.</summary>
public sealed class UnresolvedMatterTests
{
    [Test]
    public async Task A_matter_in_litigation_is_referred_with_its_reason_and_gets_no_deadline()
    {
        await using var app = App(new TestClock(Monday));
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");
        var m = await kit.IntakeOkAsync(clerk, Intake("Litigation", "（2026）粤1891行初12号，清城区人民法院已立案"));

        Assert.That(m.GetProperty("status").GetString(), Is.EqualTo("Referred"));
        Assert.That(m.GetProperty("closingDeadline").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var journal = m.GetProperty("journal").EnumerateArray().Single();
        Assert.That(journal.GetProperty("action").GetString(), Is.EqualTo("referred"));
        Assert.That(journal.GetProperty("text").GetString(), Does.Contain("已进入诉讼程序").And.Contains("粤1891行初12号"));
        var number = m.GetProperty("number").GetString()!;
        Assert.That(await kit.DbAsync(db => db.Set<ScheduledTimer>().CountAsync(t => t.Subject == number)), Is.Zero);
        // A referred matter takes no dispatch.
        var dispatch = await PostAsync(clerk, $"/api/v1/unresolved/{number}/dispatch", new { departments = new[] { "住建" } });
        Assert.That((int)dispatch.StatusCode, Is.EqualTo(409));
    }

    [Test]
    public async Task The_closing_limit_and_the_warning_come_from_configuration_on_the_working_day_calendar()
    {
        await using var app = App(new TestClock(TestClock.China(2026, 12, 11, 16)))   // a Friday
            .With("ApprovalCenter:Unresolved:ClosingWorkingDays", "5").With("ApprovalCenter:Unresolved:WarningWorkingDaysBefore", "2");
        var kit = new UnresolvedApiKit(app);
        var m = await kit.IntakeOkAsync(await kit.SignInAsync("clerk"), Intake() );
        // 5 wd after Fri 11 Dec (the weekend does not count): Fri 18 Dec; the warning 2 wd before: Wed 16 Dec.
        Assert.That((m.GetProperty("closingDeadline").GetString(), m.GetProperty("warningOn").GetString()), Is.EqualTo(("2026-12-18", "2026-12-16")));
        var due = await kit.DbAsync(db => db.Set<ScheduledTimer>().Where(t => t.Subject == m.GetProperty("number").GetString()).OrderBy(t => t.DueAt).Select(t => t.DueAt).ToListAsync());
        Assert.That(due, Is.EqualTo(new[] { TestClock.China(2026, 12, 16, 0), TestClock.China(2026, 12, 19, 0) }), "the warning at the start of its day, the escalation the day after the deadline");
    }

    [Test]
    public async Task Not_satisfied_at_the_callback_reopens_the_matter_and_every_party_answers_again()
    {
        await using var app = App(new TestClock(Monday));
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");
        var m = await kit.IntakeOkAsync(clerk);
        var number = m.GetProperty("number").GetString()!;
        Assert.That(m.GetProperty("closingDeadline").GetString(), Is.EqualTo("2026-12-28"), "15 wd from Mon 7 Dec");
        m = await ActOkAsync(clerk, number, "dispatch", new { departments = new[] { "住建" }, hotlineCategory = "Suggestion" });
        var party = PartyId(m, "Department");
        var hotline = PartyId(m, "Hotline12345");
        await ActOkAsync(clerk, number, "reply", new { partyId = party, text = "已核实，无需另行盖章，可直接受理。" });
        await ActOkAsync(clerk, number, "reply", new { partyId = hotline, text = "12345 建议已转住建。" });
        await ActOkAsync(clerk, number, "answer", new { text = "住建局确认无需另行盖章，请携材料到综合窗口办理。" });

        var noReason = await PostAsync(clerk, $"/api/v1/unresolved/{number}/callback", new { satisfied = false });
        Assert.That((int)noReason.StatusCode, Is.EqualTo(400));
        Assert.That(Errors(await noReason.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("callbackNote"));

        m = await ActOkAsync(clerk, number, "callback", new { satisfied = false, text = "到窗口仍被要求盖章" });
        Assert.That(m.GetProperty("status").GetString(), Is.EqualTo("Dispatched"));
        Assert.That(m.GetProperty("reopens").GetInt32(), Is.EqualTo(1));
        Assert.That(m.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("status").GetString()), Is.All.EqualTo("Dispatched"));
        var actions = m.GetProperty("journal").EnumerateArray().Select(j => j.GetProperty("action").GetString()).Where(a => a != "handed-off").ToList();
        Assert.That(actions, Is.EqualTo(new[] { "received", "dispatched", "replied", "replied", "answered", "callback", "reopened" }));
        // 12345 is told by a second hand-off, the round and the person's objection in it.
        Assert.That(await kit.HandOffCountAsync(number), Is.EqualTo(2));
        var again = JsonDocument.Parse((await kit.HandOffAsync(number)).PayloadJson).RootElement;
        Assert.That((again.GetProperty("round").GetInt32(), again.GetProperty("note").GetString()), Is.EqualTo((1, "反映人不满意，请重新办理（第 1 次）：到窗口仍被要求盖章")));
        // Answering again needs the party's new reply first.
        var early = await PostAsync(clerk, $"/api/v1/unresolved/{number}/answer", new { text = "再次答复" });
        Assert.That((int)early.StatusCode, Is.EqualTo(400));
        Assert.That(Errors(await early.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("answer"));

        await ActOkAsync(clerk, number, "reply", new { partyId = party, text = "已通知窗口，当场受理。" });
        await ActOkAsync(clerk, number, "reply", new { partyId = hotline, text = "12345 已回访。" });
        await ActOkAsync(clerk, number, "answer", new { text = "已协调窗口当场受理。" });
        m = await ActOkAsync(clerk, number, "callback", new { satisfied = true });
        Assert.That(m.GetProperty("status").GetString(), Is.EqualTo("Closed"));
        Assert.That(m.GetProperty("daysToClose").GetInt32(), Is.Zero, "closed on the day of receipt");
        var timers = await kit.DbAsync(db => db.Set<ScheduledTimer>().Where(t => t.Subject == number).Select(t => t.Status).ToListAsync());
        Assert.That(timers, Has.Count.EqualTo(3).And.All.EqualTo(TimerStatus.Cancelled), "warning, overdue and the 12345 party's own limit");
    }

    [Test]
    public async Task A_12345_platform_that_is_down_keeps_the_hand_off_pending_and_it_is_delivered_once_the_platform_is_back()
    {
        var port = FreePort.Next();
        var endpoint = $"http://127.0.0.1:{port}/workorders/";
        var clock = new TestClock(Monday);
        await using var app = App(clock, endpoint);
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");
        var number = (await kit.IntakeOkAsync(clerk)).GetProperty("number").GetString()!;
        await ActOkAsync(clerk, number, "dispatch", new { hotlineCategory = "Complaint" });

        // Nothing listens: the attempt fails, the hand-off stays pending with the error and a back-off.
        var failed = await kit.WaitForHandOffAsync(number, h => h.Attempts >= 1 && h.LastError is not null && h.NextAttemptAt > clock.GetUtcNow() + TimeSpan.FromSeconds(10));
        Assert.That(failed.Status, Is.EqualTo(HandOffStatus.Pending));
        Assert.That(await kit.RunDispatcherAsync(), Is.Zero, "not retried before its back-off");
        var page = await (await kit.SignInAsync("supervisor")).Http.GetStringAsync($"/Windows/Unresolved/{number}");
        Assert.That(page, Does.Contain("待推送").And.Contain("将自动重试"));

        using var listener = new HttpListener();
        listener.Prefixes.Add(endpoint);
        listener.Start();
        var received = Task.Run(async () =>
        {
            var ctx = await listener.GetContextAsync();
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var reply = """{"workOrderId":"GD12345-0001"}"""u8.ToArray();
            ctx.Response.ContentType = "application/json";
            await ctx.Response.OutputStream.WriteAsync(reply);
            ctx.Response.Close();
            return (body, ctx.Request.Headers["Idempotency-Key"]);
        });
        clock.Set(clock.GetUtcNow().AddMinutes(2));   // the back-off has passed
        await kit.RunDispatcherAsync();
        var sent = await kit.WaitForHandOffAsync(number, h => h.Status == HandOffStatus.Sent);
        var (json, key) = await received.WaitAsync(TimeSpan.FromSeconds(20));
        var payload = JsonDocument.Parse(json).RootElement;
        Assert.That(payload.GetProperty("matterNumber").GetString(), Is.EqualTo(number));
        Assert.That((payload.GetProperty("category").GetString(), payload.GetProperty("limitWorkingDays").GetInt32()), Is.EqualTo(("complaint", 15)));
        Assert.That(key, Is.EqualTo($"handoff-{sent.Id}"));
        Assert.That(sent.Attempts, Is.GreaterThanOrEqualTo(2));
        var partyRef = await kit.DbAsync(db => db.Set<MatterParty>().SingleAsync(p => p.Id == sent.PartyId));
        Assert.That(partyRef.ExternalId, Is.EqualTo("GD12345-0001"));
    }

    [Test]
    public async Task A_12345_party_late_by_its_type_is_flagged_and_past_the_closing_deadline_the_matter_escalates_once()
    {
        var clock = new TestClock(Monday);
        await using var app = App(clock);
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");
        var number = (await kit.IntakeOkAsync(clerk)).GetProperty("number").GetString()!;
        await ActOkAsync(clerk, number, "dispatch", new { departments = new[] { "经信" }, hotlineCategory = "Consultation" });

        async Task<List<string>> WaitForAsync(string action)
        {
            var actions = new List<string>();
            for (var i = 0; i < 160 && !actions.Contains(action); i++)
            {
                await Task.Delay(250);
                // The hand-off line comes from the outbox job at its own moment: leave it out of the sequence.
                actions = await kit.DbAsync(db => db.Set<MatterJournalEntry>().Where(j => j.Action != "handed-off" && db.Set<UnresolvedMatter>().Any(m => m.Id == j.MatterId && m.Number == number))
                    .OrderBy(j => j.Id).Select(j => j.Action).ToListAsync());
            }
            return actions;
        }

        clock.Set(TestClock.China(2026, 12, 10, 8));   // a consultation has 2 wd: due 9 Dec
        Assert.That(await WaitForAsync("party-overdue"), Is.EqualTo(new[] { "received", "dispatched", "party-overdue" }));
        clock.Set(TestClock.China(2026, 12, 29, 8));   // the day after the 28 Dec deadline: warning and escalation both fall due
        var all = await WaitForAsync("escalated");
        Assert.That(all, Is.EqualTo(new[] { "received", "dispatched", "party-overdue", "warning", "escalated" })
            .Or.EqualTo(new[] { "received", "dispatched", "party-overdue", "escalated" }));
        var list = await (await kit.SignInAsync("supervisor")).Http.GetFromJsonAsync<JsonElement>("/api/v1/unresolved?filter=Overdue");
        Assert.That(list.EnumerateArray().Select(r => r.GetProperty("number").GetString()), Is.EqualTo(new[] { number }));
        var notified = await kit.DbAsync(db => db.Set<ApprovalCenter.Notifications.Notification>().Where(n => n.Title == "办不成事反映已逾期")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).OrderBy(x => x).ToListAsync());
        Assert.That(notified, Is.EqualTo(new[] { "head", "supervisor" }));
    }

    [Test]
    public async Task Two_staff_answering_the_same_version_at_once_one_wins_the_other_gets_409()
    {
        await using var app = App(new TestClock(Monday));
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");
        var supervisor = await kit.SignInAsync("supervisor");
        var number = (await kit.IntakeOkAsync(clerk)).GetProperty("number").GetString()!;
        var m = await ActOkAsync(clerk, number, "dispatch", new { departments = new[] { "发改" } });
        m = await ActOkAsync(clerk, number, "reply", new { partyId = PartyId(m, "Department"), text = "已协调" });
        var version = m.GetProperty("version").GetUInt32();
        var results = await Task.WhenAll(
            PostAsync(clerk, $"/api/v1/unresolved/{number}/answer", new { text = "窗口的答复", expectedVersion = version }),
            PostAsync(supervisor, $"/api/v1/unresolved/{number}/answer", new { text = "督查的答复", expectedVersion = version }));
        var codes = results.Select(r => (int)r.StatusCode).Order().ToArray();
        Assert.That(codes, Is.EqualTo(new[] { 200, 409 }));
        var answers = await kit.DbAsync(db => db.Set<MatterJournalEntry>().CountAsync(j => j.Action == "answered"));
        Assert.That(answers, Is.EqualTo(1), "exactly one answer is journaled");
    }

    [Test]
    public async Task Bad_input_is_refused_with_problem_details_naming_the_field()
    {
        await using var app = App(new TestClock(Monday));
        var kit = new UnresolvedApiKit(app);
        var clerk = await kit.SignInAsync("clerk");

        var empty = await PostAsync(clerk, "/api/v1/unresolved", new { departments = new[] { "财政" }, failedOn = "2099-01-01", exclusion = "Petition" });
        Assert.That((int)empty.StatusCode, Is.EqualTo(400));
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(Errors(problem), Is.EqualTo("departments,exclusionNote,failedOn,personName,phone,whatTried,whereFailed"));
        Assert.That(problem.GetProperty("errors").GetProperty("departments")[0].GetString(), Does.Contain("财政"));

        var number = (await kit.IntakeOkAsync(clerk)).GetProperty("number").GetString()!;
        var nobody = await PostAsync(clerk, $"/api/v1/unresolved/{number}/dispatch", new { hotlineCategory = "Gossip" });
        Assert.That(Errors(await nobody.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("hotlineCategory"));
        var none = await PostAsync(clerk, $"/api/v1/unresolved/{number}/dispatch", new { });
        Assert.That(Errors(await none.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("departments"));
        var m = await ActOkAsync(clerk, number, "dispatch", new { hotlineCategory = "Consultation", departments = new[] { "水务" } });
        Assert.That(m.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Hotline12345").GetProperty("dueOn").GetString(),
            Is.EqualTo("2026-12-09"), "a consultation has 2 wd");
        var twice = await PostAsync(clerk, $"/api/v1/unresolved/{number}/dispatch", new { departments = new[] { "水务" } });
        Assert.That(Errors(await twice.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("departments"));
        Assert.That((int)(await PostAsync(clerk, "/api/v1/unresolved/BBCS-2026-999999/answer", new { text = "x" })).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await PostAsync(clerk, $"/api/v1/unresolved/{number}/close-it", new { })).StatusCode, Is.EqualTo(404));

        // The partner endpoint: no key or a wrong key is 401; a wrong party is 400; an unknown matter 404.
        var partner = app.CreateClient();
        var hotlineParty = PartyId(m, "Hotline12345");
        var reply = new { matterNumber = number, partyId = hotlineParty, reply = "已电话答复" };
        Assert.That((int)(await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies", reply)).StatusCode, Is.EqualTo(401));
        partner.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        Assert.That((int)(await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies", reply)).StatusCode, Is.EqualTo(401));
        partner.DefaultRequestHeaders.Remove("X-Api-Key");
        partner.DefaultRequestHeaders.Add("X-Api-Key", PartnerKey);
        var wrongParty = await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies", new { matterNumber = number, partyId = PartyId(m, "Department"), reply = "x" });
        Assert.That(Errors(await wrongParty.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("partyId"));
        var noReply = await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies", new { matterNumber = number, partyId = hotlineParty });
        Assert.That(Errors(await noReply.Content.ReadFromJsonAsync<JsonElement>()), Is.EqualTo("reply"));
        var garbage = await partner.PostAsync("/api/v1/unresolved/hotline/replies", new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.That((int)garbage.StatusCode, Is.EqualTo(400));
        Assert.That((int)(await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies", reply with { })).StatusCode, Is.EqualTo(200));

        // An applicant cannot see another person's matter, nor use the staff actions.
        var company = await kit.SignInAsync("company");
        Assert.That((int)(await company.Http.GetAsync($"/api/v1/unresolved/{number}")).StatusCode, Is.EqualTo(404));
        Assert.That((int)(await PostAsync(company, $"/api/v1/unresolved/{number}/answer", new { text = "x" })).StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task The_window_form_shows_an_error_summary_naming_the_fields_in_Chinese()
    {
        await using var app = App(new TestClock(Monday));
        var http = app.CreateBrowserLikeClient();
        await http.SignInAsync("clerk", "Demo#2026");
        var response = await http.PostFormAsync("/Windows/Unresolved/New", new Dictionary<string, string> { ["Input.Phone"] = "abc" });
        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("error-summary").And.Contain("请填写反映人姓名").And.Contain("联系电话只能包含数字").And.Contain("href=\"#Input_PersonName\""));
    }
}
