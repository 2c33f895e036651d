namespace ApprovalCenter.Calendar;

/// <summary>
/// A date outside what the calendar can answer: before the earliest loaded year (we cannot guess
/// past notices) or beyond the provisional horizon. A dedicated type so callers can show the
/// message instead of a generic failure.
/// </summary>
public sealed class CalendarRangeException(DateOnly date, DateOnly coveredFrom, DateOnly coveredTo, string message)
    : Exception(message)
{
    public DateOnly Date { get; } = date;
    public DateOnly CoveredFrom { get; } = coveredFrom;
    public DateOnly CoveredTo { get; } = coveredTo;
}
