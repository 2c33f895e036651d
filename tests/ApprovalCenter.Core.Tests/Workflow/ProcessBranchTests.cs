using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>
/// Every branch of every shipped process definition, run as a script. A coverage test checks that
/// together the scripts fire every action, timer and event declared in every definition.
/// </summary>
public class ProcessBranchTests
{
    private const string Start = "department=住建 applicantId=app-1 coreMaterialsComplete=true highRisk=false inLitigation=false inPetition=false";
    private const string Joint = "department=住建 applicantId=app-1 needsCivilAirDefence=true needsWater=true needsEnvironment=true";
    private const string Pass4 = "Reviewer/住建:pass; Reviewer/人防:pass; Reviewer/水务:pass; Reviewer/环保:pass";
    private const string Forward = "Clerk:check-and-forward receivingPlace=广东省清远市 homePlace=贵州省贵阳市 applicantIdentityChecked=true";
    private const string AllPass = "land-use-planning>Reviewer:pass; engineering-planning>Reviewer:pass; construction-permit>Reviewer:pass";

    public static IEnumerable<TestCaseData> Scenarios()
    {
        TestCaseData S(string def, string data, string script, string expected, string name) =>
            new TestCaseData(def, data, script, expected).SetName($"{def}: {name}");

        yield return S("standard", Start, "Clerk:accept; Reviewer:submit-opinion opinion=符合条件; ChiefRepresentative:approve; Clerk:deliver", "approved", "happy path");
        // ALL Art. 47–48: a hearing requested and held, or the 5 days lapse and review goes on.
        yield return S("standard", Start, "Clerk:accept; Reviewer:notify-hearing-right hearingMatter=涉及相邻权利人重大利益; Applicant:request-hearing; Reviewer:schedule-hearing hearingDate=2026-03-20; Reviewer:hold-hearing; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "hearing requested and held");
        yield return S("standard", Start, "Clerk:accept; Reviewer:notify-hearing-right hearingMatter=涉及相邻权利人重大利益; timer:hearing-request-period; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "no hearing requested within 5 days");
        yield return S("tolerance", Start, "Clerk:accept-with-tolerance missingMaterials=质量安全监督手续; Reviewer:notify-hearing-right hearingMatter=涉及相邻权利人重大利益; Applicant:request-hearing; Reviewer:schedule-hearing hearingDate=2026-03-20; Reviewer:hold-hearing; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Applicant:submit-supplements; Clerk:verify; Clerk:deliver", "approved", "hearing under tolerance");
        yield return S("tolerance", Start, "Clerk:accept-complete; Reviewer:notify-hearing-right hearingMatter=涉及相邻权利人重大利益; timer:hearing-request-period; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "tolerance: no hearing requested within 5 days");
        // ALL Art. 50: a renewal decided in time, or deemed renewed when the licence expires undecided.
        yield return S("renewal", Start, "Clerk:accept; Reviewer:submit-opinion opinion=符合条件; ChiefRepresentative:approve; Clerk:deliver", "approved", "renewal decided in time");
        yield return S("renewal", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; Clerk:accept; Reviewer:submit-opinion opinion=不符合; ChiefRepresentative:deny denialReason=不符合条件", "denied", "renewal denied");
        yield return S("renewal", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "renewal: supplement period lapses");
        yield return S("renewal", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "renewal refused at intake");
        yield return S("renewal", Start, "timer:intake-lapse; timer:promised-deadline; Reviewer:start-excluded-procedure procedure=专家评审; Reviewer:end-excluded-procedure; Reviewer:request-extension extensionReason=情况复杂; BureauHead:reject-extension; Reviewer:request-extension extensionReason=情况复杂; BureauHead:approve-extension; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:return-to-review; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; timer:delivery-deadline; Clerk:deliver", "approved", "renewal: deemed acceptance, excluded time, extension, return");
        yield return S("renewal", Start, "Clerk:accept; Reviewer:submit-opinion opinion=符合条件; event:licence-expired-undecided", "deemed-renewed", "licence expired undecided: deemed renewed");
        yield return S("standard", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; Clerk:accept; Reviewer:submit-opinion opinion=不符合; ChiefRepresentative:deny denialReason=不符合条件", "denied", "one-time notice, supplement, deny");
        yield return S("standard", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement period lapses");
        yield return S("standard", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse at intake");
        yield return S("standard", Start, "timer:intake-lapse; timer:promised-deadline; Reviewer:start-excluded-procedure procedure=专家评审; Reviewer:end-excluded-procedure; Reviewer:request-extension extensionReason=情况复杂; BureauHead:reject-extension; Reviewer:request-extension extensionReason=情况复杂; BureauHead:approve-extension; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:return-to-review; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; timer:delivery-deadline; Clerk:deliver", "approved", "deemed acceptance, excluded time, extension, return");

        yield return S("immediate", Start, "Clerk:accept; ChiefRepresentative:approve", "approved", "happy path");
        yield return S("immediate", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; Clerk:accept; ChiefRepresentative:deny denialReason=不符合", "denied", "supplement then deny");
        yield return S("immediate", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse");
        yield return S("immediate", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement lapses");
        yield return S("immediate", Start, "timer:intake-lapse; ChiefRepresentative:approve", "approved", "deemed acceptance");

        yield return S("tolerance", Start, "Clerk:accept-with-tolerance missingMaterials=质量安全监督手续; timer:promised-deadline; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Applicant:submit-supplements; Clerk:verify; Clerk:deliver", "approved", "tolerance accepted, supplements verified, certificate released");
        yield return S("tolerance", Start, "Clerk:accept-with-tolerance missingMaterials=质量安全监督手续; Applicant:submit-supplements; Clerk:reject-supplements supplementProblem=印章不清; timer:tolerance-supplement-deadline", "returned", "supplement deadline missed: stop and return");
        yield return S("tolerance", Start, "Clerk:accept-with-tolerance missingMaterials=质量安全监督手续; Reviewer:start-excluded-procedure procedure=专家评审; Reviewer:end-excluded-procedure; Reviewer:request-extension extensionReason=情况复杂; BureauHead:reject-extension; Reviewer:request-extension extensionReason=情况复杂; BureauHead:approve-extension; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Applicant:submit-supplements; Clerk:verify; Clerk:deliver", "approved", "excluded time and extension under tolerance (issue 10, defect 7)");
        yield return S("tolerance", Start, "Clerk:accept-complete; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "complete materials: no supplement branch");
        yield return S("tolerance", Start, "Clerk:accept-with-tolerance missingMaterials=质量安全监督手续; Reviewer:submit-opinion opinion=不同意; ChiefRepresentative:deny denialReason=不符合", "denied", "deny ends both branches");
        yield return S("tolerance", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse");
        yield return S("tolerance", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement lapses");
        yield return S("tolerance", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; timer:intake-lapse; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "deemed acceptance");

        yield return S("commitment", Start, "Clerk:offer-commitment; Applicant:sign; ChiefRepresentative:approve; timer:verification-due; Reviewer:verify-true", "approved", "verified true");
        yield return S("commitment", Start, "Clerk:offer-commitment; Applicant:sign; ChiefRepresentative:approve; Reviewer:verify-false findings=承诺不实; ChiefRepresentative:revoke", "revoked", "false commitment revoked");
        yield return S("commitment", Start, "Clerk:offer-commitment; Applicant:decline", "withdrawn", "applicant declines");
        yield return S("commitment", Start, "Clerk:accept; ChiefRepresentative:deny denialReason=不符合", "denied", "ordinary accept then deny");
        yield return S("commitment", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; timer:intake-lapse; ChiefRepresentative:approve; Reviewer:verify-true", "approved", "deemed acceptance");
        yield return S("commitment", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse");
        yield return S("commitment", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement lapses");

        yield return S("joint-review", Joint, $"Clerk:accept; {Pass4}; ChiefRepresentative:approve; timer:delivery-deadline; Clerk:deliver", "approved", "all departments pass");
        yield return S("joint-review", Joint, "Clerk:accept; Reviewer/住建:pass; Reviewer/人防:object objection=防空地下室面积不足; Reviewer/水务:pass; Reviewer/环保:pass; ChiefRepresentative:deny denialReason=人防不同意", "denied", "one department objects");
        yield return S("joint-review", Joint, "Clerk:accept; Reviewer/住建:pass; Reviewer/人防:object objection=防空地下室面积不足; Reviewer/水务:pass; Reviewer/环保:pass; ChiefRepresentative:resolve-objection resolution=建设单位调整方案，人防同意; ChiefRepresentative:approve; Clerk:deliver", "approved", "an objection resolved by the lead, then one decision");
        yield return S("joint-review", Joint, $"Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; timer:intake-lapse; {Pass4}; ChiefRepresentative:deny denialReason=综合判断不符合", "denied", "deemed acceptance, deny at decision");
        yield return S("joint-review", Joint, $"Clerk:accept; Reviewer/住建:start-excluded-procedure procedure=专家评审; Reviewer/住建:end-excluded-procedure; Reviewer/住建:request-joint-extension extensionReason=多部门会审; BureauHead:reject-extension; Reviewer/住建:request-joint-extension extensionReason=多部门会审; BureauHead:approve-joint-extension governmentReplyNumber=清新府函〔2026〕15号; {Pass4}; ChiefRepresentative:approve; Clerk:deliver", "approved", "excluded time and the government-approved extension (issue 10, defect 7)");
        yield return S("joint-review", Joint, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse");
        yield return S("joint-review", Joint, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement lapses");

        yield return S("exemption", "exempt=true", "", "exempted", "exempt: exemption notice, no case");
        yield return S("exemption", "exempt=false", "", "not-exempt", "not exempt");

        yield return S("land-to-construction", Start, $"{AllPass}; event:land-contract-registered; ChiefRepresentative:issue-all", "approved", "pre-review, contract registered, joint issue");
        yield return S("land-to-construction", Start, "land-use-planning>Reviewer:fail opinion=不符合规划条件; engineering-planning>Reviewer:pass; construction-permit>Reviewer:pass", "pre-review-failed", "a pre-review fails");
        yield return S("land-to-construction", Start, $"{AllPass}; Applicant:withdraw", "withdrawn", "withdrawn while waiting for contract");

        yield return S("phased-construction-permit", Start, "Clerk:accept; Reviewer:submit-opinion opinion=桩基础符合; ChiefRepresentative:approve-phase; Applicant:apply-next-phase phase=地下室 finalPhase=false; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve-phase; Applicant:apply-next-phase phase=±0.000以上 finalPhase=true; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve-phase", "approved", "pile foundation first, then phases");
        yield return S("phased-construction-permit", Start, "Clerk:accept; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve-phase; Applicant:stop-phases", "partially-approved", "applicant stops after first phase");
        yield return S("phased-construction-permit", Start, "Clerk:accept; Reviewer:submit-opinion opinion=不同意; ChiefRepresentative:deny denialReason=不符合", "denied", "deny");
        yield return S("phased-construction-permit", Start, "Clerk:refuse refusalReason=不属本机关职权", "refused", "refuse");
        yield return S("phased-construction-permit", Start, "Clerk:supplement-notice missingMaterials=申请表; timer:supplement-period", "not-accepted", "supplement lapses");
        yield return S("phased-construction-permit", Start, "Clerk:supplement-notice missingMaterials=申请表; Applicant:supplement; timer:intake-lapse; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve-phase; Applicant:stop-phases", "partially-approved", "deemed acceptance");

        yield return S("business-startup", Start, "Clerk:register companyName=清远某科技有限公司; Clerk:complete#seal; Clerk:complete#invoice; Clerk:complete#social-insurance; Clerk:complete#housing-fund; Clerk:complete#bank-account", "opened", "registration then five in parallel");
        yield return S("business-startup", Start, "Clerk:refuse refusalReason=名称不符合规定", "refused", "refuse");

        yield return S("couldnt-get-it-done", Start, "Clerk:accept complaint=多次跑腿未办成; timer:closing-deadline; Supervisor:dispatch department=水务; Reviewer/水务:respond response=可以办理; Supervisor:coordinate resolution=当日办结; Clerk:answer answer=已办结; Clerk:unsatisfied; timer:closing-deadline; Supervisor:coordinate resolution=上门服务; Clerk:answer answer=已上门; Clerk:satisfied", "resolved", "dispatch, coordinate, answer, call back twice");
        yield return S("couldnt-get-it-done", Start, "Clerk:decline declineReason=已进入诉讼程序", "out-of-scope", "out of scope");

        yield return S("cross-province", Start, $"{Forward}; ChiefRepresentative:approve; Clerk:hand-out", "approved", "forward, decide at home, hand out");
        yield return S("cross-province", Start, "Clerk:reject-form returnReason=表单不完整", "returned", "form rejected at receiving window");
        yield return S("cross-province", Start, $"{Forward}; ChiefRepresentative:request-supplement missingMaterials=身份证明; Applicant:supplement; ChiefRepresentative:deny denialReason=不符合", "denied", "supplement via receiving window then deny");
        yield return S("cross-province", Start, $"{Forward}; ChiefRepresentative:request-supplement missingMaterials=身份证明; timer:supplement-period", "returned", "supplement lapses");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void Branch_ends_with_expected_outcome(string definition, string data, string script, string expected)
    {
        var host = WorkflowFiles.NewHost();
        var started = host.Start(definition, "case-1", Scenario.ActorFor("Clerk"), Scenario.Data(data), WorkflowFiles.T0);
        Assert.That(started.IsSuccess, Is.True, () => started.Error!.Reason);
        if (script.Length > 0) Scenario.Run(host, "case-1", script);
        var instance = host["case-1"];
        Assert.That(instance.Status, Is.EqualTo(InstanceStatus.Completed), () => $"停在：{string.Join(",", instance.CurrentSteps)}");
        Assert.That(instance.Outcome, Is.EqualTo(expected));
        Assert.That(instance.Tokens, Is.Empty);
        Assert.That(instance.Bookmarks, Is.Empty);
    }

    [Test]
    public void Scenarios_cover_every_action_timer_and_event_of_every_definition()
    {
        var fired = new HashSet<(string Def, string Kind, string Name)>();
        foreach (var s in Scenarios())
        {
            var host = WorkflowFiles.NewHost();
            host.Start((string)s.Arguments[0]!, "case-1", Scenario.ActorFor("Clerk"), Scenario.Data((string)s.Arguments[1]!), WorkflowFiles.T0);
            if (((string)s.Arguments[2]!).Length > 0) Scenario.Run(host, "case-1", (string)s.Arguments[2]!);
            foreach (var i in host.Instances.Values)
                foreach (var j in i.Journal.Where(j => j.Kind is "action" or "timer" or "event"))
                    fired.Add((i.DefinitionId, j.Kind, j.Name));
        }
        var declared = WorkflowFiles.Definitions.SelectMany(d => d.StepList.SelectMany(s =>
            s.Actions.Select(a => (d.Id, "action", a.Name)).Concat(s.Timers.Select(t => (d.Id, "timer", t.Name))).Concat(s.Events.Select(e => (d.Id, "event", e.Name))))).ToHashSet();
        Assert.That(declared.Except(fired), Is.Empty, "这些分支没有测试覆盖");
        var routes = WorkflowFiles.Definitions.SelectMany(d => d.StepList.Where(s => s.Kind == StepKind.Final).Select(s => (d.Id, s.Outcome))).ToList();
        Assert.That(routes, Is.Not.Empty);
    }

    [Test]
    public void Every_final_step_of_every_definition_is_reached_by_some_scenario()
    {
        var reached = new HashSet<(string, string)>();
        foreach (var s in Scenarios())
        {
            var host = WorkflowFiles.NewHost();
            host.Start((string)s.Arguments[0]!, "case-1", Scenario.ActorFor("Clerk"), Scenario.Data((string)s.Arguments[1]!), WorkflowFiles.T0);
            if (((string)s.Arguments[2]!).Length > 0) Scenario.Run(host, "case-1", (string)s.Arguments[2]!);
            foreach (var i in host.Instances.Values)
                foreach (var step in i.Journal.SelectMany(j => j.To)) reached.Add((i.DefinitionId, step));
        }
        var finals = WorkflowFiles.Definitions.SelectMany(d => d.StepList.Where(s => s.Kind == StepKind.Final).Select(s => (d.Id, s.Id))).ToHashSet();
        Assert.That(finals.Except(reached), Is.Empty, "这些结束步骤没有测试覆盖");
    }
}
