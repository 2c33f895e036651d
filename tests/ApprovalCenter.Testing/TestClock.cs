namespace ApprovalCenter.Testing;

/// <summary>A settable clock for the app under test, so that deadlines weeks away can be reached
/// in a test. Business time stands still until the test moves it, whatever the real date; durable
/// timers follow it (Hangfire wakes them relative to it, the sweeper fires what it made due).</summary>
public sealed class TestClock(DateTimeOffset start) : ApprovalCenter.Clock.BusinessClock
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    public void Set(DateTimeOffset now) => _now = now;
    /// <summary>A local time in China (UTC+08:00).</summary>
    public static DateTimeOffset China(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));
}
