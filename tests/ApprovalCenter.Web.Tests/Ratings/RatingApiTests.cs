using System.Net;
using System.Net.Http.Json;
using ApprovalCenter.Notifications;
using ApprovalCenter.Ratings;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>Issue 12 on PostgreSQL through /api/v1/ratings: one rating per delivered matter, the
/// refusals, the 24 h change window, the 12345 partner channel, the rater hidden from clerks, and
/// the 7-day default fired by its durable timer when business time moves.</summary>
public sealed class RatingApiTests
{
    [Test]
    public async Task A_matter_is_rated_once_by_its_applicant_after_delivery_and_every_refusal_names_its_reason()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = RatingsKit.App(clock);
        var kit = new CaseTestKit(app.Services);
        var running = await kit.SubmitAcceptedAsync();
        var company = await CasesApiClient.SignInAsync(app, "company");

        var early = await company.RateAsync(new { caseNumber = running.Number, level = "满意" });
        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "not delivered yet");
        Assert.That(await early.Content.ReadAsStringAsync(), Does.Contain("送达后才能评价"));

        var c = await kit.DeliveredAsync();
        var citizen = await CasesApiClient.SignInAsync(app, "citizen");
        var stranger = await citizen.RateAsync(new { caseNumber = c.Number, level = "非常不满意" });
        Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a service the rater did not receive");

        var badLevel = await company.RateAsync(new { caseNumber = c.Number, level = "一般" });
        Assert.That(badLevel.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await badLevel.JsonAsync();
        Assert.That(problem.GetProperty("errors").TryGetProperty("level", out _), Is.True, "the field is named");
        var badReason = await company.RateAsync(new { caseNumber = c.Number, level = "不满意", reasons = new[] { "天气" } });
        Assert.That((await badReason.JsonAsync()).GetProperty("errors").TryGetProperty("reasons", out _), Is.True);

        var clerk = await CasesApiClient.SignInAsync(app, "clerk");
        var ownWork = await clerk.RateAsync(new { caseNumber = c.Number, level = "非常满意" });
        Assert.That(ownWork.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "staff cannot rate");

        var created = await company.RateAsync(new { caseNumber = c.Number, level = "不满意", reasons = new[] { "态度", "efficiency" }, comment = "窗口解释不清" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var dto = await created.JsonAsync();
        Assert.That(dto.GetProperty("levelLabel").GetString(), Is.EqualTo("不满意"));
        Assert.That(dto.GetProperty("reasons").Strings(), Is.EqualTo(new[] { "态度", "效率" }));
        var rating = (await app.RatingsOfAsync(c.Number)).Single();
        Assert.That((rating.HandlerName, rating.Department, rating.Channel, rating.RaterName, rating.IsDefault),
            Is.EqualTo(("李窗口", "住建", RatingChannel.Online, "清远示例建设有限公司", false)), "subject copied from the case; the clerk who accepted it handled it");

        var second = await company.RateAsync(new { caseNumber = c.Number, level = "满意" });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("只能评价一次"));

        // Changed within 24 h; after that, refused.
        clock.Set(TestClock.China(2026, 12, 8, 9));
        var changed = await company.SendAsync(HttpMethod.Put, $"/api/v1/ratings/{rating.Id}", new { level = "非常不满意", reasons = new[] { "态度" } });
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        clock.Set(TestClock.China(2026, 12, 8, 11));
        var late = await company.SendAsync(HttpMethod.Put, $"/api/v1/ratings/{rating.Id}", new { level = "满意" });
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await late.Content.ReadAsStringAsync(), Does.Contain("超过 24 小时"));
        Assert.That((await app.RatingsOfAsync(c.Number)).Single().Level, Is.EqualTo(RatingLevel.VeryDissatisfied));

        // The rater is named to the supervisor only.
        var supervisor = await CasesApiClient.SignInAsync(app, "supervisor");
        var asSupervisor = await (await supervisor.Http.GetAsync($"/api/v1/ratings?caseNumber={c.Number}")).JsonAsync();
        Assert.That(asSupervisor[0].GetProperty("raterName").GetString(), Is.EqualTo("清远示例建设有限公司"));
        var asClerk = await (await clerk.Http.GetAsync($"/api/v1/ratings?caseNumber={c.Number}")).JsonAsync();
        Assert.That(asClerk.GetArrayLength(), Is.EqualTo(1), "the clerk sees the rating of their work");
        Assert.That(asClerk[0].GetProperty("raterName").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "without the rater");
        Assert.That(await (await clerk.Http.GetAsync($"/api/v1/ratings?caseNumber={c.Number}")).Content.ReadAsStringAsync(), Does.Not.Contain("清远示例建设"));
        var clerkPage = await clerk.Http.GetStringAsync("/Ratings");
        Assert.That(clerkPage, Does.Contain(c.Number).And.Not.Contain("清远示例建设有限公司"), "page too");
        Assert.That((await clerk.Http.GetAsync($"/My/Cases/{c.Number}/Rate")).StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "no rating screen for staff");
    }

    [Test]
    public async Task The_12345_partner_rates_with_its_key_for_the_applicant_named_by_code()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = RatingsKit.App(clock);
        var kit = new CaseTestKit(app.Services);
        var c = await kit.DeliveredAsync();
        var http = app.CreateClient();
        async Task<HttpResponseMessage> Post(string key, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ratings") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Partner-Key", key);
            return await http.SendAsync(request);
        }
        Assert.That((await Post("wrong", new { caseNumber = c.Number, channel = "12345", level = "满意" })).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var someoneElse = await Post(RatingsKit.PartnerKey, new { caseNumber = c.Number, channel = "12345", level = "满意", raterName = "王五", raterCode = "441802199001011239" });
        Assert.That(someoneElse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the caller did not receive this service");
        var ok = await Post(RatingsKit.PartnerKey, new { caseNumber = c.Number, channel = "12345", level = "非常满意", raterName = "李四", raterCode = "91441800MA4WQY3K26" });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var rating = (await app.RatingsOfAsync(c.Number)).Single();
        Assert.That((rating.Channel, rating.RaterName, rating.Level), Is.EqualTo((RatingChannel.Hotline12345, "李四", RatingLevel.VerySatisfied)));
        Assert.That((await Post(RatingsKit.PartnerKey, new { caseNumber = c.Number, channel = "12345", level = "满意", raterName = "李四", raterCode = "91441800MA4WQY3K26" })).StatusCode,
            Is.EqualTo(HttpStatusCode.Conflict), "one rating per matter, whatever the channel");
    }

    [Test]
    public async Task Unrated_for_7_natural_days_a_delivered_matter_is_recorded_as_basic_satisfied_by_itself()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7));
        await using var app = RatingsKit.App(clock);
        var kit = new CaseTestKit(app.Services);
        var c = await kit.DeliveredAsync();

        // The offer job finds the delivered matter: the applicant's inbox links to the rating page, the default has its timer.
        var offer = await RatingsKit.WaitAsync(() => app.InScopeAsync(db => db.Set<RatingOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.CaseNumber == c.Number)), o => o is not null);
        Assert.That(offer, Is.Not.Null);
        Assert.That(offer!.DefaultDueAt, Is.EqualTo(offer.DeliveredAt.AddDays(7)));
        var inbox = await app.InScopeAsync(db => db.Set<Notification>().AnyAsync(n => n.Link == $"/My/Cases/{c.Number}/Rate"));
        Assert.That(inbox, Is.True, "offered in the inbox");
        var timer = await app.InScopeAsync(db => db.Set<ScheduledTimer>().SingleAsync(t => t.Key == RatingService.DefaultTimerKey(c.Id)));
        Assert.That(timer.Status, Is.EqualTo(TimerStatus.Pending));

        clock.Set(offer.DefaultDueAt.AddMinutes(-5));
        await Task.Delay(1500);
        Assert.That(await app.RatingsOfAsync(c.Number), Is.Empty, "not before its time");

        clock.Set(offer.DefaultDueAt.AddMinutes(1));
        var ratings = await RatingsKit.WaitAsync(() => app.RatingsOfAsync(c.Number), r => r.Count > 0);
        var rating = ratings.Single();
        Assert.That((rating.Level, rating.IsDefault, rating.RatedAt), Is.EqualTo((RatingLevel.Basic, true, offer.DefaultDueAt)));
        var company = await CasesApiClient.SignInAsync(app, "company");
        var after = await company.RateAsync(new { caseNumber = c.Number, level = "满意" });
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("默认评价"));
    }
}
