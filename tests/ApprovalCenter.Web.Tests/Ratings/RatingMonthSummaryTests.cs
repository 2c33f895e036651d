using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>
/// The monthly summaries the dashboards read for whole months (kept by triggers) give exactly the numbers of
/// grouping the ratings themselves, also after a rating is changed, excluded by an appeal or deleted, and with
/// offers (the services of 未评价率) and window ratings counted as services.
/// </summary>
public sealed class RatingMonthSummaryTests
{
    [Test]
    public async Task Whole_months_from_the_summaries_equal_the_ratings_grouped_live()
    {
        await using var app = new AppFactory();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stats = scope.ServiceProvider.GetRequiredService<RatingStatistics>();
        var rnd = new Random(7);
        string[] departments = ["住建", "环保", "综合窗口"];
        var ratings = Enumerable.Range(0, 300).Select(i => new Rating
        {
            Id = Guid.NewGuid(), Service = i % 5 == 0 ? RatedService.VisitLeg : RatedService.Matter, HallVisitLegId = i % 5 == 0 ? Guid.NewGuid() : null,
            ItemCode = $"ZJ-00{i % 4 + 1}", ItemName = $"事项{i % 4 + 1}", Department = departments[i % 3],
            HandlerId = i % 7 == 0 ? null : $"clerk-{i % 3}", HandlerName = i % 7 == 0 ? null : $"窗口人员{i % 3}", Counter = i % 2 == 0 ? $"{i % 4} 号窗口" : null,
            Level = (RatingLevel)(rnd.Next(5) + 1), Reasons = "", Channel = RatingChannel.Online, RaterId = "r", RaterName = "评价人",
            IsDefault = i % 6 == 0, RatedAt = TestClock.China(2026, 9 + i % 3, 1 + i % 27, 10, i % 60).ToUniversalTime(),
        }).ToList();
        db.AddRange(ratings);
        db.AddRange(Enumerable.Range(0, 120).Select(i => new RatingOffer
        {
            CaseId = Guid.NewGuid(), CaseNumber = $"QYGX-2026-{i:000000}", ApplicantId = "a", Department = departments[i % 2], ItemCode = $"ZJ-00{i % 4 + 1}",
            ItemName = $"事项{i % 4 + 1}", HandlerId = $"clerk-{i % 3}", HandlerName = $"窗口人员{i % 3}", Counter = "综合受理窗口",
            DeliveredAt = TestClock.China(2026, 9 + i % 3, 2 + i % 25, 9).ToUniversalTime(), DefaultDueAt = TestClock.China(2026, 12, 28).ToUniversalTime(), CreatedAt = TestClock.China(2026, 9, 1).ToUniversalTime(),
        }));
        await db.SaveChangesAsync();
        ratings[1].Level = RatingLevel.VeryDissatisfied;   // a change within 24 h
        ratings[2].Excluded = true;                          // an upheld appeal
        ratings[3].RatedAt = TestClock.China(2026, 11, 20, 10).ToUniversalTime();
        db.Remove(ratings[4]);
        await db.SaveChangesAsync();

        var (from, to) = (TestClock.China(2026, 9, 1, 0), TestClock.China(2026, 12, 1, 0));
        foreach (RatingDimension? by in new RatingDimension?[] { null, RatingDimension.Department, RatingDimension.Item, RatingDimension.Handler, RatingDimension.Counter, RatingDimension.Month })
        {
            var summarised = await stats.GroupsAsync(new RatingFilter(from, to), by);
            // One second later is no month start: grouped from the ratings (none was given in that second).
            var live = await stats.GroupsAsync(new RatingFilter(from.AddSeconds(1), to.AddSeconds(-1)), by);
            Assert.That(Describe(summarised), Is.EqualTo(Describe(live)), $"by {by?.ToString() ?? "all"}");
            var dept = await stats.GroupsAsync(new RatingFilter(from, to, Department: "住建", HandlerId: "clerk-1"), by);
            var deptLive = await stats.GroupsAsync(new RatingFilter(from.AddSeconds(1), to.AddSeconds(-1), Department: "住建", HandlerId: "clerk-1"), by);
            Assert.That(Describe(dept), Is.EqualTo(Describe(deptLive)), $"filtered, by {by?.ToString() ?? "all"}");
        }
        var total = (await stats.GroupsAsync(new RatingFilter(from, to), null)).Single().Values;
        Assert.That((total.Counted + total.Excluded, total.Excluded), Is.EqualTo((299, 1)), "300 given, 1 deleted, 1 excluded");
    }

    private static List<string> Describe(IReadOnlyList<RatingGroup> groups) =>
        groups.Select(g => $"{g.Key}|{g.Label}|{g.Values.Services}|{g.Values.Counted}|{g.Values.Voluntary}|{g.Values.Default}|{g.Values.Excluded}|{g.Values.Bad}|"
            + string.Join(",", g.Values.PerLevel.OrderBy(p => p.Key).Select(p => p.Value))).ToList();
}
