using System.Net;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Workbench;

/// <summary>The back office: department inbox, claims, extension approval by the head of the
/// bureau, and decisions under the chief representatives' authorisation matrix.</summary>
public sealed class ReviewWorkbenchTests
{
    private static async Task AddReviewerAsync(AppFactory app, string userName, string displayName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = displayName, Kind = ApplicantKind.Staff, Department = Departments.Housing, EmailConfirmed = true };
        Assert.That((await users.CreateAsync(user, IdentitySeeder.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Reviewer);
    }

    [Test]
    public async Task A_claimed_case_can_be_worked_only_by_its_assignee_until_released()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        await AddReviewerAsync(app, "reviewer2.zj", "孙审查（住建）");
        var c = await kit.SubmitAcceptedAsync();
        var zj = await app.SignedInAsync("reviewer.zj");

        var inbox = (await zj.GetStringAsync("/Staff/Review")).Html();
        Assert.That(inbox, Does.Contain(c.Number).And.Contain("未认领"));
        var hbInbox = (await (await app.SignedInAsync("reviewer.hb")).GetStringAsync("/Staff/Review")).Html();
        Assert.That(hbInbox, Does.Not.Contain(c.Number), "the 环保 inbox does not show 住建 cases");

        var claim = await zj.PostFormAsync($"/Staff/Cases/{c.Number}", new Dictionary<string, string> { ["Op"] = "claim", ["ClaimStep"] = "review" });
        Assert.That(claim.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await zj.GetStringAsync("/Staff/Review")).Html(), Does.Contain("王审查（住建）"));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Last().Action, Is.EqualTo("claim"));
        Assert.That(journal.Last().ActorName, Is.EqualTo("王审查（住建）"));

        var refused = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer2.zj", "submit-opinion", new() { ["opinion"] = "同意" }));
        // Acting without the claim: a conflict naming the holder, on the API path and on the page alike.
        Assert.That(refused!.Status, Is.EqualTo(409));
        Assert.That(refused.Message, Does.Contain("已由王审查（住建）认领"));
        var other = await app.SignedInAsync("reviewer2.zj");
        var onPage = await other.ActOnPageAsync(kit, c.Number, "submit-opinion", new() { ["in.opinion"] = "同意" });
        Assert.That(onPage.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await onPage.Content.ReadAsStringAsync()).Html(), Does.Contain("已由王审查（住建）认领"));
        var releaseByOther = await other.PostFormAsync($"/Staff/Cases/{c.Number}", new Dictionary<string, string> { ["Op"] = "release", ["ClaimStep"] = "review" });
        Assert.That(releaseByOther.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        var release = await zj.PostFormAsync($"/Staff/Cases/{c.Number}", new Dictionary<string, string> { ["Op"] = "release", ["ClaimStep"] = "review" });
        Assert.That(release.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.JournalAsync(c.Number)).Last().Action, Is.EqualTo("release"));
        // A free step is claimed by the action itself, in the same commit; the claim ends with the step.
        var done = await kit.ActAsync(c.Number, "reviewer2.zj", "submit-opinion", new() { ["opinion"] = "材料齐全，符合条件" });
        Assert.That(done.CurrentSteps, Is.EqualTo("decide"));
        Assert.That((await kit.JournalAsync(c.Number)).Last().Summary, Does.Contain("同时认领"));
    }

    [Test]
    public async Task An_extension_requested_by_the_reviewer_is_approved_only_by_the_head_of_the_bureau()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAcceptedAsync();
        var zj = await app.SignedInAsync("reviewer.zj");
        var tooLong = await zj.ActOnPageAsync(kit, c.Number, "request-extension", new() { ["in.extensionReason"] = "需现场核查", ["in.extensionDays"] = "11" });
        Assert.That((await tooLong.Content.ReadAsStringAsync()).Html(), Does.Contain("延长期限为1至10个工作日"));
        var asked = await zj.ActOnPageAsync(kit, c.Number, "request-extension", new() { ["in.extensionReason"] = "需现场核查施工条件", ["in.extensionDays"] = "5" });
        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(c.Number)).Record.CurrentSteps, Is.EqualTo("extension-approval"));

        var head = await app.SignedInAsync("head");
        var headInbox = (await head.GetStringAsync("/Staff/Review")).Html();
        Assert.That(headInbox, Does.Contain(c.Number).And.Contain("延期审批"));

        var clerk = await app.SignedInAsync("clerk");
        var byClerk = await clerk.ActOnPageAsync(kit, c.Number, "approve-extension");
        Assert.That(byClerk.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var byReviewer = await zj.ActOnPageAsync(kit, c.Number, "approve-extension");
        Assert.That(byReviewer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "reviewer.zj", "approve-extension")))!.Status, Is.EqualTo(403));

        var before = (await kit.GetAsync(c.Number)).Record.StatutoryDeadline!.Value;
        var approved = await head.ActOnPageAsync(kit, c.Number, "approve-extension");
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var after = await kit.GetAsync(c.Number);
        Assert.That(after.Record.CurrentSteps, Is.EqualTo("review"));
        Assert.That(after.Record.StatutoryDeadline, Is.GreaterThan(before));
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.ExtensionNotice));
    }

    [Test]
    public async Task The_chief_approves_within_the_authorisation_and_is_refused_once_it_is_revoked_or_expired()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var first = await kit.SubmitAcceptedAsync();
        await kit.ActAsync(first.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合发证条件" });
        var chief = await app.SignedInAsync("chief.zj");
        Assert.That((await chief.GetStringAsync("/Staff/Review")).Html(), Does.Contain(first.Number));
        var approve = await chief.ActOnPageAsync(kit, first.Number, "approve", new() { ["in.decisionNote"] = "同意" });
        Assert.That(approve.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.GetAsync(first.Number)).Record.CurrentSteps, Is.EqualTo("delivery"));
        Assert.That((await app.DocumentsAsync(first.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.ApprovalDecision));

        // The administrator revokes the seeded authorisation on the admin page.
        var admin = await app.SignedInAsync("admin");
        var list = (await admin.GetStringAsync("/Admin/Authorisations")).Html();
        Assert.That(list, Does.Contain("陈首席（住建）").And.Contain("2025-12-07 — 2027-12-07").And.Contain("有效"), "seeded a year either side of the business day it was seeded");
        long grantId;
        using (var scope = app.Services.CreateScope())
            grantId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ChiefAuthorisation>().Select(a => a.Id).SingleAsync();
        var revoke = await admin.PostFormAsync("/Admin/Authorisations?handler=Revoke", new Dictionary<string, string> { ["RevokeId"] = grantId.ToString() });
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var second = await kit.SubmitAcceptedAsync();
        await kit.ActAsync(second.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合发证条件" });
        var refused = await chief.ActOnPageAsync(kit, second.Number, "approve");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await refused.Content.ReadAsStringAsync()).Html(), Does.Contain("首席代表授权不包含事项").And.Contain("或已过期"));
        var denyToo = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(second.Number, "chief.zj", "deny", new() { ["denialReason"] = "不符合条件" }));
        Assert.That(denyToo!.Status, Is.EqualTo(403));

        // A bad grant shows the error summary; an expired grant does not help.
        string chiefId;
        using (var scope = app.Services.CreateScope())
            chiefId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("chief.zj"))!.Id;
        var bad = await admin.PostFormAsync("/Admin/Authorisations?handler=Grant", new Dictionary<string, string>
        {
            ["Input.UserId"] = chiefId, ["Input.ItemCode"] = "HB-001", ["Input.ValidFrom"] = "2026-06-01", ["Input.ValidTo"] = "2026-05-01",
        });
        var badHtml = (await bad.Content.ReadAsStringAsync()).Html();
        Assert.That(badHtml, Does.Contain("data-testid=\"error-summary\"").And.Contain("属于环保").And.Contain("截止日期不能早于起始日期"));
        var expired = await admin.PostFormAsync("/Admin/Authorisations?handler=Grant", new Dictionary<string, string>
        {
            ["Input.UserId"] = chiefId, ["Input.ItemCode"] = "ZJ-001", ["Input.ValidFrom"] = "2026-01-01", ["Input.ValidTo"] = "2026-11-30",
        });
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await admin.GetStringAsync("/Admin/Authorisations")).Html(), Does.Contain("已过期"));
        var stillRefused = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(second.Number, "chief.zj", "approve"));
        Assert.That(stillRefused!.Message, Does.Contain("首席代表授权不包含事项“建筑工程施工许可证核发（新办）”（ZJ-001）或已过期"));

        var current = await admin.PostFormAsync("/Admin/Authorisations?handler=Grant", new Dictionary<string, string>
        {
            ["Input.UserId"] = chiefId, ["Input.ItemCode"] = "ZJ-001", ["Input.ValidFrom"] = "2026-12-01", ["Input.ValidTo"] = "2027-11-30",
        });
        Assert.That(current.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await kit.ActAsync(second.Number, "chief.zj", "approve")).CurrentSteps, Is.EqualTo("delivery"));
    }
}
