using ApprovalCenter.Cases;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Journeys;
using ApprovalCenter.Web.Tests.Workbench;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// Issue 10, defect 7, on PostgreSQL: joint handling (并联审批) and tolerance cases can be paused
/// (Art. 45) and extended (Art. 42); the joint extension is the government's, recorded by its reply.
/// Dates by hand on the 2026 calendar: Mon Mar 2; Apr 4–6, May 1–5 holidays; Sat May 9 a make-up day.
/// </summary>
public sealed class JointAndToleranceClockTests
{
    [Test]
    public async Task ALL_Art_42_2_a_joint_case_is_paused_and_extended_by_15_wd_with_the_governments_reply_number()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Joint, new() { ["needsWater"] = true });
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept");
        Assert.That(accepted.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 5, 8)), "45 wd from Mar 2");

        clock.Set(TestClock.China(2026, 3, 4, 10));
        var paused = await kit.ActAsync(c.Number, "reviewer.zj", "start-excluded-procedure", new() { ["procedure"] = "ExpertReview", ["expectedDays"] = 5 }, stepId: "lead-review");
        Assert.That(paused.Steps, Is.EquivalentTo(new[] { "lead-excluded-procedure", "sw-review" }));
        clock.Set(TestClock.China(2026, 3, 9, 10));
        var resumed = await kit.ActAsync(c.Number, "reviewer.zj", "end-excluded-procedure", stepId: "lead-excluded-procedure");
        Assert.That(resumed.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 5, 12)), "Mar 5, 6, 9 paused: May 9 (make-up), 11, 12");

        clock.Set(TestClock.China(2026, 4, 20, 10));
        await kit.ActAsync(c.Number, "reviewer.zj", "request-joint-extension", new() { ["extensionReason"] = "涉及多个部门现场核查", ["extensionDays"] = 15 }, stepId: "lead-review");
        var bad = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "head", "approve-joint-extension", new() { [ActionCatalog.GovernmentReplyNumber] = "同意" }));
        Assert.That((bad!.Status, bad.Field), Is.EqualTo((400, ActionCatalog.GovernmentReplyNumber)));
        var wrongActor = await Assert.ThrowsAsync<CaseException>(() => kit.ActAsync(c.Number, "head", "approve-extension"));
        Assert.That(wrongActor!.Status, Is.Not.EqualTo(500), "the head alone cannot extend a joint case");

        var extended = await kit.ActAsync(c.Number, "head", "approve-joint-extension", new() { [ActionCatalog.GovernmentReplyNumber] = "清新府函[2026]15号" });
        Assert.That(extended.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 6, 2)), "May 12 + 15 wd: May 13–15, 18–22, 25–29, Jun 1, 2");
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        var x = caseClock.Extension!;
        Assert.That((x.GrantedOn, x.Days, x.Approver, x.Reason, x.ApprovalDocument),
            Is.EqualTo((new DateOnly(2026, 4, 20), 15, ExtensionApprover.LocalGovernment, "涉及多个部门现场核查", "清新府函〔2026〕15号")));
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Single(j => j.Action == "approve-joint-extension").Summary, Does.Contain("本级人民政府").And.Contain("清新府函〔2026〕15号"));
        var notice = (await app.DocumentsAsync(c.Number)).Single(d => d.Kind == DocumentKind.ExtensionNotice);
        var text = await JourneyKit.PdfTextAsync(notice.Pdf);
        Assert.That(text, Does.Contain("本级人民政府").And.Contain("15号").And.Contain("第四十二条第二款"));
    }

    [Test]
    public async Task ALL_Art_45_and_42_a_tolerance_case_is_paused_and_extended_by_the_head_of_the_bureau()
    {
        var clock = new TestClock(TestClock.China(2026, 3, 2, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        var c = await kit.SubmitAsync("company", "ZJ-001", CaseMode.Tolerance);   // promised 3, statutory 7
        var accepted = await kit.ActAsync(c.Number, "clerk", "accept-with-tolerance");
        Assert.That((accepted.PromisedDeadline, accepted.StatutoryDeadline), Is.EqualTo((new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 11))));

        clock.Set(TestClock.China(2026, 3, 3, 10));
        var paused = await kit.ActAsync(c.Number, "reviewer.zj", "start-excluded-procedure", new() { ["procedure"] = "Inspection", ["expectedDays"] = 3 }, stepId: "review");
        Assert.That(paused.Steps, Does.Contain("excluded-procedure"));
        clock.Set(TestClock.China(2026, 3, 6, 10));
        var resumed = await kit.ActAsync(c.Number, "reviewer.zj", "end-excluded-procedure", stepId: "excluded-procedure");
        Assert.That((resumed.PromisedDeadline, resumed.StatutoryDeadline), Is.EqualTo((new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 16))), "Mar 4, 5, 6 paused");

        await kit.ActAsync(c.Number, "reviewer.zj", "request-extension", new() { ["extensionReason"] = "需现场核查", ["extensionDays"] = 10 }, stepId: "review");
        var extended = await kit.ActAsync(c.Number, "head", "approve-extension");
        Assert.That(extended.StatutoryDeadline, Is.EqualTo(new DateOnly(2026, 3, 30)), "Mar 16 + 10 wd");
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.Extension!.Approver, Is.EqualTo(ExtensionApprover.BureauHead));
        Assert.That((await app.DocumentsAsync(c.Number)).Select(d => d.Kind), Does.Contain(DocumentKind.ExcludedProcedureNotice).And.Contain(DocumentKind.ExtensionNotice));
        Assert.That(() => kit.ActAsync(c.Number, "reviewer.zj", "request-extension", new() { ["extensionReason"] = "再次", ["extensionDays"] = 5 }, stepId: "review"),
            Throws.TypeOf<CaseException>(), "only once");
    }
}
