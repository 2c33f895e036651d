using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.Portal;
using ApprovalCenter.Web.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Supervision;

/// <summary>The filters of the deadline dashboard, as the query string carries them.</summary>
public sealed record DeadlineFilter(string? Department, string? Item, string? Handler, CaseMode? Mode);

/// <summary>One running case on the board, with the explanation of its promised and statutory deadlines.</summary>
public sealed record DeadlineRow(CaseRecord Case, string? Handler, string StateName, IReadOnlyList<DeadlineExplanation> Explanations);

/// <summary>
/// The deadline dashboard's reads (rules.md §1d): every running case by its clock state (the column the
/// clock keeps, so no deadline is recomputed here), overdue first, with the case's own explanation built by
/// <see cref="CaseService.BuildClock"/> for the rows shown; counts, a weekly trend, waiting promised-limit
/// requests and failed timers.
/// </summary>
public sealed class DeadlineBoard(AppDbContext db, CaseService cases, CalendarProvider calendars)
{
    public const int RowsShown = 100;
    public static readonly string[] States = [nameof(ClockState.StatutoryExceeded), nameof(ClockState.PromisedExceeded), nameof(ClockState.Warning), nameof(ClockState.Normal)];

    public static string StateName(string state) => state switch
    {
        nameof(ClockState.Warning) => "预警",
        nameof(ClockState.PromisedExceeded) => "超承诺时限",
        nameof(ClockState.StatutoryExceeded) => "超法定时限",
        _ => "正常",
    };

    private IQueryable<CaseRecord> Running(DeadlineFilter f)
    {
        var q = db.Set<CaseRecord>().AsNoTracking().Where(c => c.Status == CaseStatus.Running);
        if (!string.IsNullOrWhiteSpace(f.Department)) q = q.Where(c => c.Department == f.Department);
        if (!string.IsNullOrWhiteSpace(f.Item)) q = q.Where(c => c.ItemCode == f.Item);
        if (f.Mode is { } mode) q = q.Where(c => c.Mode == mode);
        if (!string.IsNullOrWhiteSpace(f.Handler)) q = q.Where(c => db.Set<CaseAssignment>().Any(a => a.CaseId == c.Id && a.AssigneeId == f.Handler));
        return q;
    }

    public async Task<ReportTable> CountsAsync(DeadlineFilter f, CancellationToken ct)
    {
        var counts = await Running(f).GroupBy(c => c.ClockState).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rows = States.Select(s => (IReadOnlyList<object?>)[StateName(s), counts.GetValueOrDefault(s)]).ToList();
        return counts.Count == 0 ? new ReportTable("在办件时限状态", ["状态", "件数"], []) : new ReportTable("在办件时限状态", ["状态", "件数"], rows);
    }

    /// <summary>The last eight weeks (Monday to Sunday, China time): cases received, and of them how many are or were past a limit.</summary>
    public async Task<ReportTable> WeeklyAsync(DeadlineFilter f, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(ServiceHours.ChinaStandardTime).DateTime);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7 * 7);
        var from = ApprovalCenter.Clock.ClockTimer.StartOfDay(monday).ToUniversalTime();
        // Grouped in the database (week × state), so eight weeks of receipts are never loaded.
        var sql = """
            SELECT (date_trunc('week', c."ReceivedAt" AT TIME ZONE 'Asia/Shanghai'))::date AS "Week", c."ClockState" AS "State", count(*)::int AS "N"
            FROM cases c WHERE c."ReceivedAt" >= @from
            """;
        var args = new List<Npgsql.NpgsqlParameter> { new("from", from) };
        if (!string.IsNullOrWhiteSpace(f.Department)) { sql += " AND c.\"Department\" = @dept"; args.Add(new("dept", f.Department)); }
        if (!string.IsNullOrWhiteSpace(f.Item)) { sql += " AND c.\"ItemCode\" = @item"; args.Add(new("item", f.Item)); }
        if (f.Mode is { } mode) { sql += " AND c.\"Mode\" = @mode"; args.Add(new("mode", (int)mode)); }
        var received = await db.Database.SqlQueryRaw<WeekCount>(sql + " GROUP BY 1, 2", args.ToArray()).ToListAsync(ct);
        if (received.Count == 0) return new ReportTable("每周收件与超期趋势", ["周", "收件", "预警", "超期"], []);
        var rows = Enumerable.Range(0, 8).Select(i =>
        {
            var start = monday.AddDays(7 * i);
            var inWeek = received.Where(r => r.Week == start).ToList();
            return (IReadOnlyList<object?>)[start.ToString("MM-dd"), inWeek.Sum(r => r.N), inWeek.Where(r => r.State == nameof(ClockState.Warning)).Sum(r => r.N),
                inWeek.Where(r => r.State is nameof(ClockState.PromisedExceeded) or nameof(ClockState.StatutoryExceeded)).Sum(r => r.N)];
        }).ToList();
        return new ReportTable("每周收件与超期趋势", ["周", "收件", "预警", "超期"], rows);
    }

    private sealed record WeekCount(DateOnly Week, string State, int N);

    /// <summary>Running cases, the most overdue first (statutory, promised, warning, normal), then by the nearest promised date.</summary>
    public async Task<List<DeadlineRow>> RowsAsync(DeadlineFilter f, int take, bool explain, CancellationToken ct)
    {
        // One bounded query per state, worst first, each served by the board's index (state, promised date, number):
        // never a sort of every running case by a computed rank.
        var records = new List<CaseRecord>();
        foreach (var state in States)
        {
            if (records.Count >= take) break;
            records.AddRange(await Running(f).Where(c => c.ClockState == state)
                .OrderBy(c => c.PromisedDeadline).ThenBy(c => c.Number).Take(take - records.Count).ToListAsync(ct));
        }
        var ids = records.Select(r => r.Id).ToList();
        var handlers = (await db.Set<CaseAssignment>().AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToListAsync(ct))
            .GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(a => a.AssigneeName).Distinct()));
        var calendar = explain ? await calendars.GetAsync(ct) : null;
        return records.Select(r =>
        {
            IReadOnlyList<DeadlineExplanation> explanations = [];
            if (calendar is not null)
            {
                try
                {
                    var clock = cases.BuildClock(r, ClockEventJson.Deserialize(r.ClockEventsJson), calendar);
                    explanations = new[] { DeadlineKind.Intake, DeadlineKind.Promised, DeadlineKind.Statutory }.Select(clock.Explain).OfType<DeadlineExplanation>().ToList();
                }
                catch (ClockException)
                {
                    // A case whose clock cannot be built (no receipt yet) is still listed, without an explanation; the board never fails on one case.
                }
            }
            return new DeadlineRow(r, handlers.GetValueOrDefault(r.Id), StateName(r.ClockState), explanations);
        }).ToList();
    }

    public static ReportTable RowsTable(IEnumerable<DeadlineRow> rows) => ReportTable.From("在办件清单", rows,
        ("办件编号", r => r.Case.Number), ("事项", r => r.Case.ItemName), ("部门", r => r.Case.Department), ("办理方式", r => PortalTexts.ModeName(r.Case.Mode)),
        ("承办人", r => r.Handler), ("时限状态", r => r.StateName), ("承诺办结日期", r => r.Case.PromisedDeadline), ("法定办结日期", r => r.Case.StatutoryDeadline));

    public Task<List<ScheduledTimer>> FailedTimersAsync(CancellationToken ct) =>
        db.Set<ScheduledTimer>().AsNoTracking().Where(t => t.Status == TimerStatus.Failed).OrderBy(t => t.DueAt).Take(50).ToListAsync(ct);

    public Task<int> WaitingPromisedLimitRequestsAsync(CancellationToken ct) =>
        db.Set<PromisedLimitRequest>().CountAsync(r => r.Status == PromisedLimitRequestStatus.Pending, ct);

    /// <summary>People who hold a claim on a running case: the handler filter's choices.</summary>
    public async Task<List<(string Id, string Name)>> HandlersAsync(CancellationToken ct) =>
        (await db.Set<CaseAssignment>().AsNoTracking().Select(a => new { a.AssigneeId, a.AssigneeName }).Distinct().ToListAsync(ct))
        .Select(a => (a.AssigneeId, a.AssigneeName)).OrderBy(a => a.AssigneeName).ToList();
}
