using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// The one case handler, probed the way issue 9's attacker did: keys an action does not declare,
/// forged or omitted facts, acting without the claim, and the promise that one action is one
/// commit. Real app, real PostgreSQL, the API signed in as the demo users.
/// </summary>
[NonParallelizable]
public sealed class CaseCommandTests
{
    private AppFactory _app = null!;
    private CaseTestKit _kit = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // A business Monday after the real date: no deadline timer fires while these run.
        _app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        _kit = new CaseTestKit(_app.Services);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private Task<CasesApiClient> As(string user) => CasesApiClient.SignInAsync(_app, user);

    /// <summary>Everything about the case a write could change: the row (its xmin moves on any
    /// update), the applicant's data, the engine's data and the journal length.</summary>
    private async Task<string> SnapshotAsync(string number)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Set<CaseRecord>().AsNoTracking().SingleAsync(x => x.Number == number);
        var journal = await db.Set<CaseJournalEntry>().CountAsync(j => j.CaseId == c.Id);
        var files = await db.Set<CaseFile>().CountAsync(f => f.CaseId == c.Id);
        return $"{c.RowVersion}|{c.Department}|{c.DataJson}|{c.InstanceJson}|{journal}|{files}";
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage r, HttpStatusCode status)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.That(r.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<int> CaseCountAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CaseRecord>().CountAsync();
    }

    [TestCase("procedureReason", "经研究需要听证")]
    [TestCase("commitmentConditions", "无需任何条件")]
    [TestCase("waivedProofs", "全部材料")]
    [TestCase("competentAuthority", "国务院")]
    [TestCase("department", "环保")]
    [TestCase("extended", true)]
    [TestCase("verificationDays", 3000)]
    public async Task A_submission_carrying_a_key_the_form_does_not_declare_is_refused_by_name_and_creates_nothing(string key, object value)
    {
        var company = await As("company");
        var before = await CaseCountAsync();
        var body = new
        {
            itemCode = "ZJ-001", mode = "Normal", data = CasesApiClient.Answers(new() { [key] = value }),
            materials = await company.UploadMaterialsAsync("ZJ-001"), declaration = "declaration-v1",
        };
        var problem = await ProblemAsync(await company.SubmitRawAsync(body), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(key, out var messages), Is.True, problem.ToString());
        Assert.That(messages[0].GetString(), Does.Contain(key));
        Assert.That(await CaseCountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_api_path_obeys_the_portal_rules_materials_and_the_signed_declaration()
    {
        var company = await As("company");
        var before = await CaseCountAsync();
        var problem = await ProblemAsync(await company.SubmitRawAsync(new { itemCode = "ZJ-001", data = CasesApiClient.Answers() }), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.GetProperty("materials")[0].GetString(), Does.Contain("核心材料"));
        Assert.That(errors.GetProperty("declaration")[0].GetString(), Does.Contain("申请人声明"));
        Assert.That(await CaseCountAsync(), Is.EqualTo(before));

        // Someone else's upload is not a material of this application.
        var citizen = await As("citizen");
        var theirs = await citizen.UploadMaterialsAsync("ZJ-001");
        problem = await ProblemAsync(await company.SubmitRawAsync(new { itemCode = "ZJ-001", data = CasesApiClient.Answers(), materials = theirs, declaration = "declaration-v1" }), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("materials")[0].GetString(), Does.Contain("不是您上传的"));
    }

    [TestCase("supplement", "department", "环保")]
    [TestCase("supplement", "extended", true)]
    [TestCase("supplement", "missingMaterials", "")]
    public async Task An_applicant_action_carrying_an_undeclared_key_is_refused_and_changes_nothing(string action, string key, object value)
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        await _kit.ActAsync(number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未盖章" });
        var before = await SnapshotAsync(number);
        var company = await As("company");
        var problem = await ProblemAsync(await company.ActAsync(number, action, new Dictionary<string, object?> { [key] = value }), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(key, out _), Is.True, problem.ToString());
        Assert.That(await SnapshotAsync(number), Is.EqualTo(before));
    }

    [Test]
    public async Task A_supplement_must_attach_the_requested_materials()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        await _kit.ActAsync(number, "clerk", "supplement-notice", new() { ["missingMaterials"] = "建设工程规划许可证：未盖章" });
        var before = await SnapshotAsync(number);
        var company = await As("company");
        var problem = await ProblemAsync(await company.ActAsync(number, "supplement"), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("files")[0].GetString(), Does.Contain("请上传“建设工程规划许可证”"));
        Assert.That(await SnapshotAsync(number), Is.EqualTo(before));

        var upload = await Uploads.UploadClient.UploadAsync(company.Http, "规划许可证.pdf", CaseTestKit.Pdf("plan"));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ok = await company.ActAsync(number, "supplement", files: new[] { new { material = "建设工程规划许可证", fileId = id } });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        Assert.That((await _kit.GetAsync(number)).Record.Steps, Is.EqualTo(new[] { "intake" }));
    }

    [TestCase("accept", "verificationDays", 3000)]
    [TestCase("accept", "department", "环保")]
    [TestCase("refuse", "procedureReason", "注入的文字")]
    public async Task A_staff_action_carrying_an_undeclared_key_is_refused_and_changes_nothing(string action, string key, object value)
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        var before = await SnapshotAsync(number);
        var clerk = await As("clerk");
        var data = new Dictionary<string, object?> { [key] = value };
        if (action == "refuse") data["refusalReason"] = "不属于本机关职权";
        var problem = await ProblemAsync(await clerk.ActAsync(number, action, data), HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(key, out _), Is.True);
        Assert.That(await SnapshotAsync(number), Is.EqualTo(before));
    }

    [Test]
    public async Task A_forged_fact_is_refused_and_an_omitted_one_is_computed_by_the_server()
    {
        var number = (await _kit.SubmitAsync("citizen", "ZJ-001", CaseMode.Tolerance)).Number;
        var clerk = await As("clerk");
        var before = await SnapshotAsync(number);
        var forged = await ProblemAsync(await clerk.ActAsync(number, "accept-with-tolerance", new { badCredit = false, coreMaterialsComplete = true }), HttpStatusCode.BadRequest);
        Assert.That(forged.GetProperty("errors").GetProperty("badCredit")[0].GetString(), Does.Contain("由系统"));
        Assert.That(await SnapshotAsync(number), Is.EqualTo(before));

        // The applicant now has a false-commitment record: leaving badCredit out does not pass "not badCredit".
        using (var scope = _app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var citizen = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("citizen");
            db.Add(new CreditRecord { ApplicantId = citizen!.Id, Reason = "false-commitment", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" });
            await db.SaveChangesAsync();
        }
        try
        {
            var omitted = await clerk.ActAsync(number, "accept-with-tolerance");
            Assert.That(omitted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await omitted.Content.ReadAsStringAsync());
            Assert.That(await SnapshotAsync(number), Is.EqualTo(before));
        }
        finally
        {
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<CreditRecord>().Where(c => c.CreatedBy == "test").ExecuteDeleteAsync();
        }
    }

    [Test]
    public async Task One_action_is_one_commit_one_journal_line_and_one_row_version_step()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        foreach (var (user, action, data) in new (string, string, object?)[]
                 {
                     ("clerk", "accept", null), ("reviewer.zj", "submit-opinion", new { opinion = "符合条件" }), ("chief.zj", "approve", null),
                 })
        {
            var journalBefore = (await _kit.JournalAsync(number)).Count;
            var client = await As(user);
            var r = await client.ActAsync(number, action, data);
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.OK), await r.Content.ReadAsStringAsync());
            var journal = await _kit.JournalAsync(number);
            Assert.That(journal.Count - journalBefore, Is.EqualTo(1), $"{action}: one journal line");
            Assert.That(journal.Last().Action, Is.EqualTo(action));
            // The case row and its journal line carry the same transaction id: they committed together, once.
            using var scope = _app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rowTx = await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM cases WHERE \"Number\" = {number}").SingleAsync();
            var journalTx = await db.Database.SqlQuery<string>($"SELECT xmin::text AS \"Value\" FROM case_journal WHERE \"Id\" = {journal.Last().Id}").SingleAsync();
            Assert.That(rowTx, Is.EqualTo(journalTx), $"{action}: one commit");
        }
    }

    [Test]
    public async Task The_applicants_delivery_choice_is_journaled_and_reaches_the_pickup_window()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        await _kit.ActAsync(number, "clerk", "accept");
        var company = await As("company");
        var invalid = await ProblemAsync(await company.ActAsync(number, "choose-delivery", new { deliveryMethod = "mail" }), HttpStatusCode.BadRequest);
        Assert.That(invalid.GetProperty("errors").GetProperty("mailingAddress")[0].GetString(), Does.Contain("邮寄地址"));
        var chosen = await company.ActAsync(number, "choose-delivery", new { deliveryMethod = "electronic" });
        Assert.That(chosen.StatusCode, Is.EqualTo(HttpStatusCode.OK), await chosen.Content.ReadAsStringAsync());
        Assert.That((await _kit.JournalAsync(number)).Last().Summary, Is.EqualTo("申请人选择结果领取方式：电子证照"));

        await _kit.ActAsync(number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        await _kit.ActAsync(number, "chief.zj", "approve");
        var clerk = await _app.SignedInAsync("clerk");
        var queue = (await clerk.GetStringAsync("/Staff/Pickup")).Html();
        var row = queue[queue.IndexOf($"data-number=\"{number}\"", StringComparison.Ordinal)..];
        Assert.That(row[..row.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("电子证照"));
        var form = (await clerk.GetStringAsync($"/Staff/Pickup/{number}")).Html();
        Assert.That(form, Does.Contain("value=\"电子证照\" checked=\"checked\""));
    }

    [Test]
    public async Task A_material_opens_for_the_cases_department_and_the_applicant_is_refused_to_another_department_and_every_open_is_journaled()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        var zj = await _app.SignedInAsync("reviewer.zj");
        var page = (await zj.GetStringAsync($"/Staff/Cases/{number}")).Html();
        var link = System.Text.RegularExpressions.Regex.Match(page, $"href=\"(/Cases/{number}/Materials/[0-9a-f-]+)\"").Groups[1].Value;
        Assert.That(link, Is.Not.Empty, "the case file lists the materials with a viewer link");
        Assert.That((await zj.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var raw = await zj.GetAsync(link + "?handler=Raw");
        Assert.That(raw.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        Assert.That((await _kit.JournalAsync(number)).Last().Action, Is.EqualTo("open-file"));

        var hb = await _app.SignedInAsync("reviewer.hb");
        Assert.That((await hb.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await hb.GetAsync(link + "?handler=Raw")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var fileId = await WithDbAsync(db => db.Set<CaseFile>().Where(f => f.CaseId == db.Set<CaseRecord>().Single(c => c.Number == number).Id).Select(f => f.StoredFileId).FirstAsync());
        Assert.That((await hb.GetAsync($"/api/v1/files/{fileId}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "reviewer.hb no longer gets a 住建 applicant's file");

        var company = await _app.SignedInAsync("company");
        Assert.That((await company.GetAsync(link + "?handler=Raw")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var citizen = await _app.SignedInAsync("citizen");
        Assert.That((await citizen.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await _kit.JournalAsync(number)).Count(j => j.Action == "open-file"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_save_that_changes_a_case_outside_the_handler_is_refused()
    {
        var number = (await _kit.SubmitAsync("company", "ZJ-001")).Number;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var record = await db.Set<CaseRecord>().SingleAsync(c => c.Number == number);
        record.Department = "环保";
        await Assert.ThatAsync(() => db.SaveChangesAsync(), Throws.InvalidOperationException);
    }

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> f)
    {
        using var scope = _app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
