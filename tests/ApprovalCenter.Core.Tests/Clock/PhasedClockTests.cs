using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, the latent gaps: a phased construction permit (分阶段施工许可, rules.md §2d) stops its limits while
/// the case waits for the applicant's next phase, and each phase counts its own limits; the processes without
/// an acceptance action of their own (企业开办, 模拟审批, 拿地即开工) count from the day the bureau took the matter
/// up, not from a deemed acceptance at the receipt. Mar 2 2026 is a Monday.
/// </summary>
public sealed class PhasedClockTests
{
    private static readonly ClockLimits ZJ001 = ClockLimits.Standard(3, 15);

    [Test]
    public void Rules_2d_the_wait_for_the_next_phase_is_not_the_bureaus_time()
    {
        // Pile foundation accepted Mar 2, decided Mar 4 (day 2 of 3); the applicant applies for the pit phase on Mar 16.
        var clock = CaseClock.Create(ZJ001, [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.PhaseIssued(D("2026-03-04"))], Official);
        Assert.That(clock.Phase, Is.EqualTo(ClockPhase.BetweenPhases));
        Assert.That(clock.Timers, Is.Empty, "no warning or breach timer runs while the applicant prepares the next phase");
        Assert.That(clock.StateAt(D("2026-03-13")), Is.EqualTo(ClockState.Normal), "Mar 13 is past the first phase's Mar 5, but that phase was decided on time");
        Assert.That(clock.CompletedPhases.Single().OnTime, Is.True);

        var next = clock.Append(new E.PhaseAccepted(D("2026-03-16"))).Clock!;
        Assert.That(next.Phase, Is.EqualTo(ClockPhase.InProgress));
        Assert.That(next.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-19")), "fresh 3 wd from Mar 16, not the rest of the first phase");
        Assert.That(next.StatutoryDeadline!.Date, Is.EqualTo(D("2026-04-07")), "15 wd from Mar 16, Qingming Apr 6 skipped");
        Assert.That(next.Timers.Select(t => t.Kind), Does.Contain(ClockTimerKind.PromisedExceeded));
        Assert.That(next.Explain(DeadlineKind.Promised)!.ToText(), Does.Contain("等待申请下一阶段的时间不计入办理时限").And.Contain("本阶段申请之日"));
    }

    [Test]
    public void Rules_2d_a_phase_cannot_be_decided_during_an_open_pause_nor_a_next_phase_start_before_it_is_decided()
    {
        var paused = CaseClock.Create(ZJ001, [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")),
            new E.PauseStarted(D("2026-03-03"), ExcludedProcedure.ExpertReview, 5)], Official);
        Assert.That(paused.Append(new E.PhaseIssued(D("2026-03-04"))).Error!.Code, Is.EqualTo(ClockErrorCodes.PauseOpen));
        var running = CaseClock.Create(ZJ001, [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))], Official);
        Assert.That(running.Append(new E.PhaseAccepted(D("2026-03-04"))).Error!.Code, Is.EqualTo(ClockErrorCodes.NotBetweenPhases));
        var between = running.Append(new E.PhaseIssued(D("2026-03-04"))).Clock!;
        Assert.That(between.Append(new E.Decided(D("2026-03-05"))).Error!.Code, Is.EqualTo(ClockErrorCodes.NotBetweenPhases), "nothing to decide before the next phase is applied for");
    }

    [Test]
    public void Phases_survive_storage()
    {
        E[] events = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.PhaseIssued(D("2026-03-04")), new E.PhaseAccepted(D("2026-03-16"))];
        Assert.That(ClockEventJson.Deserialize(ClockEventJson.Serialize(events)), Is.EqualTo(events));
    }

    [TestCase(ClockEffectKind.Counts, ClockPhase.Intake, false, "Accepted")]
    [TestCase(ClockEffectKind.Counts, ClockPhase.BetweenPhases, false, "PhaseAccepted")]
    [TestCase(ClockEffectKind.Counts, ClockPhase.InProgress, false, null)]
    [TestCase(ClockEffectKind.Counts, ClockPhase.AwaitingSignature, false, null)]
    [TestCase(ClockEffectKind.Stopped, ClockPhase.InProgress, false, "PhaseIssued")]
    [TestCase(ClockEffectKind.Stopped, ClockPhase.InProgress, true, null)]
    [TestCase(ClockEffectKind.Stopped, ClockPhase.Decided, false, null)]
    [TestCase(ClockEffectKind.Paused, ClockPhase.InProgress, false, null)]
    public void Steps_imply_clock_events_only_where_no_action_gave_one(ClockEffectKind effect, ClockPhase phase, bool final, string? expected)
    {
        var e = StepClockRules.For(new ClockChange(effect, null, "step"), phase, final, D("2026-03-02"));
        Assert.That(e?.GetType().Name, Is.EqualTo(expected));
    }
}
