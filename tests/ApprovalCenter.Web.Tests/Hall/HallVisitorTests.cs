using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Hall;
using ApprovalCenter.Notifications;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>Online tickets, the visitor's work at the counter, reminders and the migration.</summary>
public sealed class HallVisitorTests
{
    [Test]
    public async Task An_online_ticket_identifies_the_visitor_whose_open_cases_the_counter_shows_and_the_phone_page_says_when_called()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var open = await kit.SubmitAsync("company", "ZJ-001");

        var company = app.CreateBrowserLikeClient();
        await company.SignInAsync("company", IdentitySeeder.DemoPassword);
        company.DefaultRequestHeaders.Add("X-CSRF-TOKEN", (await company.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString());
        var created = await company.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "general" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var again = await company.PostAsJsonAsync("/api/v1/hall/tickets", new { service = "general" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "one open online ticket per service and day");

        var hall = new HallKit(app);
        var ticket = await hall.DbAsync(db => db.Set<HallTicket>().SingleAsync(t => t.Code == code));
        Assert.That(ticket.Source, Is.EqualTo(TicketSource.Online));
        var (cases, _) = await hall.RunAsync(h => h.VisitorWorkAsync(ticket));
        Assert.That(cases.Select(c => c.Number), Does.Contain(open.Number));

        var clerk = app.CreateBrowserLikeClient();
        await clerk.SignInAsync("clerk", IdentitySeeder.DemoPassword);
        await clerk.PostFormAsync("/Hall/Counter", new Dictionary<string, string> { ["Op"] = "sign-in", ["CounterId"] = "2" });
        await clerk.PostFormAsync("/Hall/Counter", new Dictionary<string, string> { ["Op"] = "next" });
        var screen = await clerk.GetStringAsync("/Hall/Counter");
        Assert.That(screen, Does.Contain(open.Number), "the visitor's open case is listed during service");

        var phone = await app.CreateClient().GetStringAsync($"/Hall/Ticket/{code}");
        Assert.That(phone, Does.Contain("请 A001 号到 2 号窗口办理"));
        Assert.That(phone, Does.Contain("data-testid=\"ticket-links\""), "the ratings capability extends this list");

        // Submitted during the visit (after the call): linked to the visit when the service ends; the older open case is not.
        clock.Set(HallKit.Monday(10, 20));
        var during = await kit.SubmitAsync("company", "ZJ-001");
        await clerk.PostFormAsync("/Hall/Counter", new Dictionary<string, string> { ["Op"] = "end" });
        var links = await hall.RunAsync(h => h.CasesAsync(ticket.Id));
        Assert.That(links.Select(l => l.CaseNumber), Is.EqualTo(new[] { during.Number }));
    }

    [Test]
    public async Task The_reminder_job_reminds_the_day_before_once()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var citizen = await hall.DbAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        await hall.AppointmentsAsync(a => a.BookAsync(citizen, "general", TestClock.China(2026, 12, 9, 10)));
        await hall.AppointmentsAsync(async a => { await a.SendRemindersAsync(default); return 0; });
        int Reminders(List<string> titles) => titles.Count(t => t == "预约提醒");
        var titles = () => hall.DbAsync(db => db.Set<Notification>().Where(n => n.UserId == citizen).Select(n => n.Title).ToListAsync());
        Assert.That(Reminders(await titles()), Is.Zero, "two days before: not yet");
        clock.Set(TestClock.China(2026, 12, 8, 9));
        await hall.AppointmentsAsync(async a => { await a.SendRemindersAsync(default); return 0; });
        await hall.AppointmentsAsync(async a => { await a.SendRemindersAsync(default); return 0; });
        Assert.That(Reminders(await titles()), Is.EqualTo(1));
        var mail = await hall.DbAsync(db => db.Set<OutboxMail>().CountAsync(m => m.Subject == "预约提醒"));
        Assert.That(mail, Is.EqualTo(1), "and by mail, through the outbox");
    }

    [Test]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var app = new AppFactory();
        var pending = await new HallKit(app).DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.That(pending, Is.False);
    }
}
