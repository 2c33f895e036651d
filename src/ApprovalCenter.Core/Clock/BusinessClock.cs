namespace ApprovalCenter.Clock;

/// <summary>
/// The time the bureau's rules run on: receipts, acceptance dates, deadlines, journal stamps.
/// It is its own type (not the container's TimeProvider) so that a test can move business time
/// weeks ahead without also moving the scheduler's real-time trigger clock.
/// </summary>
public class BusinessClock : TimeProvider
{
    public static new readonly BusinessClock System = new();
}
