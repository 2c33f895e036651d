using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ApprovalCenter.Persistence;

/// <summary>Applies EF migrations and installs Hangfire's schema at startup. A PostgreSQL advisory
/// lock makes nodes that start together take turns, so each migration runs exactly once and the
/// whole database is set up by one path.</summary>
public static class DatabaseMigrator
{
    // An arbitrary constant shared by every node: "AC" + "MIGR".
    private const long MigrationLockKey = 0x4143_4D49_4752;

    public static async Task MigrateAsync(AppDbContext db, ILogger logger, CancellationToken ct = default)
    {
        await EnsureDatabaseExistsAsync(db.Database.GetConnectionString()!, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
            try
            {
                // On a new database EF probes the history table before creating it and logs that failed
                // query as an error, which would alarm an operator for nothing: create it first (EF's own shape).
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
                        "MigrationId" character varying(150) NOT NULL PRIMARY KEY,
                        "ProductVersion" character varying(32) NOT NULL)
                    """, ct);
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                {
                    logger.LogInformation("Applying {Count} migration(s): {Names}", pending.Count, string.Join(", ", pending));
                    await db.Database.MigrateAsync(ct);
                }
                // Hangfire's own versioned scripts (schema "hangfire"); a no-op when they are current.
                Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install((NpgsqlConnection)db.Database.GetDbConnection(), Scheduling.BackgroundJobsSetup.SchemaName);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates the database when it is missing, so the advisory lock has somewhere to live.</summary>
    private static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", target.Database!);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it first.
        }
    }
}
