using System.Collections.Concurrent;
using Npgsql;

namespace ApprovalCenter.Testing;

/// <summary>Throw-away databases on the test PostgreSQL cluster that ./build.sh test starts.
/// Every factory gets its own database, so tests never see each other's data; all are
/// dropped when the test run ends.</summary>
public static class TestDatabase
{
    private static readonly ConcurrentBag<string> Created = [];

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("APPROVALCENTER_TEST_PG")
        ?? "Host=127.0.0.1;Port=55439;Database=postgres;Username=postgres;Password=app";

    public static string NewName(string purpose = "t")
    {
        var name = $"ac_{purpose}_{Guid.NewGuid():N}"[..Math.Min(40, 4 + purpose.Length + 32)].ToLowerInvariant();
        Created.Add(name);
        return name;
    }

    /// <summary>Every test database has its own pool; idle connections are pruned within seconds (not
    /// Npgsql's 5 minutes), so the apps of finished tests do not hold the cluster's connection slots.</summary>
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = database, MaxPoolSize = 40, ConnectionIdleLifetime = 5, ConnectionPruningInterval = 2,
        }.ConnectionString;

    /// <summary>Closes the idle connections of one database's pool (its app has stopped).</summary>
    public static void ClearPool(string database)
    {
        using var conn = new NpgsqlConnection(ConnectionStringFor(database));
        NpgsqlConnection.ClearPool(conn);
    }

    public static async Task DropAllAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(AdminConnectionString);
        await conn.OpenAsync();
        foreach (var name in Created.Distinct())
        {
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
