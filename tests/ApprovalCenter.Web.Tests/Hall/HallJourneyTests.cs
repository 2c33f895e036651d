using ApprovalCenter.Testing;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>The hall journeys of issue 11 in chromium, as the real roles through the real pages.</summary>
[Category("Browser")]
public sealed class HallJourneyTests
{
    private static async Task<string> TakeTicketAsync(BrowserSession b, string service)
    {
        await b.GoAsync("/Hall/Kiosk");
        await b.Page.GetByTestId($"service-{service}").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("printed-ticket")).ToBeVisibleAsync();
        return (await b.Page.GetByTestId("ticket-number").InnerTextAsync()).Trim();
    }

    private static async Task CounterAsync(BrowserSession b, string clerk, int counter)
    {
        await SignInAsync(b, clerk);
        await b.GoAsync("/Hall/Counter");
        if (await b.Page.GetByTestId("sign-in").CountAsync() > 0)
        {
            await b.Page.SelectOptionAsync("#CounterId", counter.ToString());
            await b.Page.GetByTestId("sign-in").ClickAsync();
        }
        await Assertions.Expect(b.Page.GetByTestId("counter-name")).ToContainTextAsync($"{counter} 号窗口");
    }

    private static async Task<IPage> DisplayAsync(BrowserSession b)
    {
        var display = await b.Page.Context.Browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        await display.GotoAsync(b.BaseUrl + "/Hall/Display");
        await Assertions.Expect(display.GetByTestId("display-status")).ToHaveTextAsync("实时更新");
        return display;
    }

    [Test]
    public async Task Kiosk_ticket_is_called_shown_on_the_display_within_a_second_served_linked_to_a_case_and_ended()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        var number = await TakeTicketAsync(b, "general");
        Assert.That(number, Is.EqualTo("A001"));
        await Assertions.Expect(b.Page.GetByTestId("people-ahead")).ToContainTextAsync("前面还有 0 人等候");
        await Assertions.Expect(b.Page.GetByTestId("ticket-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        await b.ScreenshotAsync("hall-1-kiosk-ticket");
        var ticketUrl = await b.Page.GetByTestId("ticket-link").GetAttributeAsync("href");

        var display = await DisplayAsync(b);
        await display.EvaluateAsync("window.__notReloaded = true");
        var kit = new CaseTestKit(b.App.Services);
        var visitorCase = await kit.SubmitAsync("company", "ZJ-001");

        await CounterAsync(b, "clerk", 3);
        await b.Page.GetByTestId("call-next").ClickAsync();
        // The display updates within 1 s of the call, without a reload (issue 11 item 4).
        await Assertions.Expect(display.GetByTestId("display-latest")).ToHaveTextAsync("请 A001 号到 3 号窗口办理", new() { Timeout = 1000 });
        Assert.That(await display.EvaluateAsync<bool>("window.__notReloaded === true"), Is.True, "pushed, not reloaded");
        await display.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("hall-1-display-call") });

        await Assertions.Expect(b.Page.GetByTestId("current-number")).ToHaveTextAsync("A001");
        await b.Page.GetByTestId("start").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("current-status")).ToHaveTextAsync("办理中");
        await b.Page.FillAsync("#CaseNumber", visitorCase.Number);
        await b.Page.GetByTestId("link-case").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("linked-cases")).ToContainTextAsync(visitorCase.Number);
        await Assertions.Expect(b.Page.GetByTestId("visit-journal")).ToContainTextAsync($"关联办件 {visitorCase.Number}");
        await b.ScreenshotAsync("hall-1-counter-serving");
        await b.Page.GetByTestId("end").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("done")).ToContainTextAsync("已结束服务 A001");

        await b.GoAsync(ticketUrl!);
        await Assertions.Expect(b.Page.GetByTestId("ticket-status")).ToHaveTextAsync("已办结");
        await b.ScreenshotAsync("hall-1-phone-ticket-done");
    }

    [Test]
    public async Task A_transfer_and_a_no_show_after_the_configured_recalls()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock }, width: 360, height: 800);
        var first = await TakeTicketAsync(b, "general");
        var second = await TakeTicketAsync(b, "general");
        await CounterAsync(b, "clerk", 1);
        await b.Page.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("current-number")).ToHaveTextAsync(first);
        await b.Page.GetByTestId("no-show").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("error-summary")).ToContainTextAsync("请先重呼 2 次");
        await b.Page.GetByTestId("recall").ClickAsync();
        await b.Page.GetByTestId("recall").ClickAsync();
        await b.Page.GetByTestId("no-show").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("done")).ToContainTextAsync($"已登记过号 {first}");

        await b.Page.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("current-number")).ToHaveTextAsync(second);
        await b.Page.SelectOptionAsync("#ToQueue", "utilities");
        await b.Page.FillAsync("#Note", "咨询水电报装");
        await b.ScreenshotAsync("hall-2-transfer-360");
        await b.Page.GetByTestId("transfer").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("done")).ToContainTextAsync($"已转办 {second}");

        await CounterAsync(b, "admin", 4);  // counter 4 serves utilities first
        await b.Page.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("current-number")).ToHaveTextAsync(second);
        await Assertions.Expect(b.Page.GetByTestId("visit-journal")).ToContainTextAsync("咨询水电报装");
        await b.ScreenshotAsync("hall-2-transferred-called");
    }

    [Test]
    public async Task An_after_hours_receipt_at_18_00_is_dated_the_next_working_day_and_says_so()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        clock.Set(HallKit.Monday(18));
        var number = await TakeTicketAsync(b, "general");
        await Assertions.Expect(b.Page.GetByTestId("ticket-service")).ToContainTextAsync("延时服务");
        await Assertions.Expect(b.Page.GetByTestId("counting-note")).ToContainTextAsync("法定办理期限自下一工作日 2026-12-08 起算");
        await b.ScreenshotAsync("hall-3-after-hours-ticket");

        var kit = new CaseTestKit(b.App.Services);
        var received = await kit.SubmitAsync("company", "ZJ-001");  // handed in at the after-hours window at 18:00
        var (_, _, caseClock) = await kit.GetAsync(received.Number);
        Assert.That(caseClock.ReceivedOn, Is.EqualTo(new DateOnly(2026, 12, 8)), "ClockDating: received after hours counts from the next working day");

        await CounterAsync(b, "clerk", 7);
        await b.Page.GetByTestId("call-next").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("current-number")).ToHaveTextAsync(number);
        await Assertions.Expect(b.Page.GetByTestId("counting-note")).ToContainTextAsync("2026-12-08");
        await b.Page.FillAsync("#CaseNumber", received.Number);
        await b.Page.GetByTestId("link-case").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("linked-cases")).ToContainTextAsync(received.Number);
        await b.ScreenshotAsync("hall-3-after-hours-counter");
    }

    [Test]
    public async Task A_Saturday_service_ticket_and_a_closed_service_with_its_next_opening()
    {
        var clock = new TestClock(HallKit.Saturday(10));
        await using var b = await BrowserSession.StartAsync(new AppFactory { Clock = clock });
        var number = await TakeTicketAsync(b, "business-startup");
        Assert.That(number, Is.EqualTo("B001"));
        await Assertions.Expect(b.Page.GetByTestId("ticket-service")).ToContainTextAsync("周六不打烊");
        await Assertions.Expect(b.Page.GetByTestId("counting-note")).ToContainTextAsync("2026-12-14");
        await b.ScreenshotAsync("hall-4-saturday-ticket");

        clock.Set(HallKit.Saturday(18));
        await b.GoAsync("/Hall/Kiosk");
        await Assertions.Expect(b.Page.GetByTestId("service-general")).ToContainTextAsync("暂停取号 · 下次 2026-12-14（星期一）09:00");
        await b.Page.GetByTestId("service-general").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("error-summary")).ToContainTextAsync("“综合受理”现在不在服务时间，下次服务时间：2026-12-14（星期一）09:00");
        await b.ScreenshotAsync("hall-4-closed-kiosk");
    }
}
