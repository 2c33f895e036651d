using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Typed refusals: Forbidden (403), NotCurrent (409), Invalid (400), each with a Chinese reason and no change.</summary>
public class EngineErrorTests
{
    private InMemoryWorkflowHost _host = null!;
    private WorkflowInstance Case => _host["c"];

    [SetUp]
    public void SetUp()
    {
        _host = WorkflowFiles.NewHost();
        _host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=水务 applicantId=app-1"), WorkflowFiles.T0).Required.ToString();
    }

    [Test]
    public void Wrong_role_is_forbidden()
    {
        var r = _host.Engine.Act(Case, "accept", Scenario.ActorFor("Applicant"), null, WorkflowFiles.T0);
        Assert.That(r.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Forbidden));
        Assert.That(r.Error.HttpStatus, Is.EqualTo(403));
        Assert.That(r.Error.Reason, Does.Contain("申请人无权执行“accept”"));
    }

    [Test]
    public void Reviewer_of_another_department_is_forbidden()
    {
        Scenario.Run(_host, "c", "Clerk:accept");
        var r = _host.Engine.Act(Case, "submit-opinion", new Actor("r1", "Reviewer", "住建"), Scenario.Data("opinion=同意"), WorkflowFiles.T0);
        Assert.That(r.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Forbidden));
        Assert.That(r.Error.Reason, Does.Contain("由水务办理"));
        var ok = _host.Engine.Act(Case, "submit-opinion", new Actor("r2", "Reviewer", "水务"), Scenario.Data("opinion=同意"), WorkflowFiles.T0);
        Assert.That(ok.IsSuccess, Is.True);
    }

    [Test]
    public void Another_applicant_cannot_act_on_the_case()
    {
        Scenario.Run(_host, "c", "Clerk:supplement-notice missingMaterials=申请表");
        var r = _host.Engine.Act(Case, "supplement", new Actor("someone-else", "Applicant"), null, WorkflowFiles.T0);
        Assert.That(r.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Forbidden));
        Assert.That(r.Error.Reason, Is.EqualTo("只有本案申请人可以办理此操作"));
    }

    [Test]
    public void Action_of_a_step_that_is_not_current_is_not_current()
    {
        var r = _host.Engine.Act(Case, "approve", Scenario.ActorFor("ChiefRepresentative/水务"), null, WorkflowFiles.T0);
        Assert.That(r.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
        Assert.That(r.Error.HttpStatus, Is.EqualTo(409));
        var named = _host.Engine.Act(Case, "approve", Scenario.ActorFor("ChiefRepresentative/水务"), null, WorkflowFiles.T0, stepId: "decide");
        Assert.That(named.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
        Assert.That(named.Error.Reason, Does.Contain("当前不在办理中"));
    }

    [Test]
    public void Unknown_action_and_missing_data_are_invalid_and_change_nothing()
    {
        var before = Case;
        var unknown = _host.Engine.Act(Case, "teleport", Scenario.ActorFor("Clerk"), null, WorkflowFiles.T0);
        Assert.That(unknown.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Invalid));
        var missing = _host.Engine.Act(Case, "refuse", Scenario.ActorFor("Clerk"), null, WorkflowFiles.T0);
        Assert.That(missing.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Invalid));
        Assert.That(missing.Error.HttpStatus, Is.EqualTo(400));
        Assert.That(missing.Error.Reason, Is.EqualTo("缺少必填数据：refusalReason"));
        var badValue = _host.Engine.Act(Case, "refuse", Scenario.ActorFor("Clerk"), new Dictionary<string, object?> { ["refusalReason"] = new object() }, WorkflowFiles.T0);
        Assert.That(badValue.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Invalid));
        Assert.That(Case, Is.SameAs(before));
        Assert.That(Case.Version, Is.EqualTo(1));
    }

    [Test]
    public void The_one_time_supplement_notice_can_be_issued_only_once()
    {
        Scenario.Run(_host, "c", "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement");
        var again = _host.Engine.Act(Case, "supplement-notice", Scenario.ActorFor("Clerk"), Scenario.Data("missingMaterials=身份证"), WorkflowFiles.T0);
        Assert.That(again.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Invalid));
        Assert.That(again.Error.Reason, Does.StartWith("一次性告知只能发出一次"));
    }

    [Test]
    public void Only_one_extension_is_allowed()
    {
        Scenario.Run(_host, "c", "Clerk:accept; Reviewer/水务:request-extension extensionReason=复杂; BureauHead:approve-extension");
        var second = _host.Engine.Act(Case, "request-extension", Scenario.ActorFor("Reviewer/水务"), Scenario.Data("extensionReason=仍复杂"), WorkflowFiles.T0);
        Assert.That(second.Error!.Reason, Is.EqualTo("办理期限只能延长一次（行政许可法第四十二条）"));
    }

    [Test]
    public void A_timer_of_a_step_already_left_is_not_current_so_late_firing_is_harmless()
    {
        Scenario.Run(_host, "c", "Clerk:accept");
        var late = _host.Engine.FireTimer(Case, "intake-lapse", WorkflowFiles.T0);
        Assert.That(late.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
    }

    [Test]
    public void Actions_on_a_completed_case_are_not_current()
    {
        Scenario.Run(_host, "c", "Clerk:refuse refusalReason=不属本机关职权");
        var r = _host.Engine.Act(Case, "accept", Scenario.ActorFor("Clerk"), null, WorkflowFiles.T0);
        Assert.That(r.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
        Assert.That(r.Error.Reason, Does.Contain("案件已办结"));
    }

    [Test]
    public void Tolerance_is_refused_for_bad_credit_and_commitment_for_high_risk()
    {
        var host = WorkflowFiles.NewHost();
        var t = host.Start("tolerance", "t", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 coreMaterialsComplete=true badCredit=true"), WorkflowFiles.T0).Required;
        var r = host.Engine.Act(t, "accept-with-tolerance", Scenario.ActorFor("Clerk"), Scenario.Data("missingMaterials=x"), WorkflowFiles.T0);
        Assert.That(r.Error!.Reason, Does.Contain("不能容缺受理"));
        var c = host.Start("commitment", "k", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 highRisk=true"), WorkflowFiles.T0).Required;
        var r2 = host.Engine.Act(c, "offer-commitment", Scenario.ActorFor("Clerk"), null, WorkflowFiles.T0);
        Assert.That(r2.Error!.Reason, Does.Contain("不适用告知承诺制"));
    }
}
