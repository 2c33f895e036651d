using System.Globalization;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Cases.Actions;

public static partial class ActionCatalog
{
    public const string HearingDate = "hearingDate";

    /// <summary>
    /// The hearing (ALL Art. 47–48): the reviewer tells the applicant of the right in writing, the applicant
    /// requests it (a timer closes the 5 days), the reviewer notifies its time and place in writing, and
    /// records it held. The clock checks every date (<see cref="CaseClock"/>, CaseClock.Hearing.cs); the
    /// date typed here is only parsed, its range is the clock's.
    /// </summary>
    private static IEnumerable<ActionDescriptor> Hearing()
    {
        yield return new("notify-hearing-right", "告知听证权利", "Notify the right to a hearing", "书面告知申请人享有要求听证的权利", ReviewerOnly,
            [InputSpec.Long("hearingMatter", "涉及重大利益的事项（写入告知书）", "The matter concerned", "请写明需要告知听证权利的事项")],
            Clock: c => new ClockEvent.HearingRightNotified(c.Date), Document: DocumentKind.HearingRightNotice, ReasonKey: "hearingMatter");
        yield return new("request-hearing", "申请听证", "Request a hearing", "申请人申请听证", ApplicantOnly, [],
            Clock: c => new ClockEvent.HearingRequested(c.Date, c.ActedOn ?? c.Date), Partial: "_Applicant");
        yield return new("schedule-hearing", "通知听证", "Notify the hearing", "书面通知听证的时间和地点", ReviewerOnly,
            [InputSpec.Text(HearingDate, "听证日期（yyyy-MM-dd）", "Hearing date (yyyy-MM-dd)", "请填写听证日期，格式如 2026-03-20", maxLength: 10),
             InputSpec.Text("hearingPlace", "听证地点", "Hearing place", "请填写听证地点"),
             InputSpec.Text("hearingOfficer", "听证主持人", "Presiding officer", "请填写听证主持人（审查该申请以外的工作人员）", maxLength: 50)],
            Rules: d => DateOnly.TryParseExact(d[HearingDate] as string, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? [] : [new InputError(HearingDate, "听证日期格式应为 yyyy-MM-dd，例如 2026-03-20")],
            Clock: c => new ClockEvent.HearingScheduled(c.Date, DateOnly.ParseExact((string)c.Get(HearingDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Document: DocumentKind.HearingNotice, Detail: d => $"{d.GetValueOrDefault(HearingDate)}，{d.GetValueOrDefault("hearingPlace")}");
        yield return new("hold-hearing", "听证已举行", "Hearing held", "听证已举行，恢复计时", ReviewerOnly,
            [InputSpec.Long("hearingRecord", "听证笔录要点", "Main points of the record", "请填写听证笔录要点", required: false)],
            Clock: c => new ClockEvent.HearingHeld(c.Date), ReasonKey: "hearingRecord");
    }
}
