using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Tests.Calendar;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// The clock rules of rules.md §1c–§1d. Dates are in March–May 2026; expected values were worked
/// out by hand: Mar 2 is a Monday, Apr 4–6 and May 1–5 are holidays, May 9 (Sat) is a make-up day.
/// </summary>
public sealed class CaseClockTests
{
    private static readonly ClockLimits TenOfTwenty = ClockLimits.Standard(10, 20);

    private static CaseClock Clock(ClockLimits limits, params E[] events) => CaseClock.Create(limits, events, Official);

    private static ClockError Error(ClockLimits limits, params E[] events)
    {
        var r = CaseClock.Build(limits, events, Official);
        Assert.That(r.IsValid, Is.False);
        return r.Error!;
    }

    [Test]
    public void Both_limits_start_at_acceptance_and_the_start_day_is_not_counted()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")));
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-16")));
        Assert.That(c.StatutoryDeadline!.Date, Is.EqualTo(D("2026-03-30")));
        Assert.That(c.DeemedAccepted, Is.False);
        Assert.That(c.Phase, Is.EqualTo(ClockPhase.InProgress));
        Assert.That(c.At(D("2026-03-13")) is { UsedDays: 9, PromisedRemaining: 1, StatutoryRemaining: 11 });
    }

    [Test]
    public void Promised_above_statutory_is_rejected_with_a_clear_message()
    {
        var ex = Assert.Throws<ClockException>(() => ClockLimits.Standard(25, 20))!;
        Assert.That(ex.Code, Is.EqualTo(ClockErrorCodes.PromisedExceedsStatutory));
        Assert.That(ex.Message, Does.Contain("承诺时限（25 个工作日）不得超过法定时限（20 个工作日）"));
        var bad = TenOfTwenty with { PromisedDays = 30 };
        Assert.That(CaseClock.Build(bad, [new E.Received(D("2026-03-02"))], Official).Error!.Code, Is.EqualTo(ClockErrorCodes.PromisedExceedsStatutory));
    }

    [Test]
    public void Immediate_items_are_due_the_day_they_are_accepted()
    {
        var limits = ClockLimits.Standard(0, 20);
        var c = Clock(limits, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")));
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-02")));
        Assert.That(c.StateAt(D("2026-03-03")), Is.EqualTo(ClockState.PromisedExceeded));
        var done = Clock(limits, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(D("2026-03-02")));
        Assert.That(done.StateAt(D("2026-03-20")), Is.EqualTo(ClockState.Normal));
    }

    [Test]
    public void Without_any_intake_action_the_case_is_deemed_accepted_as_of_receipt()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")));
        Assert.That(c.IntakeDeadline!.Date, Is.EqualTo(D("2026-03-09")));
        Assert.That(c.Timers.Single(), Is.EqualTo(new ClockTimer(ClockTimerKind.IntakeLapse, D("2026-03-10"),
            new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), false)));
        Assert.That(c.At(D("2026-03-09")).Phase, Is.EqualTo(ClockPhase.Intake));

        var later = c.At(D("2026-03-10"));
        Assert.That(later.Phase, Is.EqualTo(ClockPhase.InProgress));
        Assert.That(later.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-16")), "counted from the receipt day, not the lapse");
        Assert.That(later.UsedDays, Is.EqualTo(6));

        var evaluated = c.EvaluatedAt(D("2026-03-10"));
        Assert.That(evaluated.DeemedAccepted, Is.True);
        Assert.That(evaluated.AcceptedOn, Is.EqualTo(D("2026-03-02")));
    }

    [Test]
    public void A_late_acceptance_receipt_does_not_move_the_start_but_a_timely_one_does()
    {
        var late = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-12")));
        Assert.That(late.AcceptedOn, Is.EqualTo(D("2026-03-02")));
        Assert.That(late.FormalAcceptanceOn, Is.EqualTo(D("2026-03-12")));
        Assert.That(late.DeemedAccepted, Is.True);

        var timely = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-09")));
        Assert.That(timely.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-23")));

        var error = Error(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-10")));
        Assert.That(error.Code, Is.EqualTo(ClockErrorCodes.IntakeLapsed));
        Assert.That(error.Message, Does.Contain("视为受理"));
        Assert.That(error.EventIndex, Is.EqualTo(1));
    }

    [Test]
    public void Supplement_time_is_not_counted_and_intake_restarts_when_supplements_arrive()
    {
        var waiting = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")));
        Assert.That(waiting.IntakeDeadline, Is.Null);
        Assert.That(waiting.SupplementDeadline, Is.EqualTo(D("2026-04-03")));
        Assert.That(waiting.At(D("2026-03-20")).Phase, Is.EqualTo(ClockPhase.AwaitingSupplement), "the stopped window cannot lapse");
        Assert.That(waiting.Timers.Single().Kind, Is.EqualTo(ClockTimerKind.SupplementLapse));

        var resumed = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")), new E.SupplementReceived(D("2026-03-20")));
        Assert.That(resumed.IntakeDeadline!.Date, Is.EqualTo(D("2026-03-27")));
        var deemed = resumed.At(D("2026-03-30"));
        Assert.That(deemed.PromisedDeadline!.Date, Is.EqualTo(D("2026-04-03")), "deemed accepted as of the supplement day");

        var accepted = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")),
            new E.SupplementReceived(D("2026-03-20")), new E.Accepted(D("2026-03-23")));
        Assert.That(accepted.PromisedDeadline!.Date, Is.EqualTo(D("2026-04-07")), "Apr 4–6 Qingming is skipped");

        Assert.That(Error(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")),
            new E.SupplementReceived(D("2026-03-05")), new E.SupplementRequested(D("2026-03-06"))).Code, Is.EqualTo(ClockErrorCodes.SecondSupplementNotice));
        Assert.That(Error(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")),
            new E.Accepted(D("2026-03-05"))).Code, Is.EqualTo(ClockErrorCodes.SupplementOutstanding));
        Assert.That(Error(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-04")),
            new E.SupplementReceived(D("2026-04-04"))).Code, Is.EqualTo(ClockErrorCodes.SupplementLate));
    }

    [Test]
    public void A_pause_moves_both_deadlines_by_the_working_days_paused()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")),
            new E.PauseStarted(D("2026-03-05"), ExcludedProcedure.ExpertReview, 5), new E.PauseEnded(D("2026-03-12")));
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-23")));   // Mar 16 + 5 wd
        Assert.That(c.StatutoryDeadline!.Date, Is.EqualTo(D("2026-04-07")));  // Mar 30 + 5 wd across Qingming
        Assert.That(c.At(D("2026-03-13")).UsedDays, Is.EqualTo(4));
        Assert.That(c.At(D("2026-03-10")) is { Paused: true, UsedDays: 3 });
    }

    [Test]
    public void An_open_pause_shows_its_expected_end_and_keeps_the_clock_stopped_when_it_overruns()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")),
            new E.PauseStarted(D("2026-03-05"), ExcludedProcedure.Testing, 5));
        Assert.That(c.OpenPause!.ExpectedEnd, Is.EqualTo(D("2026-03-12")));
        Assert.That(c.PromisedDeadline, Is.EqualTo(new ClockDeadline(D("2026-03-23"), [], Projected: true)).Using<ClockDeadline>((a, b) =>
            a.Date == b.Date && a.Projected == b.Projected && a.ProvisionalYears.Count == b.ProvisionalYears.Count));
        Assert.That(c.Timers.Single(), Is.EqualTo(new ClockTimer(ClockTimerKind.PauseOverrun, D("2026-03-13"), ClockTimer.StartOfDay(D("2026-03-13")), false)));
        var overrun = c.At(D("2026-03-16"));
        Assert.That(overrun.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-25")));
        Assert.That(overrun.State, Is.EqualTo(ClockState.Normal));
        Assert.That(overrun.UsedDays, Is.EqualTo(3));
    }

    [Test]
    public void One_extension_of_at_most_ten_days_by_the_bureau_head()
    {
        E[] basis = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];
        var ext = new E.ExtensionGranted(D("2026-03-20"), 10, ExtensionApprover.BureauHead, "张局长", "需现场核查");
        var c = Clock(TenOfTwenty, [.. basis, ext]);
        Assert.That(c.StatutoryDeadline!.Date, Is.EqualTo(D("2026-04-14")));
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2026-03-16")), "the extension is of the statutory limit only");
        Assert.That(c.StatutoryLimitDays, Is.EqualTo(30));

        var second = c.Append(new E.ExtensionGranted(D("2026-03-23"), 1, ExtensionApprover.BureauHead, "张局长", "再延"));
        Assert.That(second.Error!.Code, Is.EqualTo(ClockErrorCodes.SecondExtension));
        Assert.That(second.Error.Message, Does.Contain("只能延长一次"));
        Assert.That(Error(TenOfTwenty, [.. basis, ext with { Days = 11 }]).Code, Is.EqualTo(ClockErrorCodes.ExtensionTooLong));
        Assert.That(Error(TenOfTwenty, [.. basis, ext with { Approver = ExtensionApprover.Other }]).Message, Does.Contain("须经局长"));
        Assert.That(Error(TenOfTwenty, [.. basis, ext with { Date = D("2026-03-31") }]).Code, Is.EqualTo(ClockErrorCodes.ExtensionAfterDeadline));
    }

    [Test]
    public void Joint_handling_is_45_days_extendable_once_by_15_with_the_governments_approval()
    {
        var limits = ClockLimits.Joint(20);
        E[] basis = [new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))];
        Assert.That(Clock(limits, basis).StatutoryDeadline!.Date, Is.EqualTo(D("2026-05-08")));
        var ext = new E.ExtensionGranted(D("2026-05-06"), 15, ExtensionApprover.LocalGovernment, "局长", "多部门会审", "清新府函〔2026〕15号");
        Assert.That(Clock(limits, [.. basis, ext]).StatutoryDeadline!.Date, Is.EqualTo(D("2026-05-28")), "May 9 make-up Saturday counts");
        Assert.That(Error(limits, [.. basis, ext with { Days = 16 }]).Code, Is.EqualTo(ClockErrorCodes.ExtensionTooLong));
        Assert.That(Error(limits, [.. basis, ext with { Approver = ExtensionApprover.BureauHead }]).Code, Is.EqualTo(ClockErrorCodes.ExtensionApprover));
    }

    [Test]
    public void Delivery_is_due_ten_working_days_after_the_decision()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")), new E.Decided(D("2026-03-16")));
        Assert.That(c.DeliveryDeadline!.Date, Is.EqualTo(D("2026-03-30")));
        Assert.That(c.Timers.Single().Kind, Is.EqualTo(ClockTimerKind.DeliveryOverdue));
        Assert.That(c.StateAt(D("2026-04-20")), Is.EqualTo(ClockState.Normal), "decided on the promised day");
        var delivered = c.Append(new E.Delivered(D("2026-03-18"))).Clock!;
        Assert.That(delivered.Phase, Is.EqualTo(ClockPhase.Delivered));
        Assert.That(delivered.Timers, Is.Empty);
    }

    [Test]
    public void States_follow_the_default_thresholds()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")));
        // 2/3 of 10 days = 7 days used → Mar 11.
        Assert.That(c.StateAt(D("2026-03-10")), Is.EqualTo(ClockState.Normal));
        Assert.That(c.StateAt(D("2026-03-11")), Is.EqualTo(ClockState.Warning));
        Assert.That(c.StateAt(D("2026-03-16")), Is.EqualTo(ClockState.Warning));
        Assert.That(c.StateAt(D("2026-03-17")), Is.EqualTo(ClockState.PromisedExceeded));
        Assert.That(c.StateAt(D("2026-03-30")), Is.EqualTo(ClockState.PromisedExceeded));
        Assert.That(c.StateAt(D("2026-03-31")), Is.EqualTo(ClockState.StatutoryExceeded));
        Assert.That(c.Timers.Select(t => (t.Kind, t.Date)), Is.EqualTo(new[]
        {
            (ClockTimerKind.Warning, D("2026-03-11")),
            (ClockTimerKind.PromisedExceeded, D("2026-03-17")),
            (ClockTimerKind.StatutoryExceeded, D("2026-03-31")),
        }));
        var late = c.Append(new E.Decided(D("2026-03-20"))).Clock!;
        Assert.That(late.StateAt(D("2026-05-01")), Is.EqualTo(ClockState.PromisedExceeded), "frozen at the decision");
    }

    [Test]
    public void Thresholds_are_configurable_per_item()
    {
        var limits = TenOfTwenty with { Warning = new WarningThresholds(RemainingDays: 3, UsedNumerator: 1, UsedDenominator: 2) };
        var c = Clock(limits, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02")));
        Assert.That(c.StateAt(D("2026-03-06")), Is.EqualTo(ClockState.Normal));
        Assert.That(c.StateAt(D("2026-03-09")), Is.EqualTo(ClockState.Warning)); // 5 of 10 used
        var byRemaining = TenOfTwenty with { Warning = new WarningThresholds(RemainingDays: 4, UsedNumerator: 1, UsedDenominator: 1) };
        Assert.That(Clock(byRemaining, new E.Received(D("2026-03-02")), new E.Accepted(D("2026-03-02"))).Timers[0].Date, Is.EqualTo(D("2026-03-10")));
    }

    [Test]
    public void Invalid_sequences_are_refused_with_code_and_message()
    {
        var r = D("2026-03-02");
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Accepted(r), new E.PauseEnded(D("2026-03-03"))).Code, Is.EqualTo(ClockErrorCodes.NoOpenPause));
        var early = Error(TenOfTwenty, new E.Received(r), new E.Decided(D("2026-03-03")));
        Assert.That(early.Code, Is.EqualTo(ClockErrorCodes.NotAccepted));
        Assert.That(early.Message, Does.Contain("尚未受理"));
        Assert.That(Error(TenOfTwenty, new E.Accepted(r)).Code, Is.EqualTo(ClockErrorCodes.NotReceivedFirst));
        Assert.That(Error(TenOfTwenty, new E.Received(D("2026-03-05")), new E.Accepted(r)).Code, Is.EqualTo(ClockErrorCodes.OutOfOrder));
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Accepted(r), new E.PauseStarted(r, ExcludedProcedure.Hearing, 5),
            new E.PauseStarted(D("2026-03-03"), ExcludedProcedure.Appraisal, 5)).Code, Is.EqualTo(ClockErrorCodes.PauseAlreadyOpen));
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Accepted(r), new E.PauseStarted(r, ExcludedProcedure.Hearing, 5),
            new E.Decided(D("2026-03-03"))).Code, Is.EqualTo(ClockErrorCodes.PauseOpen));
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Accepted(r), new E.Accepted(r)).Code, Is.EqualTo(ClockErrorCodes.AlreadyAccepted));
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Refused(r), new E.Accepted(r)).Code, Is.EqualTo(ClockErrorCodes.CaseRefused));
        Assert.That(Error(TenOfTwenty, new E.Received(r), new E.Accepted(r), new E.Delivered(r)).Code, Is.EqualTo(ClockErrorCodes.NotDecided));
        Assert.Throws<ClockException>(() => CaseClock.Create(TenOfTwenty, [], Official));
    }

    [Test]
    public void A_deadline_into_an_unannounced_year_is_provisional_and_recomputed_when_the_year_is_loaded()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-12-24")), new E.Accepted(D("2026-12-24")));
        // Dec 25, 28–31 (5), provisional Jan 1 off, Jan 4–8 (10).
        Assert.That(c.PromisedDeadline!.Date, Is.EqualTo(D("2027-01-08")));
        Assert.That(c.PromisedDeadline.ProvisionalYears, Is.EqualTo(new[] { 2027 }));
        Assert.That(c.Timers.All(t => t.Kind == ClockTimerKind.Warning || t.Provisional), Is.True);

        var y2027 = CalendarYearParser.Parse("""
            { "year": 2027, "source": { "title": "测试用2027年放假安排", "published": "2026-11-20" },
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-04" } ], "makeUpWorkingDays": [] }
            """);
        var loaded = Official.WithYear(y2027);
        Assert.That(loaded.Version, Is.Not.EqualTo(c.CalendarVersion), "the stored version tells the caller to recompute");
        var recomputed = c.WithCalendar(loaded);
        Assert.That(recomputed.PromisedDeadline!.Date, Is.EqualTo(D("2027-01-11")));
        Assert.That(recomputed.PromisedDeadline.Provisional, Is.False);
    }

    [Test]
    public void Every_deadline_is_explained_in_Chinese()
    {
        var c = Clock(TenOfTwenty, new E.Received(D("2026-03-02")), new E.SupplementRequested(D("2026-03-03")),
            new E.SupplementReceived(D("2026-03-04")), new E.Accepted(D("2026-03-05")),
            new E.PauseStarted(D("2026-03-09"), ExcludedProcedure.ExpertReview, 5), new E.PauseEnded(D("2026-03-16")),
            new E.ExtensionGranted(D("2026-03-20"), 10, ExtensionApprover.BureauHead, "张局长", "需现场核查"));
        var statutory = c.Explain(DeadlineKind.Statutory)!;
        // Mar 5 + 20 wd = Apr 2; + 5 paused = Apr 10; + 10 extension = Apr 24.
        Assert.That(statutory.Deadline.Date, Is.EqualTo(D("2026-04-24")));
        Assert.That(statutory.Start, Is.EqualTo(D("2026-03-05")));
        var pause = statutory.Lines.Single(l => l.Kind == ExplanationLineKind.Pause);
        Assert.That((pause.From, pause.To, pause.Days), Is.EqualTo((D("2026-03-09"), D("2026-03-16"), 5)));
        Assert.That(statutory.Lines.Single(l => l.Kind == ExplanationLineKind.Extension).Days, Is.EqualTo(10));
        var text = statutory.ToText();
        Assert.That(text, Does.Contain("法定办理期限：2026-04-24"));
        Assert.That(text, Does.Contain("受理之日 2026-03-05（周四），当日不计入"));
        Assert.That(text, Does.Contain("专家评审，2026-03-09 至 2026-03-16，扣除 5 个工作日"));
        Assert.That(text, Does.Contain("经局长（本行政机关负责人）（张局长）批准延长 10 个工作日，理由：需现场核查"));
        Assert.That(text, Does.Contain("补正：2026-03-03 一次性告知补正，2026-03-04 收到补正材料"));
        Assert.That(text, Does.Contain("国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）"));
        Assert.That(text, Does.Contain("计入 30 个工作日 + 暂停 5 个工作日"));
        Assert.That(c.Explain(DeadlineKind.Promised)!.Lines.Any(l => l.Kind == ExplanationLineKind.Extension), Is.False);
        Assert.That(c.Explain(DeadlineKind.Delivery), Is.Null);
    }

    [Test]
    public void Deemed_acceptance_and_provisional_years_are_flagged_in_the_explanation()
    {
        var c = CaseClock.Create(TenOfTwenty, [new E.Received(D("2026-12-24"))], Official, asOf: D("2027-01-05"));
        var promised = c.Explain(DeadlineKind.Promised)!;
        Assert.That(promised.Lines.Any(l => l.Kind == ExplanationLineKind.DeemedAcceptance && l.Text.Contains("视为受理")), Is.True);
        var calendarLines = promised.Lines.Where(l => l.Kind == ExplanationLineKind.Calendar).ToList();
        Assert.That(calendarLines.Select(l => l.Provisional), Is.EqualTo(new[] { false, true }));
        Assert.That(promised.ToText(), Does.Contain("（暂定）").And.Contain("2027 年放假安排尚未公布"));
    }
}
