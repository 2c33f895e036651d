using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;

namespace ApprovalCenter.Cases;

/// <summary>
/// Which date a case act carries on the legal clock (issue 10, defects 1 and 5). The
/// next-working-day rule of rules.md §1a is about receipts: what the applicant hands in after hours
/// or on a Saturday counts from the next working day. The bureau's own acts (acceptance, notices,
/// decisions) carry their real China-time date, the one the sealed document prints.
/// </summary>
public static class ClockDating
{
    /// <summary>The calendar date of an instant in China Standard Time.</summary>
    public static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(ServiceHours.ToChinaTime(at).DateTime);

    /// <summary>
    /// The date the clock records for an act at <paramref name="at"/>. Never before the previous
    /// event: a receipt after hours counts from the next working day, and the bureau cannot act on
    /// it "before" it was counted as received (e.g. an acceptance in the same evening's after-hours window).
    /// </summary>
    public static DateOnly CountedOn(bool receiptFromApplicant, DateTimeOffset at, ServiceHours hours, WorkingCalendar calendar, DateOnly? previous)
    {
        var date = receiptFromApplicant ? hours.CountingDate(at, calendar).Value : ChinaDate(at);
        return previous is { } p && p > date ? p : date;
    }

    /// <summary>
    /// The events an act implies besides its own (issue 10, defect 4): a certificate handed out with
    /// the decision (告知承诺, 即办) is delivered that day, so no delivery limit is left running; a
    /// certificate withheld at the decision (容缺) becomes releasable when the case data says it is
    /// no longer withheld, and only then does the delivery limit start.
    /// </summary>
    public static IEnumerable<ClockEvent> Implied(CaseClock? before, ClockEvent? recorded, DateOnly date, bool issuesCertificate, bool certificateWithheld)
    {
        if (recorded is ClockEvent.Decided decided)
        {
            if (!decided.CertificateWithheld && issuesCertificate) yield return new ClockEvent.Delivered(date);
            yield break;
        }
        if (recorded is null && before is { Phase: ClockPhase.Decided, ReleasableOn: null } && !certificateWithheld)
            yield return new ClockEvent.CertificateReleased(date);
    }
}
