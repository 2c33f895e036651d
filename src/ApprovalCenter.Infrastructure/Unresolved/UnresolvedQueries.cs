using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Unresolved;

/// <summary>Reads of 办不成事 matters for the pages and the API. The deadline standing is computed
/// here from the business day, so every screen agrees.</summary>
public sealed class UnresolvedQueries(AppDbContext db, BusinessClock clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ServiceHours.ToChinaTime(clock.GetUtcNow()).DateTime);

    public sealed record ListRow(string Number, string PersonName, MatterChannel Channel, MatterStatus Status, DateTimeOffset ReceivedAt,
        DateOnly? ClosingDeadline, DeadlineState State, IReadOnlyList<string> Parties, int Reopens);

    /// <summary>Which matters a list shows: open (the default), overdue only, closed, referred, or all.</summary>
    public enum Filter { Open, Overdue, Warning, Closed, Referred, All }

    /// <summary>Overdue first, then warning, then by deadline: what needs a supervisor's attention leads.</summary>
    public async Task<List<ListRow>> ListAsync(Filter filter, string? applicantUserId, CancellationToken ct)
    {
        var q = db.Set<UnresolvedMatter>().AsNoTracking();
        if (applicantUserId is not null) q = q.Where(m => m.ApplicantUserId == applicantUserId);
        q = filter switch
        {
            Filter.Closed => q.Where(m => m.Status == MatterStatus.Closed),
            Filter.Referred => q.Where(m => m.Status == MatterStatus.Referred),
            Filter.All => q,
            _ => q.Where(m => m.Status != MatterStatus.Closed && m.Status != MatterStatus.Referred),
        };
        var rows = await q.OrderBy(m => m.ClosingDeadline).ThenBy(m => m.ReceivedAt).Take(500)
            .Select(m => new { m.Number, m.PersonName, m.Channel, m.Status, m.ReceivedAt, m.ClosingDeadline, m.WarningOn, m.Reopens, Parties = m.Parties.Select(p => p.Name).ToList() })
            .ToListAsync(ct);
        var today = Today;
        var list = rows.Select(m => new ListRow(m.Number, m.PersonName, m.Channel, m.Status, m.ReceivedAt, m.ClosingDeadline,
            StateOf(m.Status, m.WarningOn, m.ClosingDeadline, today), m.Parties, m.Reopens)).ToList();
        if (filter == Filter.Overdue) list = list.Where(r => r.State == DeadlineState.Overdue).ToList();
        if (filter == Filter.Warning) list = list.Where(r => r.State == DeadlineState.Warning).ToList();
        return list.OrderByDescending(r => r.State).ThenBy(r => r.ClosingDeadline).ThenBy(r => r.ReceivedAt).ToList();
    }

    public static DeadlineState StateOf(MatterStatus status, DateOnly? warningOn, DateOnly? deadline, DateOnly today) =>
        status is MatterStatus.Closed or MatterStatus.Referred || deadline is null || warningOn is null
            ? DeadlineState.Normal : UnresolvedLimits.StateOn(today, warningOn.Value, deadline.Value);

    public sealed record Detail(UnresolvedMatter Matter, DeadlineState State, IReadOnlyDictionary<Guid, HotlineHandOff> HandOffs);

    public async Task<Detail?> DetailAsync(string number, CancellationToken ct)
    {
        var matter = await db.Set<UnresolvedMatter>().AsNoTracking().Include(m => m.Parties).Include(m => m.Journal).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Number == number, ct);
        if (matter is null) return null;
        matter.Parties = matter.Parties.OrderBy(p => p.DispatchedAt).ThenBy(p => p.Kind).ThenBy(p => p.Name).ToList();
        matter.Journal = matter.Journal.OrderBy(j => j.At).ThenBy(j => j.Id).ToList();
        // The latest hand-off of each 12345 party (a reopening sends another).
        var handOffs = (await db.Set<HotlineHandOff>().AsNoTracking().Where(h => h.MatterId == matter.Id).ToListAsync(ct))
            .GroupBy(h => h.PartyId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.Id)!);
        return new Detail(matter, StateOf(matter.Status, matter.WarningOn, matter.ClosingDeadline, Today), handOffs);
    }

    /// <summary>Finished matters (closed or referred) whose end falls in [from, to], for the report.</summary>
    

    public async Task<List<FinishedMatter>> FinishedAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await db.Set<UnresolvedMatter>().AsNoTracking()
            .Where(m => (m.Status == MatterStatus.Closed || m.Status == MatterStatus.Referred) && m.ClosedOn >= from && m.ClosedOn <= to)
            .Select(m => new { m.Number, m.Status, m.Satisfied, m.Reopens, m.ClosedOn, m.DaysToClose, m.ClosingDeadline }).ToListAsync(ct);
        return rows.Select(m => new FinishedMatter(m.Status, m.Satisfied, m.Reopens, m.ClosedOn!.Value, m.DaysToClose,
            m.ClosingDeadline is { } d && m.ClosedOn > d)).ToList();
    }
}
