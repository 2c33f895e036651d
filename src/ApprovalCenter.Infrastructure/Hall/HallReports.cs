using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Hall;

public enum ReportGrouping { Service, Counter, Clerk }

/// <summary>One row of the hall report: a service, counter or clerk over the period. Times in minutes.</summary>
public sealed record HallReportRow(string Group, int Tickets, int Served, double? WaitMedian, double? WaitP90, double? ServiceMedian, int NoShows, int Transfers);

/// <summary>Tickets, cases opened and results handed out per kind of hours (after-hours and Saturday apart).</summary>
public sealed record HallHoursRow(string Hours, int Tickets, int CasesOpened, int ResultsHandedOut);

/// <summary>Reads the visits of a period for /Hall/Reports; pure reading, the numbers come from <see cref="HallStats"/>.</summary>
public sealed class HallReports(AppDbContext db)
{
    public async Task<List<HallReportRow>> ByAsync(ReportGrouping by, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var tickets = await db.Set<HallTicket>().AsNoTracking().Where(t => t.Day >= from && t.Day <= to).Select(t => new { t.Id, t.ServiceId }).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var legs = await db.Set<VisitLeg>().AsNoTracking().Where(l => ids.Contains(l.TicketId)).ToListAsync(ct);
        var services = await db.Set<HallService>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var queues = await db.Set<HallQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.ServiceId, ct);
        var counters = await db.Set<HallCounter>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        string Key(VisitLeg l) => by switch
        {
            ReportGrouping.Counter => l.CounterId is { } c ? counters.GetValueOrDefault(c, $"{c} 号窗口") : "（未叫号）",
            ReportGrouping.Clerk => l.ClerkName ?? "（未叫号）",
            _ => services.GetValueOrDefault(queues.GetValueOrDefault(l.QueueId, l.QueueId), l.QueueId),
        };
        return legs.GroupBy(Key).OrderBy(g => g.Key).Select(g =>
        {
            var waits = g.Where(l => l.Wait is not null).Select(l => l.Wait!.Value.TotalMinutes).ToList();
            var service = g.Where(l => l.ServiceTime is not null && l.Outcome is LegOutcome.Served or LegOutcome.Transferred or LegOutcome.Parked)
                .Select(l => l.ServiceTime!.Value.TotalMinutes).ToList();
            return new HallReportRow(g.Key, g.Select(l => l.TicketId).Distinct().Count(), g.Count(l => l.Outcome == LegOutcome.Served),
                Round(HallStats.Median(waits)), Round(HallStats.Percentile(waits, 90)), Round(HallStats.Median(service)),
                g.Count(l => l.Outcome == LegOutcome.NoShow), g.Count(l => l.Outcome == LegOutcome.Transferred));
        }).ToList();
    }

    public async Task<List<HallHoursRow>> ByHoursAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var tickets = await db.Set<HallTicket>().AsNoTracking().Where(t => t.Day >= from && t.Day <= to)
            .Select(t => new { t.Id, t.IssuedIn, t.ServiceId, t.Status }).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var cases = await db.Set<VisitCase>().AsNoTracking().Where(v => ids.Contains(v.TicketId)).GroupBy(v => v.TicketId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return Enum.GetValues<HoursKind>().Select(k =>
        {
            var of = tickets.Where(t => t.IssuedIn == k).ToList();
            return new HallHoursRow(HallHours.KindName(k), of.Count, of.Sum(t => cases.GetValueOrDefault(t.Id)),
                of.Count(t => t.ServiceId == "pickup" && t.Status == TicketStatus.Done));
        }).ToList();
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
}
