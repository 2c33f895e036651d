using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalCenter.Web.Tests.Foundation;

/// <summary>Fails when someone changes the EF model without adding a migration (or edits a
/// migration by hand so that it no longer matches the model).</summary>
public sealed class SchemaDriftTests
{
    private const string FingerprintSql = """
        SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(character_maximum_length::text, '') || ' ' || coalesce(column_default, '')
          FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz%' AND table_name <> '__EFMigrationsHistory'
        UNION ALL
        SELECT 'idx ' || tablename || ' ' || regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON ', '\1')
          FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE 'qrtz%' AND tablename <> '__EFMigrationsHistory'
        UNION ALL
        SELECT 'con ' || conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid)
          FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'qrtz%' AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
        ORDER BY 1
        """;

    /// <summary>What migrations create in SQL on purpose, outside the EF model: the trigger-kept monthly rating
    /// summaries and the deadline board's partial index (migration RatingMonthSummaries). Nothing else may differ.</summary>
    private static readonly string[] SqlOwned = ["rating_month_counts", "rating_offer_month_counts", "(\"ClockState\", \"PromisedDeadline\", \"Number\")"];

    [Test]
    public async Task The_migrated_schema_matches_the_model()
    {
        var migratedDb = TestDatabase.NewName("mig");
        var modelDb = TestDatabase.NewName("model");

        await using (var app = new AppFactory(migratedDb))
        {
            using var scope = app.Services.CreateScope();   // starting the host runs the migrations
        }
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(TestDatabase.ConnectionStringFor(modelDb)).Options;
        await using (var db = new AppDbContext(options)) await db.Database.EnsureCreatedAsync();

        var migrated = await FingerprintAsync(migratedDb);
        var model = await FingerprintAsync(modelDb);
        Assert.That(migrated, Is.Not.Empty);
        Assert.That(migrated.Except(model).Where(f => !SqlOwned.Any(f.Contains)), Is.Empty, "in the migrations but not in the model");
        Assert.That(model.Except(migrated), Is.Empty, "in the model but not in the migrations: add a migration (tools/ef.sh migrations add <Name>)");
    }

    private static async Task<List<string>> FingerprintAsync(string database)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionStringFor(database));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(FingerprintSql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
