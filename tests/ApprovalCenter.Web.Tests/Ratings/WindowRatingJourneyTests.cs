using ApprovalCenter.Hall;
using ApprovalCenter.Ratings;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Tests.Hall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Ratings;

/// <summary>
/// 一次一评 (rules.md §4) through the ticket's QR code: after the window service ends, the visitor opens the ticket's
/// phone page, follows its rating link and rates the service 不满意 with a reason; the rating names the counter and
/// clerk, opens a work order, and the service cannot be rated twice. A clerk's account is shown no rating form.
/// </summary>
public sealed class WindowRatingJourneyTests
{
    [Test]
    public async Task A_visitor_rates_a_window_service_through_the_tickets_page_once()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock }, width: 360, height: 800);
        var hall = new HallKit(b.App);
        var ticket = await hall.KioskAsync("general");
        var clerkId = await hall.DbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync());
        var clerk = new HallActor(clerkId, "李窗口");
        await hall.RunAsync(h => h.SignInAsync(2, clerk));
        await hall.RunAsync(h => h.CallNextAsync(clerk));
        await b.GoAsync($"/Hall/Rate/{ticket.Code}");
        await Assertions.Expect(b.Page.GetByTestId("not-yet")).ToBeVisibleAsync();   // not before the service ends
        await hall.RunAsync(h => h.StartAsync(clerk));
        await hall.RunAsync(h => h.EndAsync(clerk));

        await b.GoAsync($"/Hall/Ticket/{ticket.Code}");   // where the ticket's QR code leads
        await b.Page.GetByTestId("rate-link").ClickAsync();
        await b.Page.CheckAsync("#level-Dissatisfied");
        await b.Page.CheckAsync("#reason-efficiency");
        await b.Page.FillAsync("#Comment", "等候时间过长，窗口只开一个");
        await b.ScreenshotAsync("ratings-window-rate");
        await b.Page.GetByTestId("submit-rating").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("rating-saved")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("legs")).ToContainTextAsync("已评价");
        await Assertions.Expect(b.Page.GetByTestId("rate-form")).ToHaveCountAsync(0);
        await b.ScreenshotAsync("ratings-window-rated");

        var rating = await hall.DbAsync(db => db.Set<Rating>().AsNoTracking().SingleAsync());
        Assert.That((rating.Service, rating.Channel, rating.Level, rating.Counter, rating.HandlerId),
            Is.EqualTo((RatedService.VisitLeg, RatingChannel.Window, RatingLevel.Dissatisfied, "2 号窗口", clerkId)));
        Assert.That(await hall.DbAsync(db => db.Set<WorkOrder>().CountAsync(w => w.RatingId == rating.Id)), Is.EqualTo(1), "a bad rating opens its work order");
        Assert.That(await hall.DbAsync(db => db.Set<ApprovalCenter.Notifications.Notification>().CountAsync(n => n.UserId == clerkId && n.Title == "新的差评工单")), Is.EqualTo(1), "the clerk who served is told");

        await b.SignInAsync("clerk", IdentitySeeder.DemoPassword);
        await b.GoAsync($"/Hall/Rate/{ticket.Code}");
        await Assertions.Expect(b.Page.GetByTestId("staff-no-rating")).ToBeVisibleAsync();
        await Assertions.Expect(b.Page.GetByTestId("rate-form")).ToHaveCountAsync(0);
    }
}
