namespace ApprovalCenter.Clock;

/// <summary>
/// Something that happened to a case and matters to its time limits. The clock is rebuilt from
/// the ordered list of these events, so a deadline is always reproducible from the record.
/// Dates are in China Standard Time. Only what the bureau receives from the applicant (the
/// application, supplements, a signed commitment letter) is dated by
/// <see cref="ApprovalCenter.Calendar.ServiceHours.CountingDate"/> (after hours: the next working day);
/// the bureau's own acts carry the real date, the one the sealed document prints.
/// </summary>
public abstract record ClockEvent(DateOnly Date)
{
    /// <summary>The application was received (收件). Starts the 5-wd intake window (ALL Art. 32).
    /// <see cref="Date"/> is the counting date; <see cref="At"/> the real instant, shown in the explanation.</summary>
    public sealed record Received(DateOnly Date, DateTimeOffset? At = null) : ClockEvent(Date);

    /// <summary>The one-time notice of missing materials (一次性告知补正). Stops the intake window.</summary>
    public sealed record SupplementRequested(DateOnly Date) : ClockEvent(Date);

    /// <summary>The supplements arrived; a fresh intake window starts on <see cref="Date"/> (the counting
    /// date). Whether they were in time is judged by <see cref="SubmittedOn"/>, the day the applicant
    /// actually handed them in: the next-working-day rule never makes an applicant late.</summary>
    public sealed record SupplementReceived(DateOnly Date, DateOnly? SubmittedOn = null) : ClockEvent(Date);

    /// <summary>告知承诺: the bureau told the applicant in writing the conditions and liability; intake is
    /// answered, and the time until the applicant signs is the applicant's, not the bureau's.</summary>
    public sealed record CommitmentOffered(DateOnly Date) : ClockEvent(Date);

    /// <summary>The intake window lapsed without an answer (the intake-lapse timer fired): the application
    /// is deemed accepted as of its receipt (ALL Art. 32), not as of this date. Recorded so that a
    /// calendar corrected later, with a longer window, cannot reopen an intake the law already closed.</summary>
    public sealed record IntakeLapsed(DateOnly Date) : ClockEvent(Date);

    /// <summary>The application was accepted (受理); both decision limits start.</summary>
    public sealed record Accepted(DateOnly Date) : ClockEvent(Date);

    /// <summary>The application was refused at intake (不予受理). Ends the case.</summary>
    public sealed record Refused(DateOnly Date) : ClockEvent(Date);

    /// <summary>An excluded procedure (ALL Art. 45) started; the applicant was told in writing how long it takes.</summary>
    public sealed record PauseStarted(DateOnly Date, ExcludedProcedure Reason, int ExpectedWorkingDays) : ClockEvent(Date);

    /// <summary>The open excluded procedure ended; the clock resumes the next working day.</summary>
    public sealed record PauseEnded(DateOnly Date) : ClockEvent(Date);

    /// <summary>ALL Art. 47: the applicant was told in writing of the right to a hearing; 5 days to request one.</summary>
    public sealed record HearingRightNotified(DateOnly Date) : ClockEvent(Date);

    /// <summary>The applicant requested the hearing: an Art. 45 pause (听证) starts. Timely by <see cref="SubmittedOn"/>,
    /// the real day of the request, as for supplements.</summary>
    public sealed record HearingRequested(DateOnly Date, DateOnly? SubmittedOn = null) : ClockEvent(Date);

    /// <summary>ALL Art. 48: the hearing's time and place were notified on <see cref="ClockEvent.Date"/> for <see cref="HearingOn"/>.</summary>
    public sealed record HearingScheduled(DateOnly Date, DateOnly HearingOn) : ClockEvent(Date);

    /// <summary>The hearing was held: its pause ends and the limits count again.</summary>
    public sealed record HearingHeld(DateOnly Date) : ClockEvent(Date);

    /// <summary>The one extension of the statutory limit (ALL Art. 42), with who approved it and why.
    /// <see cref="ApprovalDocument"/> is the document number of the government's written reply, which a
    /// joint-handling extension (Art. 42(2), 本级人民政府批准) must carry: the approval is not the bureau's own act.</summary>
    public sealed record ExtensionGranted(DateOnly Date, int Days, ExtensionApprover Approver, string ApprovedBy, string Reason, string? ApprovalDocument = null) : ClockEvent(Date);

    /// <summary>A supervisor approved exceeding the promised limit by <see cref="Days"/> working days, before it
    /// was reached, and the applicant was told (rules.md §1d). The statutory limit stays the bound.</summary>
    public sealed record PromisedLimitExtended(DateOnly Date, int Days, string ApprovedBy, string Reason) : ClockEvent(Date);

    /// <summary>The decision was made (准予/不予许可). Stops both limits; starts the delivery period unless
    /// the certificate is lawfully withheld (容缺: until the tolerated materials are verified).</summary>
    public sealed record Decided(DateOnly Date, bool CertificateWithheld = false) : ClockEvent(Date);

    /// <summary>A withheld certificate may now be released; the delivery period (ALL Art. 44) starts.</summary>
    public sealed record CertificateReleased(DateOnly Date) : ClockEvent(Date);

    /// <summary>A phase of a phased procedure was decided (分阶段施工许可: the permit for this phase; 拿地即开工:
    /// the pre-review results, pending until the land contract is registered). Both limits stop: the wait for the
    /// applicant's next phase is the applicant's time, never the bureau's.</summary>
    public sealed record PhaseIssued(DateOnly Date) : ClockEvent(Date);

    /// <summary>The next phase was applied for (or, for 拿地即开工, the land contract registered): a new phase
    /// starts with fresh limits counted from <see cref="ClockEvent.Date"/>.</summary>
    public sealed record PhaseAccepted(DateOnly Date) : ClockEvent(Date);

    /// <summary>The result was delivered to the applicant (送达, ALL Art. 44).</summary>
    public sealed record Delivered(DateOnly Date) : ClockEvent(Date);
}

/// <summary>The procedures whose time does not count towards the limits (ALL Art. 45).</summary>
public enum ExcludedProcedure
{
    Hearing,
    Tendering,
    Auction,
    Inspection,
    Testing,
    Quarantine,
    Appraisal,
    ExpertReview,
}

/// <summary>Who approved an extension; the law requires a specific level (ALL Art. 42).</summary>
public enum ExtensionApprover
{
    /// <summary>本行政机关负责人: the head of the bureau, for ordinary items.</summary>
    BureauHead,
    /// <summary>本级人民政府: the government at the same level, for joint/centralised handling.</summary>
    LocalGovernment,
    /// <summary>Anyone else (e.g. a section chief): never sufficient.</summary>
    Other,
}

/// <summary>Chinese names for the clock's enums, used in messages and explanations.</summary>
public static class ClockNames
{
    public static string Of(ExcludedProcedure p) => p switch
    {
        ExcludedProcedure.Hearing => "听证",
        ExcludedProcedure.Tendering => "招标",
        ExcludedProcedure.Auction => "拍卖",
        ExcludedProcedure.Inspection => "检验",
        ExcludedProcedure.Testing => "检测",
        ExcludedProcedure.Quarantine => "检疫",
        ExcludedProcedure.Appraisal => "鉴定",
        ExcludedProcedure.ExpertReview => "专家评审",
        _ => p.ToString(),
    };

    public static string Of(ExtensionApprover a) => a switch
    {
        ExtensionApprover.BureauHead => "局长（本行政机关负责人）",
        ExtensionApprover.LocalGovernment => "本级人民政府",
        _ => "非法定批准人",
    };
}
