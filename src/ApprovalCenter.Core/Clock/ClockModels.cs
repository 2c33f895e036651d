using ApprovalCenter.Calendar;

namespace ApprovalCenter.Clock;

/// <summary>Where a case is in its life, as far as the time limits are concerned.</summary>
public enum ClockPhase
{
    /// <summary>Received; the 5-wd intake window runs.</summary>
    Intake,
    /// <summary>The one-time supplement notice was issued; intake is stopped until the supplements arrive.</summary>
    AwaitingSupplement,
    Refused,
    /// <summary>告知承诺 offered; waiting for the applicant's signature, which is the acceptance.</summary>
    AwaitingSignature,
    /// <summary>Accepted (or deemed accepted); both limits run.</summary>
    InProgress,
    /// <summary>An excluded procedure (ALL Art. 45) is open; the limits do not run.</summary>
    Paused,
    /// <summary>A phase was decided and the next is not applied for yet (分阶段, 拿地即开工): no limit runs.</summary>
    BetweenPhases,
    Decided,
    Delivered,
}

/// <summary>The escalation ladder of rules.md §1d, in order of severity.</summary>
public enum ClockState
{
    Normal,
    Warning,
    PromisedExceeded,
    StatutoryExceeded,
}

/// <summary>
/// A computed deadline: the last day of the period (the limit expires at the end of it), whether
/// it relied on a provisional calendar year, and whether it is a projection because an excluded
/// procedure is still open and its length is only the expected one.
/// </summary>
public sealed record ClockDeadline(DateOnly Date, IReadOnlyList<int> ProvisionalYears, bool Projected = false)
{
    public bool Provisional => ProvisionalYears.Count > 0;
}

/// <summary>One excluded-time period. <see cref="To"/> is null while it is open; <see cref="ExpectedEnd"/> is what the applicant was told.</summary>
/// <summary>A decided phase: when its limits started, when it was decided, and its deadlines then.</summary>
public sealed record CompletedPhase(DateOnly AcceptedOn, DateOnly DecidedOn, DateOnly PromisedDeadline, DateOnly StatutoryDeadline)
{
    public bool OnTime => DecidedOn <= PromisedDeadline;
}

public sealed record PauseSpan(ExcludedProcedure Reason, DateOnly From, int ExpectedWorkingDays, DateOnly ExpectedEnd, DateOnly? To)
{
    public bool IsOpen => To is null;
    public string ReasonName => ClockNames.Of(Reason);
}

/// <summary>The single extension of the statutory limit a case may have.</summary>
public sealed record ExtensionRecord(DateOnly GrantedOn, int Days, ExtensionApprover Approver, string ApprovedBy, string Reason, string? ApprovalDocument = null);

/// <summary>The supervisor-approved exceeding of the promised limit (rules.md §1d).</summary>
public sealed record PromisedExtensionRecord(DateOnly ApprovedOn, int Days, string ApprovedBy, string Reason);

/// <summary>The standing of the limits on one date: state, working days used and left.</summary>
public sealed record ClockStatus(
    DateOnly Date,
    ClockPhase Phase,
    ClockState State,
    int UsedDays,
    int PromisedRemaining,
    int StatutoryRemaining,
    ClockDeadline? PromisedDeadline,
    ClockDeadline? StatutoryDeadline,
    bool Paused)
{
    public string StateName => State switch
    {
        ClockState.Warning => "预警",
        ClockState.PromisedExceeded => "超承诺时限",
        ClockState.StatutoryExceeded => "超法定时限",
        _ => "正常",
    };
}

/// <summary>What a scheduled timer should do when it fires.</summary>
public enum ClockTimerKind
{
    /// <summary>The intake window lapsed: record deemed acceptance as of the receipt (ALL Art. 32).</summary>
    IntakeLapse,
    /// <summary>The 30-nd supplement period ran out without supplements.</summary>
    SupplementLapse,
    Warning,
    PromisedExceeded,
    StatutoryExceeded,
    /// <summary>An excluded procedure ran past the length the applicant was told.</summary>
    PauseOverrun,
    DeliveryOverdue,
}

/// <summary>
/// An instant the scheduler must wake up at. <see cref="Date"/> is the day the new state applies;
/// <see cref="FireAt"/> is the start of that day in China Standard Time (a limit ending on D
/// is exceeded from D+1 00:00).
/// </summary>
public sealed record ClockTimer(ClockTimerKind Kind, DateOnly Date, DateTimeOffset FireAt, bool Provisional)
{
    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), ServiceHours.ChinaStandardTime);
}

/// <summary>The result of building a clock: either the clock or the first error in the event sequence.</summary>
public sealed record CaseClockResult(CaseClock? Clock, ClockError? Error)
{
    public bool IsValid => Error is null;
}
