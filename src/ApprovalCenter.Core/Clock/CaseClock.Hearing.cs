namespace ApprovalCenter.Clock;

/// <summary>
/// The hearing of ALL Art. 47–48. The applicant has 5 days from the written notice of the right to
/// request it (the applicant's period: natural days, ending on the next working day when the last one
/// is not, Civil Code Art. 203). The bureau holds it within 20 days of the request and notifies its time
/// 7 days before; those are the bureau's periods, counted in working days (ALL Art. 82). From the
/// request until it is held the time is excluded (Art. 45), as a 听证 pause.
/// </summary>
public sealed partial class CaseClock
{
    public const int HearingRequestDays = 5;
    public const int HearingHeldWithinDays = 20;
    public const int HearingNoticeDays = 7;

    public DateOnly? HearingNotifiedOn { get; private set; }
    public DateOnly? HearingRequestedOn { get; private set; }
    public DateOnly? HearingOn { get; private set; }

    /// <summary>The last day the applicant may request the hearing.</summary>
    public DateOnly? HearingRequestDeadline => HearingNotifiedOn is { } n ? NaturalPeriodEnd(n, HearingRequestDays) : null;

    /// <summary>The last day the hearing may be held.</summary>
    public DateOnly? HearingLatestOn => HearingRequestedOn is { } r ? Calendar.AddWorkingDays(r, HearingHeldWithinDays).Value : null;

    /// <summary>The earliest day a hearing notified on <paramref name="noticeOn"/> may be held.</summary>
    public DateOnly HearingEarliestOn(DateOnly noticeOn) => Calendar.AddWorkingDays(noticeOn, HearingNoticeDays).Value;

    private ClockError? ApplyHearing(ClockEvent e, int i)
    {
        switch (e)
        {
            case ClockEvent.HearingRightNotified:
                if (RequireAccepted(e, i, "告知听证权利") is { } notAccepted) return notAccepted;
                if (HearingNotifiedOn is not null) return Err(ClockErrorCodes.HearingOutOfOrder, $"已于 {HearingNotifiedOn:yyyy-MM-dd} 告知听证权利。", i);
                if (Phase == ClockPhase.Paused) return Err(ClockErrorCodes.PauseAlreadyOpen, $"特别程序“{OpenPause!.ReasonName}”尚未结束。", i);
                HearingNotifiedOn = e.Date;
                return null;

            case ClockEvent.HearingRequested r:
                if (HearingNotifiedOn is null || HearingRequestedOn is not null)
                    return Err(ClockErrorCodes.HearingOutOfOrder, "未告知听证权利或已申请听证，不能记录听证申请。", i);
                if ((r.SubmittedOn ?? r.Date) > HearingRequestDeadline)
                    return Err(ClockErrorCodes.HearingRequestLate, $"听证申请应在被告知听证权利之日起五日内提出（《行政许可法》第四十七条），期限已于 {HearingRequestDeadline:yyyy-MM-dd} 届满。", i);
                HearingRequestedOn = e.Date;
                _pauses.Add(new PauseSpan(ExcludedProcedure.Hearing, e.Date, HearingHeldWithinDays, HearingLatestOn!.Value, null));
                Phase = ClockPhase.Paused;
                return null;

            case ClockEvent.HearingScheduled s:
                if (HearingRequestedOn is null || Phase != ClockPhase.Paused || HearingOn is not null)
                    return Err(ClockErrorCodes.HearingOutOfOrder, "没有待安排的听证申请，不能通知听证。", i);
                var earliest = HearingEarliestOn(e.Date);
                if (s.HearingOn < earliest || s.HearingOn > HearingLatestOn)
                    return Err(ClockErrorCodes.HearingDate, earliest > HearingLatestOn
                        ? $"听证应在申请之日起二十个工作日内（{HearingLatestOn:yyyy-MM-dd} 前）举行并提前七个工作日通知，今日通知已来不及，请立即安排。"
                        : $"听证日期应在 {earliest:yyyy-MM-dd}（通知之日起七个工作日后）至 {HearingLatestOn:yyyy-MM-dd}（申请之日起二十个工作日内）之间（《行政许可法》第四十七条、第四十八条、第八十二条）。", i);
                HearingOn = s.HearingOn;
                return null;

            case ClockEvent.HearingHeld:
                if (HearingOn is null || Phase != ClockPhase.Paused)
                    return Err(ClockErrorCodes.HearingOutOfOrder, "听证尚未通知举行时间，不能记录听证已举行。", i);
                if (e.Date < HearingOn)
                    return Err(ClockErrorCodes.HearingDate, $"听证定于 {HearingOn:yyyy-MM-dd} 举行，不能提前记录已举行。", i);
                _pauses[^1] = _pauses[^1] with { To = e.Date };
                Phase = ClockPhase.InProgress;
                return null;
        }
        return null;
    }
}
