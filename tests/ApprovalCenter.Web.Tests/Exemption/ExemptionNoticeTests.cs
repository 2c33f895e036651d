using System.Net;
using ApprovalCenter.Administration;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Exemption;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Verification;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Exemption;

/// <summary>On PostgreSQL: an exempt self-check issues a sealed 豁免告知书 without a case that /verify vouches
/// for, stored with the rule and catalog revision; a non-exempt one issues nothing; rule edits are validated,
/// become a new revision with history, and are journaled.</summary>
public sealed class ExemptionNoticeTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7, 10)) };
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = _app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private Task<SelfCheckResult> CheckAsync(string item, Dictionary<string, string?> answers) => InScopeAsync(async sp =>
    {
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("company");
        return await sp.GetRequiredService<ExemptionService>().CheckAsync(item, answers, user!);
    });

    [Test]
    public async Task An_exempt_project_gets_a_sealed_notice_without_a_case_that_verifies()
    {
        var cases = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<CaseRecord>().CountAsync());
        var result = await CheckAsync("ZJ-001", new() { ["projectInvestment"] = "3000000", ["buildingArea"] = "400" });
        Assert.That(result.Errors, Is.Empty);
        var decision = result.Decision!;
        var revision = await InScopeAsync(sp => sp.GetRequiredService<CatalogProvider>().GetAsync());
        Assert.That((decision.RuleId, decision.CatalogRevision, decision.ItemCode), Is.EqualTo(("EX-ZJ-SMALL-WORKS", revision.Revision, "ZJ-001")));
        var stored = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ExemptionDecision>().AsNoTracking().SingleAsync(d => d.Id == decision.Id));
        Assert.That(System.Text.Json.JsonDocument.Parse(stored.AnswersJson).RootElement.GetProperty("buildingArea").GetDecimal(), Is.EqualTo(400m));

        var doc = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == decision.DocumentId));
        Assert.That((doc.CaseId, doc.Kind, doc.DocumentNumber), Is.EqualTo(((Guid?)null, ApprovalCenter.Documents.DocumentKind.ExemptionNotice, decision.Number + "-HM")));
        Assert.That(await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<CaseRecord>().CountAsync()), Is.EqualTo(cases), "an exempt project opens no case");

        var check = await InScopeAsync(sp => sp.GetRequiredService<DocumentChecker>().CheckAsync(doc.VerificationCode));
        Assert.That(check!.Verdict, Is.EqualTo(DocumentVerdict.Genuine));

        var page = await _app.CreateBrowserLikeClient().GetAsync($"/verify/{doc.VerificationCode}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("真实有效").And.Contain("豁免告知书").And.Contain("EX-ZJ-SMALL-WORKS"));
    }

    [Test]
    public async Task A_project_over_both_limits_is_told_which_rule_was_not_met_and_gets_nothing()
    {
        var before = await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ExemptionDecision>().CountAsync());
        var result = await CheckAsync("ZJ-001", new() { ["projectInvestment"] = "5000000", ["buildingArea"] = "2000" });
        Assert.That((result.Decision, result.Outcome!.IsExempt, result.Outcome.NotMet.Single().Id), Is.EqualTo(((ExemptionDecision?)null, false, "EX-ZJ-SMALL-WORKS")));
        Assert.That(await InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ExemptionDecision>().CountAsync()), Is.EqualTo(before));
    }

    [Test]
    public async Task Bad_answers_are_named_by_field()
    {
        var result = await CheckAsync("ZJ-001", new() { ["projectInvestment"] = "很多", ["buildingArea"] = "" });
        Assert.That(result.Errors.Select(e => e.Key), Is.EqualTo(new[] { "projectInvestment", "buildingArea" }));
    }

    [Test]
    public async Task A_rule_edit_is_validated_stored_as_a_new_revision_with_history_and_journaled()
    {
        var admin = new AdminActor("admin-id", "admin", "127.0.0.1");
        ExemptionRuleEdit Edit(string? condition = "eiaCategory == '通信基站' and not newConstruction", string? item = "HB-003", DateOnly? to = null) =>
            new("EX-GD-EIA-TELECOM-BASE-STATION", "通信基站（不含卫星地球站）", condition, item, "环境影响登记表备案", "《广东省豁免环境影响评价手续办理的建设项目名录（2020年版）》",
                new DateOnly(2020, 6, 1), to, "限定为非新建基站");
        Task<IReadOnlyList<(string Field, string Message)>> Save(ExemptionRuleEdit e) => InScopeAsync(sp => sp.GetRequiredService<ExemptionRulesAdministration>().SaveAsync(e, admin));

        Assert.That(await Save(Edit(item: "ZZ-999")), Is.EqualTo(new[] { ("ExemptedItem", "事项目录中没有编码为“ZZ-999”的事项") }));
        Assert.That((await Save(Edit(condition: "eiaCategory ==="))).Single().Field, Is.EqualTo("Condition"));
        Assert.That((await Save(Edit(condition: "height < 10"))).Single().Message, Does.StartWith("适用条件中的字段“height”不是可询问申请人的字段"));
        Assert.That(await Save(Edit(to: new DateOnly(2019, 1, 1))), Is.EqualTo(new[] { ("ValidTo", "失效日期不能早于生效日期") }));

        var revisionBefore = (await InScopeAsync(sp => sp.GetRequiredService<CatalogProvider>().GetAsync())).Revision;
        Assert.That(await Save(Edit()), Is.Empty);
        var snapshot = await InScopeAsync(sp => sp.GetRequiredService<CatalogProvider>().GetAsync());
        Assert.That(snapshot.Revision, Is.GreaterThan(revisionBefore));
        Assert.That(snapshot.Catalog.Exemptions.Single(r => r.Id == "EX-GD-EIA-TELECOM-BASE-STATION").Condition.Text, Does.Contain("not newConstruction"));

        var history = await InScopeAsync(sp => sp.GetRequiredService<ExemptionRulesAdministration>().HistoryAsync("EX-GD-EIA-TELECOM-BASE-STATION"));
        Assert.That(history.Select(h => h.Rule!.Condition.Text), Is.EqualTo(new[] { "eiaCategory == '通信基站' and not newConstruction", "eiaCategory == '通信基站'" }));
        var journal = await InScopeAsync(sp => sp.GetRequiredService<ExemptionRulesAdministration>().JournalAsync("EX-GD-EIA-TELECOM-BASE-STATION"));
        Assert.That((journal.Single().Action, journal.Single().ActorName, journal.Single().Reason), Is.EqualTo(("exemption:edit", "admin", "限定为非新建基站")));
    }
}
