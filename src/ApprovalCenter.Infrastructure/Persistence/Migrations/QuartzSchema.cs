using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ApprovalCenter.Persistence.Migrations;

/// <summary>Creates Quartz's clustered job store tables (qrtz_*) from the script embedded in
/// Quartz.dll 4.7.3. It lives in our migration chain so that every node sets up the whole
/// database under one advisory lock, and the scheduler only validates the schema.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121000000_QuartzSchema")]
public sealed class QuartzSchema : Migration
{
    protected override void Up(MigrationBuilder mb)
    {
        using var s = typeof(Quartz.IJob).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_postgres.sql")
            ?? throw new InvalidOperationException("Quartz's PostgreSQL schema script is missing from Quartz.dll.");
        var script = new StreamReader(s).ReadToEnd().Replace("{0}", "qrtz_").Replace("{1}", "qrtz_");
        // Statements are separated by a line reading exactly "--;;" (the header comment mentions it too).
        foreach (var statement in System.Text.RegularExpressions.Regex.Split(script, @"^--;;\s*$", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            if (statement.Split('\n').All(l => l.TrimStart().StartsWith("--") || string.IsNullOrWhiteSpace(l))) continue;
            mb.Sql(statement);
        }
    }
}
