using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, defect 6: a calendar change is carried through to every timer and never makes the
/// recorded past unlawful. The test notice for 2027 (the real one is not published yet) makes
/// Feb 5–13 the Spring Festival; the provisional 2027 has only Feb 5 and Feb 8 off (Feb 6 is the
/// lunar New Year, a Saturday).
/// </summary>
public sealed class CalendarReloadTests
{
    public const string Notice2027 = """
        { "year": 2027, "source": { "title": "测试用2027年节假日安排", "published": "2026-12-01" },
          "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-03" },
                        { "name": "春节", "from": "2027-02-05", "to": "2027-02-13" } ],
          "makeUpWorkingDays": [ { "date": "2027-02-20", "for": "春节" } ] }
        """;

    private static WorkingCalendar With2027 => Official.WithYear(CalendarYearParser.Parse(Notice2027));
    private static DateTimeOffset China(int y, int m, int d, int h = 10) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    private static (WorkflowInstance Instance, ProcessDefinition Definition) CommitmentApprovedOn(DateTimeOffset approvedAt)
    {
        var engine = new WorkflowEngine(new DefinitionRegistry(WorkflowFiles.Definitions));
        var i = engine.Start("commitment", "QYGX-2026-000001", Actor.System, new Dictionary<string, object?> { ["department"] = "住建" }, approvedAt.AddHours(-3)).Instance!;
        i = engine.Act(i, "offer-commitment", Scenario.ActorFor("Clerk"), null, approvedAt.AddHours(-2)).Instance!;
        i = engine.Act(i, "sign", Scenario.ActorFor("Applicant"), null, approvedAt.AddHours(-1)).Instance!;
        i = engine.Act(i, "approve", Scenario.ActorFor("ChiefRepresentative"), null, approvedAt).Instance!;
        Assert.That(i.CurrentSteps, Is.EqualTo(new[] { "verification" }));
        return (i, engine.Registry.Get(i.DefinitionId, i.DefinitionVersion)!);
    }

    [Test]
    public void Loading_the_2027_notice_moves_the_verification_timer_of_a_commitment_case_approved_2026_12_28()
    {
        var (instance, definition) = CommitmentApprovedOn(China(2026, 12, 28));
        E[] events = [new E.Received(D("2026-12-28")), new E.CommitmentOffered(D("2026-12-28")), new E.Accepted(D("2026-12-28")),
            new E.Decided(D("2026-12-28")), new E.Delivered(D("2026-12-28"))];
        var provisional = CaseClock.Create(ClockLimits.Standard(1, 20), events, Official, D("2026-12-28"), events.Length);
        var before = WorkflowTimerPlan.For(instance, definition, provisional, Official).Single();
        Assert.That(before.TimerName, Is.EqualTo("verification-due"));
        Assert.That(before.DueAt, Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-12"))), "30 wd on the provisional calendar end 2027-02-11");

        var after = WorkflowTimerPlan.For(instance, definition, provisional.WithCalendar(With2027), With2027).Single();
        // Dec 29–31 (3), Jan 4–Feb 4 (24), Feb 5–13 off, Feb 15, 16, 17 → 30.
        Assert.That(after.DueAt, Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-18"))), "the notice's Spring Festival moves it to the end of 2027-02-17");
        Assert.That(WorkflowTimerPlan.EnteredOn(instance, "verification"), Is.EqualTo(D("2026-12-28")), "counted from the approval, not from the reload");
    }

    [Test]
    public void Loading_the_2027_notice_moves_the_intake_lapse_and_supplement_timers_counted_on_the_clock()
    {
        var engine = new WorkflowEngine(new DefinitionRegistry(WorkflowFiles.Definitions));
        var instance = engine.Start("standard", "QYGX-2027-000001", Actor.System, new Dictionary<string, object?> { ["department"] = "住建" }, China(2027, 2, 3)).Instance!;
        var definition = engine.Registry.Get(instance.DefinitionId, instance.DefinitionVersion)!;
        E[] received = [new E.Received(D("2027-02-03"))];
        var clock = CaseClock.Create(ClockLimits.Standard(3, 7), received, Official, D("2027-02-03"), 1);
        // Provisional: Feb 4, (5 and 8 off), 9, 10, 11, 12 → 5 wd end Feb 12. Notice: Feb 4, 15, 16, 17, 18.
        Assert.That(WorkflowTimerPlan.For(instance, definition, clock, Official).Single(t => t.TimerName == "intake-lapse").DueAt,
            Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-13"))));
        Assert.That(WorkflowTimerPlan.For(instance, definition, clock.WithCalendar(With2027), With2027).Single(t => t.TimerName == "intake-lapse").DueAt,
            Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-19"))));
    }

    [Test]
    public void The_closing_deadline_of_a_coordination_counts_15_wd_from_the_day_the_step_was_last_entered_on_the_loaded_calendar()
    {
        var engine = new WorkflowEngine(new DefinitionRegistry(WorkflowFiles.Definitions));
        var i = engine.Start("couldnt-get-it-done", "QYGX-2027-000009", Actor.System, null, China(2027, 1, 20, 9)).Instance!;
        i = engine.Act(i, "accept", Scenario.ActorFor("Clerk"), new Dictionary<string, object?> { ["complaint"] = "办不成" }, China(2027, 1, 20)).Instance!;
        i = engine.Act(i, "dispatch", Scenario.ActorFor("Supervisor"), new Dictionary<string, object?> { ["department"] = "住建" }, China(2027, 1, 21)).Instance!;
        i = engine.Act(i, "respond", Scenario.ActorFor("Reviewer"), new Dictionary<string, object?> { ["response"] = "已答复" }, China(2027, 1, 22)).Instance!;
        i = engine.Act(i, "coordinate", Scenario.ActorFor("Supervisor"), new Dictionary<string, object?> { ["resolution"] = "协调" }, China(2027, 1, 25)).Instance!;
        i = engine.Act(i, "answer", Scenario.ActorFor("Clerk"), new Dictionary<string, object?> { ["answer"] = "答复" }, China(2027, 1, 26)).Instance!;
        i = engine.Act(i, "unsatisfied", Scenario.ActorFor("Clerk"), null, China(2027, 1, 27)).Instance!;   // back to coordination
        var definition = engine.Registry.Get(i.DefinitionId, i.DefinitionVersion)!;
        var clock = CaseClock.Create(ClockLimits.Standard(3, 7), [new E.Received(D("2027-01-20"))], Official, D("2027-01-27"), 1);
        Assert.That(WorkflowTimerPlan.EnteredOn(i, "coordination"), Is.EqualTo(D("2027-01-27")), "the last entry, not the first");
        // Jan 28, 29, Feb 1–4 (6), provisional Feb 5 and 8 off, Feb 9–12 (10), 15–19 (15).
        Assert.That(WorkflowTimerPlan.For(i, definition, clock, Official).Single().DueAt, Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-20"))));
        // Notice: Feb 5–13 off, so Feb 15–19 (11), make-up Sat Feb 20 (12), 22–24 (15).
        Assert.That(WorkflowTimerPlan.For(i, definition, clock.WithCalendar(With2027), With2027).Single().DueAt, Is.EqualTo(ClockTimer.StartOfDay(D("2027-02-25"))));
    }

    [Test]
    public void A_notice_given_on_what_was_day_5_of_the_intake_window_stays_lawful_when_a_corrected_calendar_shortens_the_window()
    {
        // Received Feb 3 2027; on the notice's calendar Feb 18 is day 5, and the notice is given then.
        E[] events = [new E.Received(D("2027-02-03")), new E.SupplementRequested(D("2027-02-18"))];
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), events, With2027).IsValid, Is.True);
        // The provisional calendar (as if the notice were withdrawn) ends the window on Feb 12.
        var strict = CaseClock.Build(ClockLimits.Standard(3, 7), events, Official);
        Assert.That(strict.Error!.Code, Is.EqualTo(ClockErrorCodes.IntakeLapsed), "a new notice on Feb 18 would be too late");
        var recorded = CaseClock.Build(ClockLimits.Standard(3, 7), events, Official, recorded: events.Length);
        Assert.That(recorded.IsValid, Is.True, recorded.Error?.ToString());
        Assert.That(recorded.Clock!.Phase, Is.EqualTo(ClockPhase.AwaitingSupplement), "the recorded notice stands");
        Assert.That(recorded.Clock.Append(new E.SupplementRequested(D("2027-02-19"))).Error!.Code, Is.EqualTo(ClockErrorCodes.SecondSupplementNotice),
            "the rules that do not depend on the calendar still hold");
    }

    [Test]
    public void ALL_Art_32_a_deemed_acceptance_recorded_by_the_timer_stands_when_a_corrected_calendar_lengthens_the_window()
    {
        // Received Feb 3: provisionally the window ends Feb 12 and the timer deems acceptance on Feb 13.
        E[] events = [new E.Received(D("2027-02-03")), new E.IntakeLapsed(D("2027-02-13"))];
        var provisional = CaseClock.Create(ClockLimits.Standard(3, 7), events, Official, D("2027-02-13"), events.Length);
        Assert.That(provisional.DeemedAccepted && provisional.AcceptedOn == D("2027-02-03"), Is.True, "deemed as of the receipt, not the lapse");
        // The notice makes the window end Feb 18; the recorded lapse is not undone and the limits still count from receipt.
        var corrected = provisional.WithCalendar(With2027);
        Assert.That(corrected.Phase, Is.EqualTo(ClockPhase.InProgress));
        Assert.That(corrected.AcceptedOn, Is.EqualTo(D("2027-02-03")));
        Assert.That(corrected.Append(new E.PauseStarted(D("2027-02-15"), ExcludedProcedure.ExpertReview, 3)).IsValid, Is.True, "the case can still be paused");
        // A new lapse before the window ends is refused: the timer fired too early.
        var early = CaseClock.Build(ClockLimits.Standard(3, 7), events, With2027);
        Assert.That(early.Error!.Code, Is.EqualTo(ClockErrorCodes.IntakeOpen));
        Assert.That(ClockEventJson.Deserialize(ClockEventJson.Serialize(events)), Is.EqualTo(events));
    }

    [Test]
    public void A_supplement_and_an_extension_that_were_in_time_stay_in_time_under_a_corrected_calendar()
    {
        // On the notice's calendar the supplement period of a notice on Jan 7 ends Feb 6 (a holiday) → Feb 15.
        E[] supplement = [new E.Received(D("2027-01-05")), new E.SupplementRequested(D("2027-01-07")), new E.SupplementReceived(D("2027-02-15"), D("2027-02-15"))];
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), supplement, With2027).IsValid, Is.True);
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), supplement, Official).Error!.Code, Is.EqualTo(ClockErrorCodes.SupplementLate),
            "provisionally the period ends Feb 9");
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), supplement, Official, recorded: 3).IsValid, Is.True);

        // Accepted Feb 1, statutory 7 wd: notice → Feb 18 (Feb 2–4, 15–18); provisional → Feb 12 (Feb 2–4, 9–12).
        E[] extension = [new E.Received(D("2027-02-01")), new E.Accepted(D("2027-02-01")),
            new E.ExtensionGranted(D("2027-02-17"), 5, ExtensionApprover.BureauHead, "head", "复杂")];
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), extension, With2027).IsValid, Is.True);
        Assert.That(CaseClock.Build(ClockLimits.Standard(3, 7), extension, Official).Error!.Code, Is.EqualTo(ClockErrorCodes.ExtensionAfterDeadline));
        var recorded = CaseClock.Build(ClockLimits.Standard(3, 7), extension, Official, recorded: 3);
        Assert.That(recorded.Clock!.Extension!.Days, Is.EqualTo(5), "the recorded extension still counts");
    }
}
