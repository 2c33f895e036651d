using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Unresolved;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static ApprovalCenter.Web.Tests.Journeys.JourneyKit;

namespace ApprovalCenter.Web.Tests.Unresolved;

/// <summary>The 办不成事 journey of issue 11 in chromium, as the real roles: a matter received at the
/// window, dispatched to two departments and to 12345 (the development file sink holds the payload),
/// warned when the business clock reaches the warning day, answered by all, called back and closed.</summary>
[Category("Browser")]
public sealed class UnresolvedJourneyTests
{
    [Test]
    public async Task Matter_dispatched_to_two_departments_and_12345_is_warned_answered_called_back_and_closed()
    {
        var clock = new TestClock(Monday);
        await using var b = await BrowserSession.StartAsync(UnresolvedApiKit.App(clock));
        var page = b.Page;
        var kit = new UnresolvedApiKit(b.App, b.BaseUrl);

        // Intake at the window.
        await SignInAsync(b, "clerk");
        await b.GoAsync("/Windows/Unresolved");
        await page.GetByTestId("new-matter").ClickAsync();
        await page.FillAsync("#Input_PersonName", "李四");
        await page.FillAsync("#Input_Phone", "13800000002");
        await page.FillAsync("#Input_WhatTried", "申请人防工程竣工验收备案，材料齐全，两个部门互相推诿。");
        await page.FillAsync("#Input_WhereFailed", "人防窗口、住建窗口");
        await page.FillAsync("#Input_FailedOn", "2026-12-04");
        await page.CheckAsync("#dept-住建");
        await page.CheckAsync("#dept-人防");
        await page.GetByTestId("submit-intake").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("已登记受理");
        var number = (await page.GetByTestId("matter-number").InnerTextAsync()).Trim();
        Assert.That(number, Does.Match(@"^BBCS-2026-\d{6}$"));
        await Assertions.Expect(page.GetByTestId("closing-deadline")).ToContainTextAsync("2026-12-28");
        await Assertions.Expect(page.GetByTestId("deadline-state")).ToHaveTextAsync("正常");

        // Dispatch to 住建, 人防 and 12345 (a complaint: 15 wd).
        await page.CheckAsync("#dispatch-住建");
        await page.CheckAsync("#dispatch-人防");
        await page.SelectOptionAsync("#Input_HotlineCategory", "Complaint");
        await page.FillAsync("#Input_Note", "请两部门共同核实验收备案要求");
        await page.GetByTestId("dispatch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("已分派");
        await Assertions.Expect(page.GetByTestId("parties").Locator("tbody tr")).ToHaveCountAsync(3);

        // The file sink holds the 12345 payload.
        var handOff = await kit.WaitForHandOffAsync(number, h => h.Status == HandOffStatus.Sent);
        var file = Path.Combine(b.App.DataDirectory, "hotline12345", $"handoff-{handOff.Id:D6}.json");
        Assert.That(File.Exists(file), Is.True, file);
        var payload = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
        Assert.That(payload.GetProperty("schema").GetString(), Is.EqualTo(HotlinePayload.Schema));
        Assert.That(payload.GetProperty("matterNumber").GetString(), Is.EqualTo(number));
        Assert.That((payload.GetProperty("category").GetString(), payload.GetProperty("categoryName").GetString(), payload.GetProperty("limitWorkingDays").GetInt32()), Is.EqualTo(("complaint", "投诉", 15)));
        Assert.That(payload.GetProperty("dueOn").GetString(), Is.EqualTo("2026-12-28"));
        Assert.That(payload.GetProperty("person").GetProperty("name").GetString(), Is.EqualTo("李四"));
        Assert.That(payload.GetProperty("departmentsInvolved").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "住建", "人防" }));
        Assert.That(payload.GetProperty("note").GetString(), Is.EqualTo("请两部门共同核实验收备案要求"));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("handoff-Hotline12345")).ToContainTextAsync($"FILE-{handOff.Id:D6}");
        await b.ScreenshotAsync("unresolved-1-dispatched");

        // One department replies; a coordination note is kept about the other.
        await page.SelectOptionAsync("#Input_PartyId", new SelectOptionValue { Label = "住建" });
        await page.FillAsync("#Input_Reply", "经核实，住建不需另行出具意见，已告知窗口。");
        await page.GetByTestId("record-reply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("done")).ToContainTextAsync("已记录答复");
        await page.SelectOptionAsync("#Input_NoteParty", new SelectOptionValue { Label = "人防" });
        await page.FillAsync("#Input_NoteText", "已电话督促人防科，承诺本周内答复。");
        await page.GetByTestId("add-note").ClickAsync();
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("【人防】已电话督促人防科");

        // The business clock reaches the warning day (3 wd before 28 Dec): the timer warns, the supervisor sees it first.
        clock.Set(TestClock.China(2026, 12, 23, 9, 30));
        await WaitForJournalAsync(kit, number, "warning");
        await SignInAsync(b, "supervisor");
        await b.GoAsync("/Windows/Unresolved");
        var row = page.GetByTestId("matters").Locator($"tr[data-number='{number}']");
        await Assertions.Expect(row).ToContainTextAsync("即将到期");
        await Assertions.Expect(page.GetByTestId("matters").Locator("tbody tr").First).ToHaveAttributeAsync("data-number", number);
        await b.ScreenshotAsync("unresolved-2-supervisor-warning");
        await b.GoAsync("/Windows/Unresolved?filter=Warning");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await b.GoAsync($"/Windows/Unresolved/{number}");
        await Assertions.Expect(page.GetByTestId("deadline-state")).ToHaveTextAsync("即将到期");
        await Assertions.Expect(page.GetByTestId("journal")).ToContainTextAsync("预警");

        // 12345 replies through the partner API; 人防 replies at the window.
        using var partner = new HttpClient { BaseAddress = new Uri(b.BaseUrl) };
        partner.DefaultRequestHeaders.Add("X-Api-Key", UnresolvedApiKit.PartnerKey);
        var reply = await partner.PostAsJsonAsync("/api/v1/unresolved/hotline/replies",
            new { matterNumber = number, partyId = payload.GetProperty("partyId").GetGuid(), reply = "12345 已回访申请人，转人防跟进。", handledBy = "话务员 017" });
        Assert.That((int)reply.StatusCode, Is.EqualTo(200), await reply.Content.ReadAsStringAsync());
        await SignInAsync(b, "clerk");
        await b.GoAsync($"/Windows/Unresolved/{number}");
        await page.SelectOptionAsync("#Input_PartyId", new SelectOptionValue { Label = "人防" });
        await page.FillAsync("#Input_Reply", "人防同意按简易程序备案，已通知申请人补签。");
        await page.GetByTestId("record-reply").ClickAsync();

        // The answer, the callback, closed.
        await page.FillAsync("#Input_Answer", "经住建、人防共同核实，可按简易程序备案，请于本周到综合窗口办理。");
        await page.GetByTestId("answer-person").ClickAsync();
        await Assertions.Expect(page.GetByTestId("matter-status")).ToContainTextAsync("已答复待回访");
        await page.CheckAsync("#satisfied-yes");
        await page.FillAsync("#Input_CallbackNote", "电话回访，反映人表示满意。");
        await page.GetByTestId("record-callback").ClickAsync();
        await Assertions.Expect(page.GetByTestId("matter-status")).ToContainTextAsync("已办结");
        await Assertions.Expect(page.GetByTestId("satisfied")).ToHaveTextAsync("满意");
        var journal = page.GetByTestId("journal");
        foreach (var text in new[] { "经窗口受理", "分派至 住建、人防、12345热线平台（投诉，15 个工作日，2026-12-28 前）", "已推送至12345热线平台", "12345热线平台（话务员 017）", "预警", "回访：反映人满意", "办结，用时 12 个工作日" })
            await Assertions.Expect(journal).ToContainTextAsync(text);
        await b.ScreenshotAsync("unresolved-3-closed");
    }

    [Test]
    public async Task An_applicant_files_online_and_follows_the_matter_under_My()
    {
        await using var b = await BrowserSession.StartAsync(UnresolvedApiKit.App(new TestClock(Monday)), width: 360, height: 800);
        var page = b.Page;
        await SignInAsync(b, "citizen");
        await b.GoAsync("/My/Unresolved/New");
        await page.GetByTestId("submit-intake").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请填写联系电话");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("请填写想办理的事项及经过");
        await b.ScreenshotAsync("unresolved-4-online-errors");
        await page.FillAsync("#Input_Phone", "13800000003");
        await page.FillAsync("#Input_WhatTried", "网上申请供水报装，系统一直提示材料不全。");
        await page.FillAsync("#Input_WhereFailed", "水务网上办事大厅");
        await page.FillAsync("#Input_FailedOn", "2026-12-07");
        await page.CheckAsync("#dept-水务");
        await page.GetByTestId("submit-intake").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/My/Unresolved/BBCS-2026-\d{6}\?done=received$"));
        await Assertions.Expect(page.GetByTestId("matter-status")).ToHaveTextAsync("已受理");
        await b.ScreenshotAsync("unresolved-5-online-received");
        await b.GoAsync("/My/Unresolved");
        await Assertions.Expect(page.GetByTestId("matters")).ToContainTextAsync("已受理");
    }

    private static async Task WaitForJournalAsync(UnresolvedApiKit kit, string number, string action)
    {
        for (var i = 0; i < 160; i++)
        {
            if (await kit.DbAsync(db => db.Set<MatterJournalEntry>().AnyAsync(j => j.Action == action && db.Set<UnresolvedMatter>().Any(m => m.Id == j.MatterId && m.Number == number))))
                return;
            await Task.Delay(250);
        }
        Assert.Fail($"no '{action}' in the journal of {number}");
    }
}
