using ApprovalCenter.Documents;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>Effects, journal, clock, parallel join, sub-case roll-up and bookmarks.</summary>
public class EngineBehaviourTests
{
    [Test]
    public void Each_transition_journals_who_when_what_from_to_and_bumps_the_version()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建"), WorkflowFiles.T0);
        Scenario.Run(host, "c", "Clerk:accept; Reviewer:submit-opinion opinion=同意");
        var c = host["c"];
        Assert.That(c.Version, Is.EqualTo(3));
        Assert.That(c.Journal.Select(j => j.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
        var opinion = c.Journal[2];
        Assert.That((opinion.UserId, opinion.Role, opinion.Kind, opinion.Name), Is.EqualTo(("u-Reviewer-住建", "Reviewer", "action", "submit-opinion")));
        Assert.That(opinion.From, Is.EqualTo(new[] { "review" }));
        Assert.That(opinion.To, Is.EqualTo(new[] { "decide" }));
        Assert.That(opinion.Data["opinion"], Is.EqualTo("同意"));
        Assert.That(opinion.At, Is.EqualTo(WorkflowFiles.T0.AddHours(2)));
        Assert.That(c.Data["acceptedAt"], Is.EqualTo(WorkflowFiles.T0.AddHours(1).ToString("O")));
    }

    [Test]
    public void Intake_schedules_the_lapse_timer_and_acceptance_cancels_it_and_starts_the_clock()
    {
        var host = WorkflowFiles.NewHost();
        var start = host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建"), WorkflowFiles.T0);
        Assert.That(start.Effects.OfType<ScheduleTimer>().Single(), Is.EqualTo(new ScheduleTimer("intake-lapse", DueRules.IntakeLapse, "intake", "t1")));
        var accept = Scenario.Run(host, "c", "Clerk:accept");
        Assert.That(accept.Effects, Does.Contain(new CancelTimer("intake-lapse", "intake", "t1")));
        Assert.That(accept.Effects, Does.Contain(new IssueDocument(DocumentKind.AcceptanceNotice, "intake")));
        Assert.That(accept.Effects.OfType<ClockChange>().Single(), Is.EqualTo(new ClockChange(ClockEffectKind.Counts, "受理后开始计算办理时限", "review")));
        Assert.That(accept.Effects.OfType<ScheduleTimer>().Single().Due, Is.EqualTo(DueRules.PromisedDeadline));
    }

    [Test]
    public void Supplement_pauses_excluded_procedure_excludes_and_decision_stops_the_clock()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建"), WorkflowFiles.T0);
        var notice = Scenario.Run(host, "c", "Clerk:supplement-notice missingMaterials=申请表");
        Assert.That(notice.Effects.OfType<ClockChange>().Single().Kind, Is.EqualTo(ClockEffectKind.Paused));
        Assert.That(notice.Effects.OfType<IssueDocument>().Single().Kind, Is.EqualTo(DocumentKind.SupplementNotice));
        Assert.That(notice.Effects, Does.Contain(new Notify("Applicant", "intake.supplement-notice", "intake")));
        var excluded = Scenario.Run(host, "c", "Applicant:supplement; Clerk:accept; Reviewer:start-excluded-procedure procedure=检测");
        Assert.That(excluded.Effects.OfType<ClockChange>().Single().Kind, Is.EqualTo(ClockEffectKind.Excluded));
        var decided = Scenario.Run(host, "c", "Reviewer:end-excluded-procedure; Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve");
        Assert.That(decided.Effects.OfType<ClockChange>().Single().Kind, Is.EqualTo(ClockEffectKind.Stopped));
        Assert.That(decided.Effects.OfType<IssueDocument>().Single().Kind, Is.EqualTo(DocumentKind.ApprovalDecision));
    }

    [Test]
    public void Deemed_acceptance_happens_by_itself_when_the_intake_lapse_timer_fires()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建"), WorkflowFiles.T0);
        var lapse = Scenario.Run(host, "c", "timer:intake-lapse");
        Assert.That(host["c"].CurrentSteps, Is.EqualTo(new[] { "review" }));
        Assert.That(host["c"].Data["deemedAccepted"], Is.EqualTo(true));
        Assert.That(lapse.Effects.OfType<IssueDocument>().Single().Kind, Is.EqualTo(DocumentKind.AcceptanceNotice));
        Assert.That(host["c"].Journal[^1].Role, Is.EqualTo(Actor.SystemRole));
    }

    [Test]
    public void Parallel_branches_wait_at_the_join_until_every_taken_branch_arrives()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("joint-review", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 needsWater=true needsEnvironment=false needsCivilAirDefence=false"), WorkflowFiles.T0);
        Scenario.Run(host, "c", "Clerk:accept");
        Assert.That(host["c"].CurrentSteps, Is.EquivalentTo(new[] { "lead-review", "sw-review" }));
        Scenario.Run(host, "c", "Reviewer/水务:pass");
        Assert.That(host["c"].CurrentSteps, Is.EquivalentTo(new[] { "lead-review", "joint-join" }));
        Scenario.Run(host, "c", "Reviewer/住建:pass");
        Assert.That(host["c"].CurrentSteps, Is.EqualTo(new[] { "decide" }));
        Assert.That(host["c"].Tokens.Single().Forks, Is.Empty);
    }

    [Test]
    public void Tolerance_certificate_is_withheld_until_supplements_are_verified()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("tolerance", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 coreMaterialsComplete=true"), WorkflowFiles.T0);
        var accepted = Scenario.Run(host, "c", "Clerk:accept-with-tolerance missingMaterials=农民工工资保证金缴存凭证");
        Assert.That(accepted.Effects.OfType<IssueDocument>().Select(d => d.Kind), Is.EqualTo(new[] { DocumentKind.AcceptanceNotice, DocumentKind.ToleranceNotice }));
        Assert.That(accepted.Effects.OfType<ScheduleTimer>().Select(t => t.Due), Does.Contain(DueRules.ToleranceSupplementDeadline));
        Scenario.Run(host, "c", "Reviewer:submit-opinion opinion=同意; ChiefRepresentative:approve");
        Assert.That(host["c"].Data["certificateWithheld"], Is.EqualTo(true));
        Assert.That(host["c"].CurrentSteps, Is.EquivalentTo(new[] { "tolerance-join", "awaiting-supplements" }));
        Scenario.Run(host, "c", "Applicant:submit-supplements; Clerk:verify");
        Assert.That(host["c"].CurrentSteps, Is.EqualTo(new[] { "delivery" }));
        Assert.That(host["c"].Data["certificateWithheld"], Is.EqualTo(false));
    }

    [Test]
    public void False_commitment_revokes_and_writes_a_credit_record()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("commitment", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 highRisk=false"), WorkflowFiles.T0);
        var approve = Scenario.Run(host, "c", "Clerk:offer-commitment; Applicant:sign; ChiefRepresentative:approve");
        Assert.That(approve.Effects.OfType<ScheduleTimer>().Single(), Has.Property("Due").EqualTo(DueRules.VerificationDue));
        var revoke = Scenario.Run(host, "c", "Reviewer:verify-false findings=承诺不实; ChiefRepresentative:revoke");
        Assert.That(revoke.Effects, Does.Contain(new RecordCredit("false-commitment", "revocation")));
        Assert.That(revoke.Effects, Does.Contain(new IssueDocument(DocumentKind.RevocationNotice, "revocation")));
        Assert.That(host["c"].Data["falseCommitmentRecord"], Is.EqualTo(true));
    }

    [Test]
    public void Sub_cases_roll_up_to_the_parent_which_waits_for_all_children()
    {
        var host = WorkflowFiles.NewHost();
        var start = host.Start("land-to-construction", "p", Scenario.ActorFor("Clerk"), Scenario.Data("applicantId=app-1"), WorkflowFiles.T0);
        Assert.That(start.Effects.OfType<CreateSubCase>().Select(c => c.ChildKey), Is.EqualTo(new[] { "land-use-planning", "engineering-planning", "construction-permit" }));
        Assert.That(start.Effects.OfType<CreateSubCase>().Last().ItemCode, Is.EqualTo("ZJ-001"));
        Assert.That(host["p/construction-permit"].Parent, Is.EqualTo(new ParentLink("p", "construction-permit")));
        Assert.That(host["p"].Bookmarks.Single().WaitingFor, Is.EqualTo("children"));
        Scenario.Run(host, "p", "land-use-planning>Reviewer:pass; engineering-planning>Reviewer:pass");
        Assert.That(host["p"].CurrentSteps, Is.EqualTo(new[] { "pre-review" }));
        Assert.That(host["p"].Data["children.pending"], Is.EqualTo(1m));
        Scenario.Run(host, "p", "construction-permit>Reviewer:pass");
        Assert.That(host["p"].CurrentSteps, Is.EqualTo(new[] { "awaiting-land-contract" }));
        Assert.That(host["p"].Children.Select(c => c.Outcome), Is.All.EqualTo("pre-approved"));
        Assert.That(host["p"].Journal.Count(j => j.Kind == "child-completed"), Is.EqualTo(3));
        var issued = Scenario.Run(host, "p", "event:land-contract-registered; ChiefRepresentative:issue-all");
        Assert.That(issued.Effects.OfType<IssueDocument>().Select(d => d.Kind), Is.EqualTo(new[] { DocumentKind.ApprovalDecision, DocumentKind.Certificate }));
    }

    [Test]
    public void Bookmarks_have_unguessable_tokens_and_resume_the_waiting_step()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("standard", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建 applicantId=app-1"), WorkflowFiles.T0);
        var notice = Scenario.Run(host, "c", "Clerk:supplement-notice missingMaterials=申请表");
        var bookmark = notice.Effects.OfType<BookmarkCreated>().Single().Bookmark;
        Assert.That(bookmark.ResumeToken, Does.Match("^[A-Za-z0-9_-]{22}$"));
        Assert.That((bookmark.InstanceId, bookmark.StepId, bookmark.WaitingFor), Is.EqualTo(("c", "awaiting-supplement", "applicant")));
        var (first, second) = (RandomResumeTokens.Instance.NewToken(), RandomResumeTokens.Instance.NewToken());
        Assert.That(first, Is.Not.EqualTo(second));

        var wrong = host.Resume("c", "AAAAAAAAAAAAAAAAAAAAAA", Scenario.ActorFor("Applicant"), null, WorkflowFiles.T0);
        Assert.That(wrong.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
        var stranger = host.Resume("c", bookmark.ResumeToken, new Actor("x", "Applicant"), null, WorkflowFiles.T0);
        Assert.That(stranger.Error!.Kind, Is.EqualTo(WorkflowErrorKind.Forbidden));
        var ok = host.Resume("c", bookmark.ResumeToken, Scenario.ActorFor("Applicant"), null, WorkflowFiles.T0);
        Assert.That(ok.IsSuccess, Is.True);
        Assert.That(host["c"].CurrentSteps, Is.EqualTo(new[] { "intake" }));
        Assert.That(host["c"].Bookmarks, Is.Empty);
        var reused = host.Resume("c", bookmark.ResumeToken, Scenario.ActorFor("Applicant"), null, WorkflowFiles.T0);
        Assert.That(reused.Error!.Kind, Is.EqualTo(WorkflowErrorKind.NotCurrent));
    }

    [Test]
    public void An_event_bookmark_resumes_through_its_event()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("land-to-construction", "p", Scenario.ActorFor("Clerk"), null, WorkflowFiles.T0);
        Scenario.Run(host, "p", "land-use-planning>Reviewer:pass; engineering-planning>Reviewer:pass; construction-permit>Reviewer:pass");
        var token = host["p"].Bookmarks.Single().ResumeToken;
        var r = host.Resume("p", token, Actor.System, null, WorkflowFiles.T0);
        Assert.That(r.IsSuccess, Is.True);
        Assert.That(host["p"].CurrentSteps, Is.EqualTo(new[] { "joint-issue" }));
    }

    [Test]
    public void Cross_province_case_stores_both_places_and_hand_off_times()
    {
        var host = WorkflowFiles.NewHost();
        host.Start("cross-province", "c", Scenario.ActorFor("Clerk"), Scenario.Data("department=住建"), WorkflowFiles.T0);
        Scenario.Run(host, "c", "Clerk:check-and-forward receivingPlace=广东省清远市 homePlace=贵州省贵阳市 applicantIdentityChecked=true; ChiefRepresentative:approve; Clerk:hand-out");
        var d = host["c"].Data;
        Assert.That((d["receivingPlace"], d["homePlace"]), Is.EqualTo(("广东省清远市", "贵州省贵阳市")));
        Assert.That(new[] { "forwardedAt", "decidedAt", "handedOutAt" }.All(d.ContainsKey), Is.True);
    }
}
