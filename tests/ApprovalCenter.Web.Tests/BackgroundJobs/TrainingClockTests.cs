using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Administration;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.BackgroundJobs;

/// <summary>The training clock: an administrator moves business time forward (never back, never in
/// Production), every move is journaled, and due timers follow within seconds.</summary>
public sealed class TrainingClockTests
{
    private static async Task<HttpResponseMessage> PutClockAsync(HttpClient client, object body)
    {
        var token = (await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery")).GetProperty("token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/admin/clock") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task Moving_the_clock_past_an_intake_deadline_makes_the_deemed_acceptance_happen_within_seconds()
    {
        await using var app = new AppFactory();   // Development: the movable clock, at real time until moved
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        using var admin = await app.SignedInAsync("admin");
        var target = new DateTimeOffset(c.IntakeDeadline!.Value.AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

        var moved = await PutClockAsync(admin, new { now = target, reason = "培训演示：视为受理" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var state = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(state.GetProperty("moved").GetBoolean(), Is.True);
        Assert.That(state.GetProperty("now").GetDateTimeOffset(), Is.EqualTo(target).Within(TimeSpan.FromSeconds(5)));

        var started = DateTime.UtcNow;
        var accepted = await kit.WaitForAsync(c.Number, r => r.CurrentSteps == "review", TimeSpan.FromSeconds(20));
        Assert.That(accepted.CurrentSteps, Is.EqualTo("review"), "the Art. 32 lapse fired by itself");
        TestContext.Progress.WriteLine($"deemed acceptance {(DateTime.UtcNow - started).TotalSeconds:F1} s after the move");

        using var clerk = await app.SignedInAsync("clerk");
        var page = (await clerk.GetStringAsync($"/Staff/Cases/{c.Number}")).Html();
        Assert.That(page, Does.Contain("视为受理"), "visible on the case page");
        Assert.That(page, Does.Contain("培训时钟"), "every page says the clock was moved");

        using var scope = app.Services.CreateScope();
        var journal = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AdminJournalEntry>().Where(j => j.Action == "clock:move").ToListAsync();
        Assert.That(journal, Has.Count.EqualTo(1));
        Assert.That(journal[0].ActorName, Is.EqualTo("admin"));
        Assert.That(journal[0].Reason, Is.EqualTo("培训演示：视为受理"));
        Assert.That(journal[0].Summary, Does.Contain(target.ToString("yyyy-MM-dd HH:mm")));
    }

    [Test]
    public async Task The_clock_never_moves_back_and_only_administrators_move_it()
    {
        await using var app = new AppFactory();
        using var admin = await app.SignedInAsync("admin");
        var back = await PutClockAsync(admin, new { now = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(back.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await back.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("errors").GetProperty("now")[0].GetString(), Does.Contain("只能向后拨"));

        var missing = await PutClockAsync(admin, new { reason = "x" });
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        using var clerk = await app.SignedInAsync("clerk");
        Assert.That((await PutClockAsync(clerk, new { now = DateTimeOffset.UtcNow.AddDays(1) })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var form = await admin.PostFormAsync("/Admin/Clock", new Dictionary<string, string> { ["Input.Now"] = "2001-01-01T09:00" });
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await form.Content.ReadAsStringAsync()).Html(), Does.Contain("只能向后拨").And.Contain("error-summary"));
        var ok = await admin.PostFormAsync("/Admin/Clock", new Dictionary<string, string>
        {
            ["Input.Now"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddDays(3).ToString("yyyy-MM-ddTHH:mm"), ["Input.Reason"] = "培训",
        });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await admin.GetStringAsync("/Admin")).Html(), Does.Contain("培训时钟："));
    }

    private sealed class ProductionAppFactory : AppFactory
    {
        public ProductionAppFactory()
        {
            With("ApprovalCenter:Clock:Movable", "true");   // even when misconfigured
            With("ApprovalCenter:Features:SeedDemoAccounts", "true");
            With("ApprovalCenter:Seal:CreateDevelopmentCertificate", "true");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }

    [Test]
    public async Task In_production_business_time_is_real_time_and_the_clock_cannot_be_moved()
    {
        await using var app = new ProductionAppFactory();
        Assert.That(app.Services.GetRequiredService<ApprovalCenter.Clock.BusinessClock>(), Is.Not.InstanceOf<ApprovalCenter.Clock.MovableBusinessClock>());
        using var admin = await app.SignedInAsync("admin");
        var put = await PutClockAsync(admin, new { now = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(put.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await admin.GetAsync("/Admin/Clock")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
