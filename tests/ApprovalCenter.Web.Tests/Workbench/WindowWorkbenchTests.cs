using System.Net;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Workbench;

/// <summary>The comprehensive intake window and the intake decisions on the staff case page.</summary>
public sealed class WindowWorkbenchTests
{
    [Test]
    public async Task The_intake_queue_lists_received_applications_oldest_first_with_the_art32_deadline_and_a_warning_near_it()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 7, 9));   // Monday
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var first = await kit.SubmitAsync("company", "ZJ-001");
        clock.Set(TestClock.China(2026, 12, 7, 11));
        var second = await kit.SubmitAsync("citizen", "HB-001");
        clock.Set(TestClock.China(2026, 12, 11, 10));   // Friday: the first two have 1 working day left
        var third = await kit.SubmitAsync("company", "ZJ-002");
        var accepted = await kit.SubmitAsync("company", "ZJ-004");
        await kit.ActAsync(accepted.Number, "clerk", "accept");

        var client = await app.SignedInAsync("clerk");
        var html = (await client.GetStringAsync("/Staff/Window")).Html();
        var positions = new[] { first, second, third }.Select(c => html.IndexOf(c.Number, StringComparison.Ordinal)).ToList();
        Assert.That(positions, Is.All.GreaterThan(0));
        Assert.That(positions, Is.Ordered, "oldest received first");
        Assert.That(html, Does.Not.Contain(accepted.Number), "accepted cases have left the intake queue");
        Assert.That(first.IntakeDeadline, Is.EqualTo(new DateOnly(2026, 12, 14)));
        Assert.That(html, Does.Contain("2026-12-14"));
        Assert.That(html, Does.Contain(third.IntakeDeadline!.Value.ToString("yyyy-MM-dd")));
        Assert.That(html, Does.Contain("建筑工程施工许可证核发（新办）"));
        Assert.That(CountOf(html, "data-testid=\"intake-warning\""), Is.EqualTo(2), "the two cases with one working day left carry the warning tag");
    }

    [Test]
    public async Task A_one_time_notice_lists_every_picked_material_with_its_reason_issues_the_notice_and_waits_for_supplements()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        var client = await app.SignedInAsync("clerk");
        var page = (await client.GetStringAsync($"/Staff/Cases/{c.Number}")).Html();
        Assert.That(page, Does.Contain("建设工程规划许可证"), "the item's material list is offered");
        Assert.That(page, Does.Contain("data-action=\"accept\"").And.Contain("data-action=\"refuse\"").And.Contain("data-action=\"supplement-notice\""));
        Assert.That(page, Does.Not.Contain("data-action=\"approve\""), "a clerk is not offered the chief's decision");

        // A picked material without a reason is refused, with the field named.
        var missingReason = await client.ActOnPageAsync(kit, c.Number, "supplement-notice", new() { ["in.missingMaterials.pick"] = "2", ["in.missingMaterials.reason.2"] = "" });
        var body = (await missingReason.Content.ReadAsStringAsync()).Html();
        Assert.That(body, Does.Contain("data-testid=\"error-summary\"").And.Contain("请填写“建设工程规划许可证”需补正的原因"));

        var form = new Dictionary<string, string>();
        for (var i = 0; i < 9; i++) form[$"in.missingMaterials.reason.{i}"] = "";
        form["in.missingMaterials.reason.2"] = "规划许可证已过有效期";
        form["in.missingMaterials.reason.5"] = "承诺书缺少法定代表人签字";
        var nonePicked = await client.ActOnPageAsync(kit, c.Number, "supplement-notice", form);
        Assert.That((await nonePicked.Content.ReadAsStringAsync()).Html(), Does.Contain("一次性告知须勾选所有缺少或不符合要求的材料"));
        // Several checkboxes share one name: post the pairs as the browser does.
        var pairs = form.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value)).ToList();
        pairs.Add(new("in.missingMaterials.pick", "2"));
        pairs.Add(new("in.missingMaterials.pick", "5"));
        pairs.Add(new("act.action", "supplement-notice"));
        pairs.Add(new("act.version", (await kit.VersionAsync(c.Number)).ToString()));
        var sent = await PostPairsAsync(client, $"/Staff/Cases/{c.Number}", pairs);
        Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var (record, instance, _) = await kit.GetAsync(c.Number);
        Assert.That(record.CurrentSteps, Is.EqualTo("awaiting-supplement"));
        Assert.That(instance.Data["missingMaterials"], Is.EqualTo("建设工程规划许可证：规划许可证已过有效期\n建设资金已落实承诺书：承诺书缺少法定代表人签字"));
        var docs = await app.DocumentsAsync(c.Number);
        Assert.That(docs.Select(d => d.Kind), Does.Contain(DocumentKind.SupplementNotice));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Last().Action, Is.EqualTo("supplement-notice"));
        Assert.That(journal.Last().ActorName, Is.EqualTo("李窗口"));
    }

    [Test]
    public async Task Refusing_needs_a_reason_and_the_competent_authority_and_keeps_what_was_typed()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001");
        var client = await app.SignedInAsync("clerk");
        var bad = await client.ActOnPageAsync(kit, c.Number, "refuse", new() { ["in.refusalReason"] = " ", ["in.competentAuthority"] = "清远市自然资源局" });
        var html = (await bad.Content.ReadAsStringAsync()).Html();
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("不予受理须写明理由"));
        Assert.That(html, Does.Contain("href=\"#in_refusalReason\""));
        Assert.That(html, Does.Contain("value=\"清远市自然资源局\""), "input kept");
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("intake"));

        var good = await client.ActOnPageAsync(kit, c.Number, "refuse", new() { ["in.refusalReason"] = "申请事项不属于本局职权范围", ["in.competentAuthority"] = "清远市自然资源局" });
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(c.Number)).Record.Outcome, Is.EqualTo("refused"));
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.RefusalNotice));
    }

    [Test]
    public async Task A_reviewer_of_another_department_can_neither_open_nor_act_on_the_case()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAcceptedAsync("ZJ-001");
        var hb = await app.SignedInAsync("reviewer.hb");
        Assert.That((await hb.GetAsync($"/Staff/Cases/{c.Number}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var post = await hb.PostWithTokenFromAsync("/Staff/Review", $"/Staff/Cases/{c.Number}", new()
        {
            ["act.action"] = "submit-opinion", ["in.opinion"] = "同意", ["act.version"] = (await kit.VersionAsync(c.Number)).ToString(),
        });
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var direct = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.hb", "submit-opinion", new() { ["opinion"] = "同意" }));
        Assert.That(direct!.Status, Is.EqualTo(403));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("review"));
        var zj = await app.SignedInAsync("reviewer.zj");
        Assert.That((await zj.GetAsync($"/Staff/Cases/{c.Number}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    internal static Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string url, List<KeyValuePair<string, string>> pairs) =>
        PostPairsWithTokenAsync(client, url, pairs);

    private static async Task<HttpResponseMessage> PostPairsWithTokenAsync(HttpClient client, string url, List<KeyValuePair<string, string>> pairs)
    {
        var page = await client.GetStringAsync(url);
        var m = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        pairs.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(m.Groups[1].Value)));
        return await client.PostAsync(url, new FormUrlEncodedContent(pairs));
    }

    private static int CountOf(string s, string part)
    {
        var n = 0;
        for (var i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
