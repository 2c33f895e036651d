using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10 defect 8, rules.md §1d, §2a, §2b: the warning thresholds, the 告知承诺 verification period
/// and the 容缺 supplement deadline are the item's, with rules.md's defaults; the timer and the sealed
/// document read one number. Mar 2 2026 is a Monday; Apr 4–6 is Qingming.
/// </summary>
public sealed class PerItemLimitsTests
{
    private static ClockLimits Limits(int promised, int statutory, ItemTimeRules rules) => ClockLimits.Standard(promised, statutory).With(rules);

    [Test]
    public void Rules_1d_warning_thresholds_come_from_the_item_with_the_defaults_of_rules_md()
    {
        E[] accepted = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];
        var byDefault = CaseClock.Create(Limits(9, 20, ItemTimeRules.Defaults), accepted, Official);
        Assert.That(byDefault.StateAt(D("2026-03-09")), Is.EqualTo(ClockState.Normal), "5 of 9 used");
        Assert.That(byDefault.StateAt(D("2026-03-10")), Is.EqualTo(ClockState.Warning), "default: 2/3 of 9 = 6 wd used on Mar 10");
        var relaxed = CaseClock.Create(Limits(9, 20, new ItemTimeRules(WarningRemainingDays: 1, WarningUsedNumerator: 8, WarningUsedDenominator: 9)), accepted, Official);
        Assert.That(relaxed.StateAt(D("2026-03-10")), Is.EqualTo(ClockState.Normal), "the item warns only at 8/9 or 1 wd left");
        Assert.That(relaxed.StateAt(D("2026-03-12")), Is.EqualTo(ClockState.Warning), "8 wd used on Mar 12");
        Assert.That(relaxed.Timers.Single(t => t.Kind == ClockTimerKind.Warning).Date, Is.EqualTo(D("2026-03-12")));
    }

    [Test]
    public void Rules_2b_the_verification_timer_and_the_decision_read_the_items_own_period()
    {
        // 告知承诺 SW-005 style: signed and decided on Mar 2; the item's verification period is 10 wd.
        var clock = CaseClock.Create(Limits(1, 20, new ItemTimeRules(VerificationDays: 10)),
            [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(D("2026-03-02"))], Official);
        Assert.That(clock.VerificationDeadline, Is.EqualTo(D("2026-03-16")), "10 wd after Mar 2");
        var timer = DueResolution.Resolve(DueRules.VerificationDue, clock, Official, D("2026-03-02"));
        Assert.That(timer, Is.EqualTo(ClockTimer.StartOfDay(D("2026-03-17"))), "the timer fires the day after the same date the decision prints");
        var byDefault = CaseClock.Create(Limits(1, 20, ItemTimeRules.Defaults), clock.Events, Official);
        Assert.That(byDefault.VerificationDeadline, Is.EqualTo(D("2026-04-14")), "default 30 wd: Qingming Apr 6 is skipped");
    }

    [Test]
    public void Rules_2a_the_tolerance_supplement_deadline_is_the_items_and_never_later_than_the_promised_limit()
    {
        E[] accepted = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];
        var own = CaseClock.Create(Limits(10, 20, new ItemTimeRules(ToleranceSupplementDays: 5)), accepted, Official);
        Assert.That(own.ToleranceSupplementDeadline!.Date, Is.EqualTo(D("2026-03-09")));
        Assert.That(DueResolution.Resolve(DueRules.ToleranceSupplementDeadline, own, Official, D("2026-03-02")), Is.EqualTo(ClockTimer.StartOfDay(D("2026-03-10"))));
        var byDefault = CaseClock.Create(Limits(10, 20, ItemTimeRules.Defaults), accepted, Official);
        Assert.That(byDefault.ToleranceSupplementDeadline!.Date, Is.EqualTo(byDefault.PromisedDeadline!.Date), "default: the promised limit");
        var tooLong = new ItemTimeRules(ToleranceSupplementDays: 11).Check(10).Single();
        Assert.That(tooLong.Field, Is.EqualTo("timeRules.toleranceSupplementDays"));
        Assert.That(tooLong.Reason, Does.Contain("不得超过").Or.Contain("之间"));
    }

    [Test]
    public void Rules_1d_a_pause_takes_a_warned_case_back_to_normal_and_a_case_decided_on_time_is_normal()
    {
        // ZJ-001: promised 3 wd from Mar 2, warning on Mar 4 (2/3 of 3 used).
        var limits = Limits(3, 7, ItemTimeRules.Defaults);
        E[] accepted = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];
        Assert.That(CaseClock.Create(limits, accepted, Official).StateAt(D("2026-03-04")), Is.EqualTo(ClockState.Warning));
        var paused = CaseClock.Create(limits, [.. accepted, new E.PauseStarted(D("2026-03-04"), ExcludedProcedure.ExpertReview, 5)], Official);
        Assert.That(paused.StateAt(D("2026-03-05")), Is.EqualTo(ClockState.Normal), "the limit does not run during an Art. 45 procedure; its deadline moved to Mar 12");
        Assert.That(paused.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-12")));
        var decided = CaseClock.Create(limits, [.. accepted, new E.Decided(D("2026-03-04"))], Official);
        Assert.That(decided.StateAt(D("2026-03-04")), Is.EqualTo(ClockState.Normal));
        Assert.That(decided.StateAt(D("2026-03-20")), Is.EqualTo(ClockState.Normal), "decided on time: never 预警 again");
    }
}

/// <summary>rules.md §1d: exceeding the promised limit needs a supervisor's approval and a notice to the applicant before it is reached.</summary>
public sealed class PromisedLimitApprovalTests
{
    // ZJ-001: promised 3 wd from Mar 2 (deadline Mar 5), statutory 7 wd (deadline Mar 11).
    private static readonly ClockLimits Zj001 = ClockLimits.Standard(3, 7);
    private static readonly E[] Accepted = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];

    [Test]
    public void Rules_1d_an_approved_new_promised_date_moves_the_promised_deadline_and_lifts_the_warning()
    {
        var c = CaseClock.Create(Zj001, [.. Accepted, new E.PromisedLimitExtended(D("2026-03-04"), 3, "督查", "需现场核验")], Official);
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-10")));
        Assert.That(c.StateAt(D("2026-03-06")), Is.EqualTo(ClockState.Warning), "no breach on Mar 6, the approved date is Mar 10; 4 of 6 wd used warns");
        Assert.That(c.StateAt(D("2026-03-04")), Is.EqualTo(ClockState.Normal), "2/3 of 6 wd is 4: Mar 4 (2 used) is normal again");
        Assert.That(c.Timers.Single(t => t.Kind == ClockTimerKind.PromisedExceeded).Date, Is.EqualTo(D("2026-03-11")));
        Assert.That(c.Explain(DeadlineKind.Promised)!.Lines.Select(l => l.Text), Has.Some.Contains("经督查批准延长 3 个工作日"));
    }

    [Test]
    public void Rules_1d_approval_after_the_promised_limit_has_passed_is_refused_with_a_clear_message()
    {
        var late = CaseClock.Build(Zj001, [.. Accepted, new E.PromisedLimitExtended(D("2026-03-06"), 2, "督查", "理由")], Official);
        Assert.That(late.Error!.Code, Is.EqualTo(ClockErrorCodes.PromisedLimitPassed));
        Assert.That(late.Error.Message, Does.Contain("2026-03-05").And.Contain("届满"));
        Assert.That(CaseClock.Build(Zj001, [.. Accepted, new E.PromisedLimitExtended(D("2026-03-05"), 2, "督查", "理由")], Official).IsValid, Is.True,
            "on the last day it is still before the limit is reached");
    }

    [Test]
    public void Rules_1b_the_new_promised_date_is_bounded_by_the_statutory_deadline()
    {
        Assert.That(CaseClock.Build(Zj001, [.. Accepted, new E.PromisedLimitExtended(D("2026-03-04"), 4, "督查", "理由")], Official).IsValid, Is.True, "Mar 11, the statutory day");
        var beyond = CaseClock.Build(Zj001, [.. Accepted, new E.PromisedLimitExtended(D("2026-03-04"), 5, "督查", "理由")], Official);
        Assert.That(beyond.Error!.Code, Is.EqualTo(ClockErrorCodes.PromisedBeyondStatutory));
        Assert.That(beyond.Error.Message, Does.Contain("2026-03-11"));
        var json = ClockEventJson.Deserialize(ClockEventJson.Serialize([new E.PromisedLimitExtended(D("2026-03-04"), 3, "督查", "理由")]));
        Assert.That(json.Single(), Is.EqualTo(new E.PromisedLimitExtended(D("2026-03-04"), 3, "督查", "理由")));
    }
}
