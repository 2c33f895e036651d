namespace ApprovalCenter.Clock;

/// <summary>Business time = real time + an offset that an administrator may move forward in a
/// training or development installation. The offset lives in the database (business_clock) and
/// every node re-reads it each second (<see cref="BusinessClockSync"/>), so all nodes agree on
/// "now" and the timers follow: the sweeper fires whatever the moved clock has made due.</summary>
public sealed class MovableBusinessClock : BusinessClock
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
    public bool IsMoved => Offset != TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;

    internal void Apply(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}
