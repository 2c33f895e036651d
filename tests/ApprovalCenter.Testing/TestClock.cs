namespace ApprovalCenter.Testing;

/// <summary>A settable clock for the app under test, so that deadlines weeks away can be reached
/// in a test. Only our own code reads it; Quartz keeps real time.</summary>
public sealed class TestClock(DateTimeOffset start) : ApprovalCenter.Clock.BusinessClock
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
    public void Set(DateTimeOffset now) => _now = now;
    /// <summary>A local time in China (UTC+08:00).</summary>
    public static DateTimeOffset China(int y, int m, int d, int h = 10, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));
}
