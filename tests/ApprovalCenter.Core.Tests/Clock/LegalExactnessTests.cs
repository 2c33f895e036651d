using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, with the issue's own dates worked out by hand on the 2026 calendar: Sep 25–27 and
/// Oct 1–7 are holidays, Oct 10 (Sat) is a make-up day; Mar 2 2026 is a Monday; Apr 4–6 is Qingming.
/// </summary>
public sealed class LegalExactnessTests
{
    private static DateTimeOffset China(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));
    private static CaseClock Clock(ClockLimits limits, params E[] events) => CaseClock.Create(limits, events, Official);
    private static DateOnly Counted(bool applicant, DateTimeOffset at, DateOnly? previous = null) =>
        ClockDating.CountedOn(applicant, at, ServiceHours.Default, Official, previous);

    // ── Defect 1 ─────────────────────────────────────────────────────────────────────────────
    [Test]
    public void Civil_Code_Art_203_a_natural_day_period_ending_on_a_holiday_ends_on_the_next_working_day()
    {
        var c = Clock(ClockLimits.Standard(10, 20), new E.Received(D("2026-08-31")), new E.SupplementRequested(D("2026-09-01")));
        Assert.That(c.SupplementDeadline, Is.EqualTo(D("2026-10-08")), "Sep 1 + 30 nd = Oct 1, a holiday: the period ends Oct 8");
        Assert.That(c.Timers.Single(), Is.EqualTo(new ClockTimer(ClockTimerKind.SupplementLapse, D("2026-10-09"), ClockTimer.StartOfDay(D("2026-10-09")), false)),
            "not closed as not accepted at Oct 2 00:00, in the middle of the holiday");
        Assert.That(c.Explain(DeadlineKind.Promised), Is.Null);
        var ordinary = Clock(ClockLimits.Standard(10, 20), new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")));
        Assert.That(ordinary.SupplementDeadline, Is.EqualTo(D("2026-04-03")), "a working last day stays");
    }

    [Test]
    public void An_applicants_act_is_timely_if_it_happens_before_the_period_ends_whatever_day_the_bureau_counts_it_from()
    {
        // Uploaded Sep 30 at 18:00 (day 29, after hours): counted from Oct 8, yet on time.
        var uploaded = China(2026, 9, 30, 18, 0);
        var counted = Counted(applicant: true, uploaded, D("2026-09-01"));
        Assert.That(counted, Is.EqualTo(D("2026-10-08")));
        E[] basis = [new E.Received(D("2026-08-31")), new E.SupplementRequested(D("2026-09-01"))];
        var c = Clock(ClockLimits.Standard(10, 20), [.. basis, new E.SupplementReceived(counted, ClockDating.ChinaDate(uploaded))]);
        Assert.That(c.Phase, Is.EqualTo(ClockPhase.Intake));
        Assert.That(c.IntakeDeadline!.Date, Is.EqualTo(D("2026-10-14")), "5 wd from Oct 8: Oct 9, 10 (make-up Sat), 12, 13, 14");
        Assert.That(CaseClock.Build(ClockLimits.Standard(10, 20), [.. basis, new E.SupplementReceived(D("2026-10-08"), D("2026-10-08"))], Official).IsValid,
            Is.True, "the last day of the extended period is still in time");
        var late = CaseClock.Build(ClockLimits.Standard(10, 20), [.. basis, new E.SupplementReceived(D("2026-10-09"), D("2026-10-09"))], Official);
        Assert.That(late.Error!.Code, Is.EqualTo(ClockErrorCodes.SupplementLate));
        Assert.That(late.Error.Message, Does.Contain("2026-10-08"));
    }

    // ── Defect 5 ─────────────────────────────────────────────────────────────────────────────
    [Test]
    public void The_bureaus_acts_carry_their_real_China_time_date_only_applicant_receipts_move_to_the_next_working_day()
    {
        var decidedAt = China(2026, 3, 5, 17, 45);
        Assert.That(Counted(applicant: false, decidedAt), Is.EqualTo(D("2026-03-05")));
        Assert.That(Counted(applicant: true, decidedAt), Is.EqualTo(D("2026-03-06")));

        // A decision at 17:45 on the promised last day is on time.
        var zj001 = ClockLimits.Standard(3, 7);
        var decided = Clock(zj001, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(Counted(false, decidedAt)));
        Assert.That(decided.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-05")));
        Assert.That(decided.StateAt(D("2026-03-20")), Is.EqualTo(ClockState.Normal));

        // An immediate item accepted at 17:20 and decided at 17:35 is decided the day it was accepted.
        var immediate = Clock(ClockLimits.Standard(0, 20), new E.Received(D("2026-03-02")),
            new E.Accepted(Counted(false, China(2026, 3, 2, 17, 20))), new E.Decided(Counted(false, China(2026, 3, 2, 17, 35))));
        Assert.That(immediate.StateAt(D("2026-03-30")), Is.EqualTo(ClockState.Normal));

        // A one-time notice at 17:40 on the 5th working day (after-hours window open) is within Art. 32.
        var notice = CaseClock.Build(zj001, [new E.Received(D("2026-03-02")), new E.SupplementRequested(Counted(false, China(2026, 3, 9, 17, 40)))], Official);
        Assert.That(notice.IsValid, Is.True, notice.Error?.Message);

        // An acceptance in the same evening as an after-hours receipt cannot precede the receipt's counting date.
        var receivedOn = Counted(true, China(2026, 3, 2, 18, 0));
        Assert.That(receivedOn, Is.EqualTo(D("2026-03-03")));
        Assert.That(Counted(false, China(2026, 3, 2, 18, 30), receivedOn), Is.EqualTo(D("2026-03-03")));
    }

    // ── Defect 2 ─────────────────────────────────────────────────────────────────────────────
    [Test]
    public void ALL_Art_45_a_procedure_starting_on_the_last_day_of_a_limit_moves_it()
    {
        // ZJ-001 accepted Mar 2, promised 3 wd (Mar 5); expert review Mar 5 – Mar 12.
        var zj001 = ClockLimits.Standard(3, 7);
        E[] reviewing = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.PauseStarted(D("2026-03-05"), ExcludedProcedure.ExpertReview, 5)];
        var open = Clock(zj001, reviewing);
        Assert.That(open.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-12")));
        Assert.That(open.StateAt(D("2026-03-09")), Is.Not.EqualTo(ClockState.PromisedExceeded), "no breach shown during the review");
        var ended = Clock(zj001, [.. reviewing, new E.PauseEnded(D("2026-03-12"))]);
        Assert.That(ended.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-12")));
        Assert.That(ended.Timers.Single(t => t.Kind == ClockTimerKind.PromisedExceeded).Date, Is.EqualTo(D("2026-03-13")), "no alert when it ends");
        var text = ended.Explain(DeadlineKind.Promised)!.ToText();
        Assert.That(text, Does.Contain("专家评审，2026-03-05 至 2026-03-12，扣除 5 个工作日"));
        Assert.That(text, Does.Contain("届满日：2026-03-12"));

        // A pause that starts the day after the last day finds the limit passed.
        var after = Clock(zj001, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")),
            new E.PauseStarted(D("2026-03-06"), ExcludedProcedure.ExpertReview, 5), new E.PauseEnded(D("2026-03-13")));
        Assert.That(after.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-05")));
        Assert.That(after.Explain(DeadlineKind.Promised)!.Lines.Any(l => l.Kind == ExplanationLineKind.Pause), Is.False);
    }

    [Test]
    public void ALL_Art_45_the_statutory_limit_moves_too_and_may_be_extended_during_that_review()
    {
        // Statutory deadline Mar 30; a 10-wd review from Mar 30 ends Apr 14 (Apr 4–6 skipped).
        E[] reviewing = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.PauseStarted(D("2026-03-30"), ExcludedProcedure.ExpertReview, 10)];
        var c = Clock(ClockLimits.Standard(10, 20), reviewing);
        Assert.That(c.StatutoryDeadline!.Date, Is.EqualTo(D("2026-04-14")));
        var extended = c.Append(new E.ExtensionGranted(D("2026-03-31"), 10, ExtensionApprover.BureauHead, "张局长", "专家评审后需补充核查"));
        Assert.That(extended.IsValid, Is.True, extended.Error?.Message);
    }

    // ── Defect 3 ─────────────────────────────────────────────────────────────────────────────
    [Test]
    public void Commitment_mode_the_time_between_the_offer_and_the_signature_is_not_the_bureaus()
    {
        // SW-005: promised 1, statutory 20; received and offered Mar 2, signed Mar 11.
        var sw005 = ClockLimits.Standard(1, 20);
        E[] offered = [new E.Received(D("2026-03-02")), new E.CommitmentOffered(D("2026-03-02"))];
        var waiting = Clock(sw005, offered);
        Assert.That(waiting.Phase, Is.EqualTo(ClockPhase.AwaitingSignature));
        Assert.That(waiting.Timers, Is.Empty, "no intake lapse: the bureau answered the application");
        Assert.That(waiting.At(D("2026-03-10")).Phase, Is.EqualTo(ClockPhase.AwaitingSignature), "not deemed accepted while the applicant decides");
        var signed = Clock(sw005, [.. offered, new E.Accepted(D("2026-03-11"))]);
        Assert.That(signed.AcceptedOn, Is.EqualTo(D("2026-03-11")));
        Assert.That(signed.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-12")));
        Assert.That(signed.StateAt(D("2026-03-11")), Is.Not.EqualTo(ClockState.PromisedExceeded));
        Assert.That(signed.Explain(DeadlineKind.Promised)!.ToText(), Does.Contain("等待签署的时间不计入办理时限"));
        Assert.That(CaseClock.Build(sw005, [.. offered, new E.SupplementRequested(D("2026-03-03"))], Official).Error!.Code,
            Is.EqualTo(ClockErrorCodes.AwaitingSignature));
    }

    // ── Defect 4 ─────────────────────────────────────────────────────────────────────────────
    [Test]
    public void ALL_Art_44_a_certificate_handed_out_with_the_decision_is_delivered_that_day()
    {
        var implied = ClockDating.Implied(null, new E.Decided(D("2026-03-02")), D("2026-03-02"), issuesCertificate: true, certificateWithheld: false).ToList();
        Assert.That(implied, Is.EqualTo(new E[] { new E.Delivered(D("2026-03-02")) }));
        var c = Clock(ClockLimits.Standard(1, 20), new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(D("2026-03-02")), implied[0]);
        Assert.That(c.Timers, Is.Empty, "no false 超过送达期限 10 wd later");
        Assert.That(ClockDating.Implied(null, new E.Decided(D("2026-03-02")), D("2026-03-02"), issuesCertificate: false, certificateWithheld: false), Is.Empty,
            "a decision whose certificate is collected later leaves the delivery limit running");
    }

    [Test]
    public void ALL_Art_44_the_delivery_limit_starts_when_the_certificate_may_be_released()
    {
        E[] decided = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(D("2026-03-16"), CertificateWithheld: true)];
        var withheld = Clock(ClockLimits.Standard(10, 20), decided);
        Assert.That(withheld.DeliveryDeadline, Is.Null, "容缺: lawfully withheld until the tolerated materials are verified");
        Assert.That(withheld.Timers, Is.Empty);
        var release = ClockDating.Implied(withheld, null, D("2026-03-20"), issuesCertificate: false, certificateWithheld: false).Single();
        var released = Clock(ClockLimits.Standard(10, 20), [.. decided, release]);
        Assert.That(released.DeliveryDeadline!.Date, Is.EqualTo(D("2026-04-03")), "10 wd after Mar 20");
        Assert.That(released.Explain(DeadlineKind.Delivery)!.ToText(), Does.Contain("暂缓发放"));
        Assert.That(ClockDating.Implied(withheld, null, D("2026-03-18"), false, certificateWithheld: true), Is.Empty);
    }

    // ── Defect 10 ────────────────────────────────────────────────────────────────────────────
    [Test]
    public void The_explanation_shows_the_real_receipt_time_and_the_after_hours_rule_that_moved_it()
    {
        var at = China(2026, 3, 2, 18, 0);
        var c = Clock(ClockLimits.Standard(10, 20), new E.Received(Counted(true, at), at));
        var text = c.Explain(DeadlineKind.Intake)!.ToText();
        Assert.That(text, Does.Contain("收到申请之日 2026-03-03"));
        Assert.That(text, Does.Contain("实际收到时间：2026-03-02 18:00（北京时间），下班后（延时服务）收到，依规定按下一个工作日 2026-03-03 收件起算"));
        var saturday = China(2026, 3, 7, 10, 0);
        Assert.That(Clock(ClockLimits.Standard(10, 20), new E.Received(Counted(true, saturday), saturday)).Explain(DeadlineKind.Intake)!.ToText(),
            Does.Contain("非工作日"));
    }

    [Test]
    public void The_new_event_fields_survive_storage()
    {
        E[] events = [new E.Received(D("2026-03-03"), China(2026, 3, 2, 18, 0)), new E.SupplementRequested(D("2026-03-03")),
            new E.SupplementReceived(D("2026-03-09"), D("2026-03-07")), new E.CommitmentOffered(D("2026-03-09")), new E.Accepted(D("2026-03-10")),
            new E.Decided(D("2026-03-11"), CertificateWithheld: true), new E.CertificateReleased(D("2026-03-12"))];
        Assert.That(ClockEventJson.Deserialize(ClockEventJson.Serialize(events)), Is.EqualTo(events));
    }
}
