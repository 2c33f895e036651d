using Npgsql;

namespace ApprovalCenter.Bench;

/// <summary>The row a node leaves behind in hangfire.lock when it is SIGKILLed while holding
/// Hangfire's delayed-job scheduler lock. Hangfire.PostgreSql's lock rows carry no owner and no
/// heartbeat: every other server then waits until the row is older than DistributedLockTimeout
/// and deletes it. A kill cannot be timed from outside into the few milliseconds a poll holds the
/// lock, so the bench leaves the row exactly as such a kill does (as TwoNodeTimerTests does):
/// the worst case becomes certain instead of lucky.</summary>
public sealed class StaleSchedulerLock(string connectionString)
{
    public const string Resource = "hangfire:locks:schedulepoller";

    /// <summary>How many times the row had to be planted (see <see cref="HoldAsync"/>).</summary>
    public int Plants { get; private set; }
    public DateTimeOffset PlantedAt { get; private set; }

    /// <summary>Inserts or refreshes the row (acquired = now, as a fresh lock).</summary>
    public async Task PlantAsync()
    {
        await ExecuteAsync("""
            INSERT INTO hangfire.lock (resource, updatecount, acquired) VALUES (@r, 0, now())
            ON CONFLICT (resource) DO UPDATE SET acquired = now()
            """);
        PlantedAt = DateTimeOffset.UtcNow;
        Plants++;
    }

    /// <summary>A live server that really held the lock when the row was planted releases it with a
    /// DELETE by resource, taking the planted row with it; so watch for <paramref name="settle"/>
    /// (longer than one scheduler poll) and plant again if it vanished.</summary>
    public async Task HoldAsync(TimeSpan settle)
    {
        var until = DateTime.UtcNow + settle;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(250);
            if (!await ExistsAsync()) await PlantAsync();
        }
    }

    public async Task<bool> ExistsAsync() =>
        Convert.ToInt64(await ScalarAsync("SELECT count(*) FROM hangfire.lock WHERE resource = @r")) > 0;

    /// <summary>Polls once a second until Hangfire has removed the row; returns how long it stood
    /// after the last plant, or null if it still stands at <paramref name="until"/>.</summary>
    public async Task<TimeSpan?> WaitUntilGoneAsync(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            if (!await ExistsAsync()) return DateTimeOffset.UtcNow - PlantedAt;
            await Task.Delay(1000);
        }
        return null;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new("r", Resource) } };
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new("r", Resource) } };
        return await cmd.ExecuteScalarAsync();
    }
}
