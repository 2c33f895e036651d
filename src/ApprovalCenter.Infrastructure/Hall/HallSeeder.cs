using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Hall;

/// <summary>The hall's default services, queues, counters and hours (issue 11): written once, when
/// the hall has no services yet; administrators change them afterwards.</summary>
public static class HallSeeder
{
    public static readonly (string Id, string Name, string Prefix, string? Link)[] Services =
    [
        ("general", "综合受理", "A", null),
        ("business-startup", "企业开办", "B", null),
        ("utilities", "水电气", "C", null),
        ("cross-province", "跨省通办", "D", null),
        ("unresolved", "办不成事", "E", "/Windows/Unresolved"),
        ("consultation", "咨询", "F", null),
        ("pickup", "统一出件", "G", "/Staff/Pickup"),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        // Nodes starting together must not both seed: one transaction-scoped lock, the second finds the rows.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('approvalcenter:hall-seed'))", ct);
        if (!await db.Set<HallSettings>().AnyAsync(ct)) db.Set<HallSettings>().Add(new HallSettings());
        if (await db.Set<HallService>().AnyAsync(ct)) { await db.SaveChangesAsync(ct); await tx.CommitAsync(ct); return; }
        var order = 0;
        foreach (var (id, name, prefix, link) in Services)
        {
            db.Set<HallService>().Add(new HallService { Id = id, Name = name, SortOrder = order++, Link = link, Bookable = link is null || id == "unresolved" });
            db.Set<HallQueue>().Add(new HallQueue { Id = id, ServiceId = id, Prefix = prefix, TypicalServiceMinutes = id == "consultation" ? 5 : 12 });
        }
        string[] all = [.. Services.Select(s => s.Id)];
        db.Set<HallCounter>().AddRange(
            new HallCounter { Id = 1, Name = "1 号窗口", Hours = HoursKind.Normal, ServiceIds = ["general", "cross-province", "consultation"] },
            new HallCounter { Id = 2, Name = "2 号窗口", Hours = HoursKind.Normal, ServiceIds = ["general", "consultation"] },
            new HallCounter { Id = 3, Name = "3 号窗口", Hours = HoursKind.Normal, ServiceIds = ["business-startup", "general"] },
            new HallCounter { Id = 4, Name = "4 号窗口", Hours = HoursKind.Normal, ServiceIds = ["utilities", "general"] },
            new HallCounter { Id = 5, Name = "5 号窗口（办不成事反映）", Hours = HoursKind.Normal, ServiceIds = ["unresolved", "consultation"] },
            new HallCounter { Id = 6, Name = "6 号窗口（统一出件）", Hours = HoursKind.Normal, ServiceIds = ["pickup"] },
            new HallCounter { Id = 7, Name = "7 号窗口（延时服务）", Hours = HoursKind.AfterHours, ServiceIds = ["general", "business-startup", "pickup", "consultation"] },
            new HallCounter { Id = 8, Name = "8 号窗口（周六不打烊）", Hours = HoursKind.Saturday, ServiceIds = all });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
