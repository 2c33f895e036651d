using ApprovalCenter.Persistence;

namespace ApprovalCenter.Scheduling;

/// <summary>Does the work of one kind of timer. It runs inside the database transaction that
/// marks the timer fired, so its effect and the "fired" mark commit together or not at all.
/// A handler whose subject no longer waits for the timer (the case moved on) does nothing.</summary>
public interface ITimerHandler
{
    string Kind { get; }
    Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct);
}
