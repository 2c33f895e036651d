namespace ApprovalCenter.Clock;

/// <summary>
/// The time the bureau's rules run on: receipts, acceptance dates, deadlines, journal stamps.
/// It is its own type (not the container's TimeProvider) so that a test, or a training
/// installation, can move business time ahead; durable timers follow it (they are due at a
/// business instant), while operational things (Hangfire's polling, back-off, leases) keep real time.
/// </summary>
public class BusinessClock : TimeProvider
{
    public static new readonly BusinessClock System = new();
}
