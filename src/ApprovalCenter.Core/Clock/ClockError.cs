namespace ApprovalCenter.Clock;

/// <summary>Machine-readable codes of clock errors, so the edge can map them to HTTP problems and tests can assert them.</summary>
public static class ClockErrorCodes
{
    public const string InvalidLimits = "invalid_limits";
    public const string PromisedLimitPassed = "promised_limit_passed";
    public const string PromisedBeyondStatutory = "promised_beyond_statutory";
    public const string SecondPromisedExtension = "second_promised_extension";
    public const string PromisedExceedsStatutory = "promised_exceeds_statutory";
    public const string NoEvents = "no_events";
    public const string NotReceivedFirst = "not_received_first";
    public const string DuplicateReceived = "duplicate_received";
    public const string OutOfOrder = "events_out_of_order";
    public const string SecondSupplementNotice = "second_supplement_notice";
    public const string NoSupplementRequested = "no_supplement_requested";
    public const string SupplementOutstanding = "supplement_outstanding";
    public const string SupplementLate = "supplement_late";
    public const string AwaitingSignature = "awaiting_signature";
    public const string IntakeLapsed = "intake_lapsed";
    public const string IntakeOpen = "intake_open";
    public const string AlreadyAccepted = "already_accepted";
    public const string NotAccepted = "not_accepted";
    public const string CaseRefused = "case_refused";
    public const string CaseClosed = "case_closed";
    public const string PauseAlreadyOpen = "pause_already_open";
    public const string NoOpenPause = "no_open_pause";
    public const string PauseOpen = "pause_open";
    public const string InvalidPauseLength = "invalid_pause_length";
    public const string SecondExtension = "second_extension";
    public const string ExtensionTooLong = "extension_too_long";
    public const string ExtensionApprover = "extension_approver";
    public const string ExtensionApprovalDocument = "extension_approval_document";
    public const string HearingRequestLate = "hearing_request_late";
    public const string HearingDate = "hearing_date";
    public const string HearingOutOfOrder = "hearing_out_of_order";
    public const string ExtensionAfterDeadline = "extension_after_deadline";
    public const string AlreadyDecided = "already_decided";
    public const string NotBetweenPhases = "not_between_phases";
    public const string NotDecided = "not_decided";
}

/// <summary>Why an event sequence or limit is invalid: a code for machines, a Chinese message for people, and the offending event.</summary>
public sealed record ClockError(string Code, string Message, int? EventIndex = null)
{
    public override string ToString() => EventIndex is { } i ? $"[{Code}] 第 {i + 1} 个事件：{Message}" : $"[{Code}] {Message}";
}

/// <summary>Thrown where a result type is not practical (limits, <see cref="CaseClock.Create"/>).</summary>
public sealed class ClockException(ClockError error) : Exception(error.Message)
{
    public ClockException(string code, string message, int? eventIndex = null) : this(new ClockError(code, message, eventIndex)) { }

    public ClockError Error { get; } = error;
    public string Code => Error.Code;
}
