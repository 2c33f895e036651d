using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>The last case number handed out in a year.</summary>
public sealed class CaseNumberCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> b)
    {
        b.ToTable("case_number_counters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}

/// <summary>Hands out case numbers QYGX-YYYY-NNNNNN without gaps or duplicates across nodes:
/// one atomic upsert per number, so two nodes never get the same one.</summary>
public static class CaseNumbers
{
    public const string Prefix = "QYGX";

    public static async Task<string> NextAsync(AppDbContext db, int year, CancellationToken ct = default)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_counters ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = case_number_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return Format(year, next[0]);
    }

    public static string Format(int year, int sequence) => $"{Prefix}-{year:D4}-{sequence:D6}";

    public static bool IsWellFormed(string? number) =>
        number is { Length: 18 } && number.StartsWith(Prefix + "-", StringComparison.Ordinal) && number[9] == '-'
        && number.AsSpan(5, 4).IndexOfAnyExceptInRange('0', '9') < 0 && number.AsSpan(10).IndexOfAnyExceptInRange('0', '9') < 0;
}
