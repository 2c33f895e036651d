using ApprovalCenter.Calendar;

namespace ApprovalCenter.Clock;

/// <summary>
/// The time limits of one case as an event-sourced value (rules.md §1c–§1d): built from the item's
/// limits, the ordered clock events and the working calendar, it yields every deadline, the state
/// on any date, the timers the scheduler must set, and a plain-Chinese explanation of each
/// deadline. Pure and immutable: rebuild it with <see cref="WithCalendar"/> when a calendar year is
/// loaded, and with <see cref="Append"/> to validate a new event before storing it.
/// </summary>
public sealed partial class CaseClock
{
    private readonly List<PauseSpan> _pauses = [];
    private readonly List<CompletedPhase> _completedPhases = [];

    private CaseClock(ClockLimits limits, IReadOnlyList<ClockEvent> events, WorkingCalendar calendar, DateOnly? asOf, int recorded)
    {
        Limits = limits;
        Events = events;
        Calendar = calendar;
        AsOf = asOf;
        Recorded = Math.Clamp(recorded, 0, events.Count);
    }

    public ClockLimits Limits { get; }
    public IReadOnlyList<ClockEvent> Events { get; }
    public WorkingCalendar Calendar { get; }
    /// <summary>The date the clock was evaluated at, if any: an intake window that lapsed before it counts as deemed acceptance.</summary>
    public DateOnly? AsOf { get; }
    /// <summary>How many leading events are the case's recorded history (see <see cref="Build"/>).</summary>
    public int Recorded { get; }
    /// <summary>Store with the case; when the current calendar's version differs, rebuild with <see cref="WithCalendar"/>.</summary>
    public CalendarVersion CalendarVersion => Calendar.Version;

    public ClockPhase Phase { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    /// <summary>The real instant of the receipt, when recorded (the explanation shows it and the after-hours rule).</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }
    /// <summary>告知承诺: the day the bureau offered the commitment; until the signature the time is the applicant's.</summary>
    public DateOnly? CommitmentOfferedOn { get; private set; }
    public DateOnly? SupplementRequestedOn { get; private set; }
    public DateOnly? SupplementReceivedOn { get; private set; }
    /// <summary>The start of both decision limits (the acceptance day, or the receipt day when acceptance is deemed).</summary>
    public DateOnly? AcceptedOn { get; private set; }
    /// <summary>True when acceptance was deemed because the intake window lapsed (ALL Art. 32).</summary>
    public bool DeemedAccepted { get; private set; }
    /// <summary>The date a formal acceptance receipt was recorded, which may be later than <see cref="AcceptedOn"/> when deemed.</summary>
    public DateOnly? FormalAcceptanceOn { get; private set; }
    public DateOnly? RefusedOn { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    /// <summary>The day the certificate may be handed out: the decision, or later when it was withheld (容缺).</summary>
    public DateOnly? ReleasableOn { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public IReadOnlyList<PauseSpan> Pauses => _pauses;
    /// <summary>The phases decided before the current one (分阶段施工许可, 拿地即开工), each with its own limits.</summary>
    public IReadOnlyList<CompletedPhase> CompletedPhases => _completedPhases;
    public PauseSpan? OpenPause => _pauses.Count > 0 && _pauses[^1].IsOpen ? _pauses[^1] : null;
    public ExtensionRecord? Extension { get; private set; }
    /// <summary>The supervisor's approval to exceed the promised limit, if any (rules.md §1d).</summary>
    public PromisedExtensionRecord? PromisedExtension { get; private set; }

    /// <summary>The promised limit including the supervisor-approved days.</summary>
    public int PromisedLimitDays => Limits.PromisedDays + (PromisedExtension?.Days ?? 0);

    /// <summary>The statutory limit including the extension, if granted.</summary>
    public int StatutoryLimitDays => Limits.StatutoryDays + (Extension?.Days ?? 0);

    /// <summary>Deadline of the current intake window (from receipt, or from the supplements); null once intake is over or while supplements are awaited.</summary>
    public ClockDeadline? IntakeDeadline { get; private set; }
    /// <summary>
    /// Last day for the applicant to supplement: 30 natural days after the notice (configurable) and,
    /// when that day is a statutory holiday or rest day, the next working day (Civil Code Art. 203).
    /// </summary>
    public DateOnly? SupplementDeadline => SupplementRequestedOn is { } requested ? NaturalPeriodEnd(requested, Limits.SupplementNaturalDays) : null;
    public ClockDeadline? PromisedDeadline => AcceptedOn is null ? null : Deadline(PromisedLimitDays, AsOf);
    public ClockDeadline? StatutoryDeadline => AcceptedOn is null ? null : Deadline(StatutoryLimitDays, AsOf);
    /// <summary>容缺: the last day to hand in the tolerated materials, the item's period from acceptance (the promised limit by default), moved by pauses like the limits.</summary>
    public ClockDeadline? ToleranceSupplementDeadline => AcceptedOn is null ? null : Deadline(Limits.ToleranceSupplementDays ?? Limits.PromisedDays, AsOf);
    /// <summary>告知承诺: the post-approval verification is due the item's working days after the decision;
    /// the timer and the sealed decision both read this one date.</summary>
    public DateOnly? VerificationDeadline => DecidedOn is { } d ? Calendar.AddWorkingDays(d, Limits.VerificationDays).Value : null;
    /// <summary>ALL Art. 44: counted from the day the certificate may be released, not from a decision whose certificate is lawfully withheld.</summary>
    public ClockDeadline? DeliveryDeadline => ReleasableOn is { } d ? ToDeadline(Calendar.AddWorkingDays(d, Limits.DeliveryDays)) : null;

    /// <summary>The last day of a period of natural days starting (not counted) on <paramref name="start"/>,
    /// moved to the next working day when it falls on a holiday or rest day (Civil Code Art. 203).</summary>
    public DateOnly NaturalPeriodEnd(DateOnly start, int days)
    {
        var last = start.AddDays(days);
        return Calendar.IsWorkingDay(last).Value ? last : Calendar.NextWorkingDay(last).Value;
    }

    /// <summary>Builds the clock, returning the first error instead of throwing so the edge can show it.
    /// The first <paramref name="recorded"/> events are the case's stored history: they were checked
    /// against the calendar in force when they happened, so a corrected calendar never makes them
    /// unlawful after the fact (a notice given on what was then day 5 of the intake window, a
    /// supplement or an extension that was then in time). Only new events are held to the current
    /// calendar's windows; everything else about them (order, one notice, one extension) still holds.</summary>
    public static CaseClockResult Build(ClockLimits limits, IEnumerable<ClockEvent> events, WorkingCalendar calendar, DateOnly? asOf = null, int recorded = 0)
    {
        try
        {
            limits.Validate();
        }
        catch (ClockException ex)
        {
            return new CaseClockResult(null, ex.Error);
        }
        var clock = new CaseClock(limits, events.ToList(), calendar, asOf, recorded);
        var error = clock.Fold();
        return error is null ? new CaseClockResult(clock, null) : new CaseClockResult(null, error);
    }

    /// <summary>Builds the clock or throws <see cref="ClockException"/>.</summary>
    public static CaseClock Create(ClockLimits limits, IEnumerable<ClockEvent> events, WorkingCalendar calendar, DateOnly? asOf = null, int recorded = 0)
    {
        var r = Build(limits, events, calendar, asOf, recorded);
        return r.Clock ?? throw new ClockException(r.Error!);
    }

    /// <summary>The clock with one more event, or the reason the event is not allowed now.</summary>
    public CaseClockResult Append(ClockEvent next) => Build(Limits, Events.Append(next), Calendar, AsOf, Recorded);

    /// <summary>The same case on another calendar (e.g. after a year's notice was loaded); its events
    /// are then history, which the new calendar does not judge again.</summary>
    public CaseClock WithCalendar(WorkingCalendar calendar) => Create(Limits, Events, calendar, AsOf, Events.Count);

    /// <summary>The same case evaluated at <paramref name="date"/>: applies a deemed acceptance that lapsed before it.</summary>
    public CaseClock EvaluatedAt(DateOnly date) => Create(Limits, Events, Calendar, date, Recorded);

    private ClockError? Fold()
    {
        if (Events.Count == 0) return new ClockError(ClockErrorCodes.NoEvents, "没有任何计时事件，至少需要记录收件。");
        if (Events[0] is not ClockEvent.Received first)
            return new ClockError(ClockErrorCodes.NotReceivedFirst, "第一个计时事件必须是收件。", 0);
        ReceivedOn = first.Date;
        ReceivedAt = first.At;
        Phase = ClockPhase.Intake;
        IntakeDeadline = ToDeadline(Calendar.AddWorkingDays(first.Date, Limits.IntakeDays));

        for (var i = 1; i < Events.Count; i++)
        {
            var e = Events[i];
            if (e.Date < Events[i - 1].Date)
                return Err(ClockErrorCodes.OutOfOrder, $"事件日期 {e.Date:yyyy-MM-dd} 早于前一事件日期 {Events[i - 1].Date:yyyy-MM-dd}，事件须按时间顺序记录。", i);
            // A recorded notice, offer or refusal shows the intake window was still open when it was
            // given; only a new one can find the window lapsed.
            if (!(i < Recorded && e is ClockEvent.SupplementRequested or ClockEvent.CommitmentOffered or ClockEvent.Refused)) ApplyLapse(e.Date);
            // Likewise a recorded act of an accepted case (or a case recorded before IntakeLapsed
            // existed) shows the window had lapsed, even if a corrected calendar makes it longer.
            if (i < Recorded && Phase == ClockPhase.Intake && e is ClockEvent.PauseStarted or ClockEvent.ExtensionGranted or ClockEvent.Decided) Deem();
            var error = Apply(e, i);
            if (error is not null) return error;
        }
        if (AsOf is { } asOf) ApplyLapse(asOf);
        return null;
    }

    /// <summary>ALL Art. 32: no acceptance, refusal or notice by the end of the window ⇒ accepted as of the day the window started.</summary>
    private void ApplyLapse(DateOnly date)
    {
        if (Phase != ClockPhase.Intake || IntakeDeadline is null || date <= IntakeDeadline.Date) return;
        Deem();
    }

    private void Deem()
    {
        AcceptedOn = SupplementReceivedOn ?? ReceivedOn;
        DeemedAccepted = true;
        Phase = ClockPhase.InProgress;
    }

    private ClockError? Apply(ClockEvent e, int i)
    {
        if (Phase == ClockPhase.Refused) return Err(ClockErrorCodes.CaseRefused, $"申请已于 {RefusedOn:yyyy-MM-dd} 不予受理，不能再记录其他计时事件。", i);
        if (Phase == ClockPhase.Delivered) return Err(ClockErrorCodes.CaseClosed, $"办理结果已于 {DeliveredOn:yyyy-MM-dd} 送达，案件已办结。", i);
        switch (e)
        {
            case ClockEvent.Received:
                return Err(ClockErrorCodes.DuplicateReceived, "收件只能记录一次。", i);

            case ClockEvent.SupplementRequested:
                if (SupplementRequestedOn is not null)
                    return Err(ClockErrorCodes.SecondSupplementNotice, "补正材料应一次性告知（《行政许可法》第三十二条），不能再次要求补正。", i);
                if (Phase != ClockPhase.Intake) return NotInIntake(e, i, "发出补正通知");
                SupplementRequestedOn = e.Date;
                Phase = ClockPhase.AwaitingSupplement;
                IntakeDeadline = null;
                return null;

            case ClockEvent.SupplementReceived:
                if (Phase != ClockPhase.AwaitingSupplement)
                    return Err(ClockErrorCodes.NoSupplementRequested, "未发出补正通知或补正材料已收到，不能记录收到补正材料。", i);
                // Timely if handed in before the period ended, whatever day the bureau counts it from.
                var submitted = e is ClockEvent.SupplementReceived { SubmittedOn: { } on } ? on : e.Date;
                if (submitted > SupplementDeadline && i >= Recorded)
                    return Err(ClockErrorCodes.SupplementLate, $"补正期限已于 {SupplementDeadline:yyyy-MM-dd} 届满，逾期未补正的申请不予受理，请申请人重新申请。", i);
                SupplementReceivedOn = e.Date;
                Phase = ClockPhase.Intake;
                IntakeDeadline = ToDeadline(Calendar.AddWorkingDays(e.Date, Limits.IntakeDays));
                return null;

            case ClockEvent.CommitmentOffered:
                if (Phase != ClockPhase.Intake) return NotInIntake(e, i, "告知承诺");
                CommitmentOfferedOn = e.Date;
                Phase = ClockPhase.AwaitingSignature;
                IntakeDeadline = null;
                return null;

            case ClockEvent.IntakeLapsed:
                if (Phase != ClockPhase.Intake) return null;   // already deemed (or answered): nothing to add
                if (i >= Recorded)
                    return Err(ClockErrorCodes.IntakeOpen, $"受理期限至 {IntakeDeadline!.Date:yyyy-MM-dd} 届满，尚未逾期，不能视为受理。", i);
                Deem();   // recorded: the window had lapsed on the calendar then in force
                return null;

            case ClockEvent.Accepted:
                if (Phase == ClockPhase.AwaitingSupplement)
                    return Err(ClockErrorCodes.SupplementOutstanding, "已发出补正通知，须先记录收到补正材料才能受理。", i);
                // A signed commitment letter is the acceptance: the limits count from the signature.
                if (Phase is ClockPhase.Intake or ClockPhase.AwaitingSignature)
                {
                    AcceptedOn = e.Date;
                    FormalAcceptanceOn = e.Date;
                    Phase = ClockPhase.InProgress;
                    IntakeDeadline = null;
                    return null;
                }
                if (DeemedAccepted && FormalAcceptanceOn is null)
                {
                    // A late receipt does not move the start: the law already deemed acceptance as of receipt.
                    FormalAcceptanceOn = e.Date;
                    return null;
                }
                return Err(ClockErrorCodes.AlreadyAccepted, $"申请已于 {AcceptedOn:yyyy-MM-dd} 受理，不能重复受理。", i);

            case ClockEvent.Refused:
                if (Phase is ClockPhase.Intake or ClockPhase.AwaitingSupplement or ClockPhase.AwaitingSignature)
                {
                    RefusedOn = e.Date;
                    Phase = ClockPhase.Refused;
                    IntakeDeadline = null;
                    return null;
                }
                return NotInIntake(e, i, "作出不予受理决定");

            case ClockEvent.PauseStarted p:
                if (RequireAccepted(e, i, "开始特别程序") is { } notAccepted) return notAccepted;
                if (Phase == ClockPhase.Paused)
                    return Err(ClockErrorCodes.PauseAlreadyOpen, $"特别程序“{OpenPause!.ReasonName}”自 {OpenPause.From:yyyy-MM-dd} 起尚未结束，不能同时开始另一项。", i);
                if (p.ExpectedWorkingDays <= 0)
                    return Err(ClockErrorCodes.InvalidPauseLength, $"应书面告知特别程序“{ClockNames.Of(p.Reason)}”所需时间（至少 1 个工作日），当前为 {p.ExpectedWorkingDays}。", i);
                _pauses.Add(new PauseSpan(p.Reason, p.Date, p.ExpectedWorkingDays, Calendar.AddWorkingDays(p.Date, p.ExpectedWorkingDays).Value, null));
                Phase = ClockPhase.Paused;
                return null;

            case ClockEvent.PauseEnded:
                if (Phase != ClockPhase.Paused) return Err(ClockErrorCodes.NoOpenPause, "当前没有进行中的特别程序，不能记录其结束。", i);
                _pauses[^1] = _pauses[^1] with { To = e.Date };
                Phase = ClockPhase.InProgress;
                return null;

            case ClockEvent.HearingRightNotified or ClockEvent.HearingRequested or ClockEvent.HearingScheduled or ClockEvent.HearingHeld:
                return ApplyHearing(e, i);

            case ClockEvent.ExtensionGranted x:
                if (RequireAccepted(e, i, "延长办理期限") is { } notAccepted2) return notAccepted2;
                if (Extension is not null)
                    return Err(ClockErrorCodes.SecondExtension, $"办理期限已于 {Extension.GrantedOn:yyyy-MM-dd} 延长过一次，依法只能延长一次。", i);
                if (x.Days <= 0 || x.Days > Limits.MaxExtensionDays)
                    return Err(ClockErrorCodes.ExtensionTooLong, $"延长期限应为 1 至 {Limits.MaxExtensionDays} 个工作日，申请延长 {x.Days} 个工作日。", i);
                if (x.Approver != Limits.RequiredExtensionApprover)
                    return Err(ClockErrorCodes.ExtensionApprover, $"延长办理期限须经{ClockNames.Of(Limits.RequiredExtensionApprover)}批准，当前批准人为{ClockNames.Of(x.Approver)}。", i);
                // The government's approval exists only as its written reply: without the number there is no approval to show.
                if (x.Approver == ExtensionApprover.LocalGovernment && string.IsNullOrWhiteSpace(x.ApprovalDocument))
                    return Err(ClockErrorCodes.ExtensionApprovalDocument, "联合办理延长期限须经本级人民政府批准，请登记政府批复的文号。", i);
                if (x.ApprovalDocument is { } reply && ApprovalCenter.Documents.OfficialDocumentNumber.Parse(reply) is { Number: { } n }
                    && ApprovalCenter.Documents.OfficialDocumentNumber.Year(n) > x.Date.Year)
                    return Err(ClockErrorCodes.ExtensionApprovalDocument, $"批复文号“{n}”的年份晚于登记日期 {x.Date:yyyy-MM-dd}，请核对文号。", i);
                var statutory = Deadline(StatutoryLimitDays, e.Date);
                if (e.Date > statutory.Date && i >= Recorded)
                    return Err(ClockErrorCodes.ExtensionAfterDeadline, $"法定期限已于 {statutory.Date:yyyy-MM-dd} 届满，届满后不能再延长。", i);
                Extension = new ExtensionRecord(x.Date, x.Days, x.Approver, x.ApprovedBy, x.Reason, x.ApprovalDocument);
                return null;

            case ClockEvent.PromisedLimitExtended px:
                if (RequireAccepted(e, i, "延长承诺时限") is { } notAccepted4) return notAccepted4;
                if (PromisedExtension is not null)
                    return Err(ClockErrorCodes.SecondPromisedExtension, $"承诺时限已于 {PromisedExtension.ApprovedOn:yyyy-MM-dd} 经督查批准延长，不能再次延长。", i);
                // rules.md §1d: approved and told to the applicant before the limit is reached.
                var promisedNow = Deadline(PromisedLimitDays, e.Date);
                if (e.Date > promisedNow.Date)
                    return Err(ClockErrorCodes.PromisedLimitPassed, $"承诺时限已于 {promisedNow.Date:yyyy-MM-dd} 届满；超过承诺时限须在届满前经督查批准并告知申请人，届满后不能再申请。", i);
                if (px.Days <= 0)
                    return Err(ClockErrorCodes.PromisedBeyondStatutory, $"新的承诺办结日期应晚于现承诺办结日期 {promisedNow.Date:yyyy-MM-dd}。", i);
                if (PromisedLimitDays + px.Days > StatutoryLimitDays)
                    return Err(ClockErrorCodes.PromisedBeyondStatutory, $"新的承诺办结日期不得晚于法定期限 {Deadline(StatutoryLimitDays, e.Date).Date:yyyy-MM-dd}。", i);
                PromisedExtension = new PromisedExtensionRecord(px.Date, px.Days, px.ApprovedBy, px.Reason);
                return null;

            case ClockEvent.Decided:
                if (RequireAccepted(e, i, "作出许可决定") is { } notAccepted3) return notAccepted3;
                if (Phase == ClockPhase.Paused)
                    return Err(ClockErrorCodes.PauseOpen, $"特别程序“{OpenPause!.ReasonName}”尚未结束，请先记录其结束再作出决定。", i);
                DecidedOn = e.Date;
                ReleasableOn = e is ClockEvent.Decided { CertificateWithheld: true } ? null : e.Date;
                Phase = ClockPhase.Decided;
                return null;

            case ClockEvent.PhaseIssued:
                if (RequireAccepted(e, i, "办结本阶段") is { } notAccepted5) return notAccepted5;
                if (Phase == ClockPhase.Paused)
                    return Err(ClockErrorCodes.PauseOpen, $"特别程序“{OpenPause!.ReasonName}”尚未结束，请先记录其结束再办结本阶段。", i);
                _completedPhases.Add(new CompletedPhase(AcceptedOn!.Value, e.Date, Deadline(PromisedLimitDays, e.Date).Date, Deadline(StatutoryLimitDays, e.Date).Date));
                DecidedOn = e.Date;
                Phase = ClockPhase.BetweenPhases;
                return null;

            case ClockEvent.PhaseAccepted:
                if (Phase != ClockPhase.BetweenPhases)
                    return Err(ClockErrorCodes.NotBetweenPhases, "上一阶段尚未办结，不能开始新的阶段。", i);
                // A new phase is a new application on the same file: fresh limits, its own pauses and its own one extension.
                AcceptedOn = e.Date;
                FormalAcceptanceOn = e.Date;
                DeemedAccepted = false;
                DecidedOn = null;
                _pauses.Clear();
                Extension = null;
                PromisedExtension = null;
                Phase = ClockPhase.InProgress;
                return null;

            case ClockEvent.CertificateReleased:
                if (Phase != ClockPhase.Decided) return Err(ClockErrorCodes.NotDecided, "尚未作出决定，不能放行许可证件。", i);
                ReleasableOn ??= e.Date;
                return null;

            case ClockEvent.Delivered:
                if (Phase != ClockPhase.Decided) return Err(ClockErrorCodes.NotDecided, "尚未作出决定，不能记录送达。", i);
                DeliveredOn = e.Date;
                Phase = ClockPhase.Delivered;
                return null;

            default:
                throw new ArgumentOutOfRangeException(nameof(e), e, "unknown clock event");
        }
    }

    private ClockError? RequireAccepted(ClockEvent e, int i, string action)
    {
        if (Phase is ClockPhase.Intake or ClockPhase.AwaitingSupplement or ClockPhase.AwaitingSignature)
            return Err(ClockErrorCodes.NotAccepted, $"申请尚未受理，不能{action}。", i);
        if (Phase == ClockPhase.Decided)
            return Err(ClockErrorCodes.AlreadyDecided, $"已于 {DecidedOn:yyyy-MM-dd} 作出决定，不能再{action}。", i);
        if (Phase == ClockPhase.BetweenPhases)
            return Err(ClockErrorCodes.NotBetweenPhases, $"本阶段已于 {DecidedOn:yyyy-MM-dd} 办结，正等待申请下一阶段，不能{action}。", i);
        return null;
    }

    private ClockError NotInIntake(ClockEvent e, int i, string action) =>
        Phase == ClockPhase.AwaitingSignature
            ? Err(ClockErrorCodes.AwaitingSignature, $"已于 {CommitmentOfferedOn:yyyy-MM-dd} 告知承诺，正等待申请人签署，不能再{action}。", i)
        : DeemedAccepted
            ? Err(ClockErrorCodes.IntakeLapsed, $"收到申请后 {Limits.IntakeDays} 个工作日内（至 {Calendar.AddWorkingDays(AcceptedOn!.Value, Limits.IntakeDays).Value:yyyy-MM-dd}）未作处理，依法自收到之日（{AcceptedOn:yyyy-MM-dd}）起视为受理，已不能{action}。", i)
            : Err(ClockErrorCodes.AlreadyAccepted, $"申请已于 {AcceptedOn:yyyy-MM-dd} 受理，不能再{action}。", i);

    private static ClockError Err(string code, string message, int i) => new(code, message, i);

    private static ClockDeadline ToDeadline(CalendarResult<DateOnly> r, bool projected = false) => new(r.Value, r.ProvisionalYears, projected);

    /// <summary>The excluded periods as (from, to] with an open one ending at its expected end, or at <paramref name="at"/> if it has overrun by then.</summary>
    private IEnumerable<(DateOnly From, DateOnly To, bool Open)> EffectivePauses(DateOnly? at)
    {
        foreach (var p in _pauses)
        {
            if (p.To is { } to) yield return (p.From, to, false);
            else yield return (p.From, at is { } a && a > p.ExpectedEnd ? a : p.ExpectedEnd, true);
        }
    }

    /// <summary>The day on which <paramref name="limitDays"/> working days are used, skipping excluded time.</summary>
    private ClockDeadline Deadline(int limitDays, DateOnly? at)
    {
        var cursor = AcceptedOn!.Value;
        var remaining = limitDays;
        var years = new SortedSet<int>();
        var projected = false;
        foreach (var (from, to, open) in EffectivePauses(at))
        {
            // A procedure that starts on the last day (or earlier) stops the clock before the limit
            // runs out, since the limit expires only at the end of that day; one starting after it
            // finds the limit already passed (ALL Art. 45).
            var wouldEnd = Calendar.AddWorkingDays(cursor, remaining);
            if (from > wouldEnd.Value) break;
            var available = Calendar.CountWorkingDays(cursor, from);
            years.UnionWith(available.ProvisionalYears);
            remaining -= available.Value;
            cursor = to;
            projected |= open;
        }
        var end = Calendar.AddWorkingDays(cursor, remaining);
        years.UnionWith(end.ProvisionalYears);
        years.UnionWith(Calendar.CountWorkingDays(AcceptedOn.Value, end.Value).ProvisionalYears);
        return new ClockDeadline(end.Value, years.ToList(), projected);
    }

    /// <summary>Working days of the limits used by the end of <paramref name="date"/>: (start, date] minus excluded time, frozen at the decision.</summary>
    private int UsedDays(DateOnly date)
    {
        var start = AcceptedOn!.Value;
        var end = DecidedOn is { } d && d < date ? d : date;
        if (end <= start) return 0;
        var used = Calendar.CountWorkingDays(start, end).Value;
        foreach (var (from, to, _) in EffectivePauses(date))
        {
            if (end <= from) continue;
            used -= Calendar.CountWorkingDays(from, to < end ? to : end).Value;
        }
        return used;
    }

    private int WarningUsedDays()
    {
        var w = Limits.Warning;
        var byShare = (PromisedLimitDays * w.UsedNumerator + w.UsedDenominator - 1) / w.UsedDenominator;
        return Math.Max(0, Math.Min(PromisedLimitDays - w.RemainingDays, byShare));
    }

    /// <summary>The standing of the limits on <paramref name="date"/>.</summary>
    public ClockStatus At(DateOnly date)
    {
        if (Phase == ClockPhase.Intake && IntakeDeadline is { } intake && date > intake.Date)
            return EvaluatedAt(date).At(date);
        if (AcceptedOn is null)
            return new ClockStatus(date, Phase, ClockState.Normal, 0, PromisedLimitDays, StatutoryLimitDays, null, null, false);

        var promised = Deadline(PromisedLimitDays, date);
        var statutory = Deadline(StatutoryLimitDays, date);
        var used = UsedDays(date);
        var effective = DecidedOn is { } decided && decided < date ? decided : date;
        var paused = _pauses.Any(p => p.From <= date && (p.To is null || date <= p.To));
        // No warning while an Art. 45 procedure stops the limit: its deadline has moved later and
        // nothing runs towards it; the warning is assessed again once the clock resumes.
        var state = DecidedOn is { } d2 && d2 <= date
            ? (d2 > statutory.Date ? ClockState.StatutoryExceeded : d2 > promised.Date ? ClockState.PromisedExceeded : ClockState.Normal)
            : effective > statutory.Date ? ClockState.StatutoryExceeded
            : effective > promised.Date ? ClockState.PromisedExceeded
            : !paused && used >= WarningUsedDays() ? ClockState.Warning
            : ClockState.Normal;
        return new ClockStatus(date, Phase, state, used, PromisedLimitDays - used, StatutoryLimitDays - used, promised, statutory, paused);
    }

    public ClockState StateAt(DateOnly date) => At(date).State;
}
