using ApprovalCenter.Clock;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, defect 9, the hearing (ALL Art. 47–48), dates by hand on 2026: accepted Mon Mar 2,
/// promised 10 and statutory 20 wd (Mar 16, Mar 30). Told of the right Tue Mar 3: 5 days end Sun Mar 8,
/// so Mon Mar 9 (Civil Code Art. 203). Requested Fri Mar 6: held within 20 wd, by Fri Apr 3. Notified
/// Mon Mar 9: at least 7 wd later, from Wed Mar 18. Held Fri Mar 20: Mar 9–13 and 16–20 (10 wd) excluded.
/// </summary>
public sealed class HearingClockTests
{
    private static readonly E[] Basis = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.HearingRightNotified(D("2026-03-03"))];
    private static CaseClockResult Build(params E[] more) => CaseClock.Build(ClockLimits.Standard(10, 20), [.. Basis, .. more], Official);

    [Test]
    public void ALL_Art_47_the_applicant_may_request_a_hearing_within_5_days_of_being_told_of_the_right()
    {
        Assert.That(Build().Clock!.HearingRequestDeadline, Is.EqualTo(D("2026-03-09")), "Mar 8 is a Sunday");
        Assert.That(Build(new E.HearingRequested(D("2026-03-10"), D("2026-03-09"))).Error, Is.Null, "handed in on Mar 9 after hours: in time");
        var late = Build(new E.HearingRequested(D("2026-03-10"), D("2026-03-10"))).Error!;
        Assert.That(late.Code, Is.EqualTo(ClockErrorCodes.HearingRequestLate));
        Assert.That(late.Message, Does.Contain("五日内").And.Contain("2026-03-09"));
    }

    [Test]
    public void ALL_Art_47_48_the_hearing_is_held_within_20_days_of_the_request_and_notified_7_days_before()
    {
        var requested = Build(new E.HearingRequested(D("2026-03-06"))).Clock!;
        Assert.That((requested.Phase, requested.HearingLatestOn, requested.HearingEarliestOn(D("2026-03-09"))),
            Is.EqualTo((ClockPhase.Paused, D("2026-04-03"), D("2026-03-18"))));
        E[] req = [new E.HearingRequested(D("2026-03-06"))];
        Assert.That(Build([.. req, new E.HearingScheduled(D("2026-03-09"), D("2026-03-17"))]).Error!.Code, Is.EqualTo(ClockErrorCodes.HearingDate), "less than 7 days' notice");
        Assert.That(Build([.. req, new E.HearingScheduled(D("2026-03-09"), D("2026-04-07"))]).Error!.Message, Does.Contain("2026-04-03"), "more than 20 days after the request");
        Assert.That(Build([.. req, new E.HearingScheduled(D("2026-03-09"), D("2026-03-18"))]).Error, Is.Null);
        Assert.That(Build([.. req, new E.HearingScheduled(D("2026-03-09"), D("2026-03-20")), new E.HearingHeld(D("2026-03-19"))]).Error!.Code, Is.EqualTo(ClockErrorCodes.HearingDate), "not before its day");
    }

    [Test]
    public void ALL_Art_45_the_time_from_the_request_to_the_hearing_is_excluded_from_both_limits()
    {
        var c = Build(new E.HearingRequested(D("2026-03-06")), new E.HearingScheduled(D("2026-03-09"), D("2026-03-20")), new E.HearingHeld(D("2026-03-20"))).Clock!;
        Assert.That((c.PromisedDeadline!.Date, c.StatutoryDeadline!.Date), Is.EqualTo((D("2026-03-30"), D("2026-04-14"))));
        Assert.That(c.Explain(DeadlineKind.Promised)!.ToText(), Does.Contain("听证").And.Contain("扣除 10 个工作日"));
        var stored = ClockEventJson.Deserialize(ClockEventJson.Serialize(c.Events));
        Assert.That(stored, Is.EqualTo(c.Events));
    }
}
