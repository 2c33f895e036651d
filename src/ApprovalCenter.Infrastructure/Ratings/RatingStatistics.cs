using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalCenter.Ratings;

/// <summary>Which ratings a dashboard, export or report counts: a business-time period [From, To) and optional groups.</summary>
public sealed record RatingFilter(DateTimeOffset From, DateTimeOffset To, string? Department = null, string? ItemCode = null, string? HandlerId = null);

public enum RatingDimension { Department, Item, Handler, Counter, Month }

/// <summary>One group's indicators (a department, an item, a clerk, a window or a month).</summary>
public sealed record RatingGroup(string Key, string Label, RatingIndicatorValues Values);

/// <summary>Bad-rating work orders of a period: by step, late, and the callback rate (rules.md §4: 100 % for real-name bad ratings).</summary>
public sealed record WorkOrderStats(IReadOnlyDictionary<WorkOrderStep, int> PerStep, int Total, int CalledBack, int CallbackLate, int RectificationLate, int CapExceeded, decimal? CallbackRate);

/// <summary>
/// The indicators over the database: a GROUP BY gives at most 20 (level × default × excluded) counts
/// per group, and <see cref="RatingIndicators"/> computes the rates from them, so the dashboards,
/// exports, the public page and the monthly report all use the one definition. Ratings count in
/// the period they were given; services (matters offered for rating) in the period they were delivered.
/// </summary>
public sealed class RatingStatistics(AppDbContext db)
{
    private sealed record CountRow(string Key, string Label, int Level, bool IsDefault, bool Excluded, int Count);
    private sealed record ServiceRow(string Key, int Count);

    public async Task<RatingIndicatorValues> TotalsAsync(RatingFilter f, CancellationToken ct = default) =>
        (await GroupsAsync(f, null, ct)).SingleOrDefault()?.Values ?? RatingIndicators.Compute([], 0);

    /// <summary>Indicators per group, ordered by key; null dimension = one group for everything. The SQL is built
    /// only from fixed column expressions chosen by <see cref="RatingDimension"/>; every value is a parameter.</summary>
#pragma warning disable EF1002
    public async Task<IReadOnlyList<RatingGroup>> GroupsAsync(RatingFilter f, RatingDimension? by, CancellationToken ct = default)
    {
        // Whole months (every dashboard period, the trend, the public page) are summed from the monthly summaries
        // the triggers keep exact; any other period is grouped from the ratings themselves. Both give the same numbers.
        if (MonthOf(f.From) is { } fromMonth && MonthOf(f.To) is { } toMonth) return await FromSummariesAsync(f, by, fromMonth, toMonth, ct);
        var (key, label) = Expressions(by, "r");
        var (okey, _) = Expressions(by, "o");
        var (where, args) = Where(f, "r", "RatedAt");
        var (owhere, oargs) = Where(f, "o", "DeliveredAt");
        var counts = await db.Database.SqlQueryRaw<CountRow>($"""
            SELECT {key} AS "Key", max({label}) AS "Label", r."Level" AS "Level", r."IsDefault" AS "IsDefault", r."Excluded" AS "Excluded", count(*)::int AS "Count"
            FROM ratings r WHERE {where} GROUP BY 1, 3, 4, 5
            """, args).ToListAsync(ct);
        // Window ratings (hall visit legs) are their own services; matters are counted from their offers.
        var services = await db.Database.SqlQueryRaw<ServiceRow>($"""
            SELECT k AS "Key", sum(n)::int AS "Count" FROM (
              SELECT {okey} AS k, count(*) AS n FROM rating_offers o WHERE {owhere} GROUP BY 1
              UNION ALL
              SELECT {key} AS k, count(*) AS n FROM ratings r WHERE {where} AND r."Service" = 1 GROUP BY 1) s
            GROUP BY 1
            """, oargs.Concat(Clone(args)).ToArray()).ToListAsync(ct);
        return Combine(counts, services);
    }

    /// <summary>The same groups from <c>rating_month_counts</c> and <c>rating_offer_month_counts</c> (migration RatingMonthSummaries).</summary>
    private async Task<IReadOnlyList<RatingGroup>> FromSummariesAsync(RatingFilter f, RatingDimension? by, string fromMonth, string toMonth, CancellationToken ct)
    {
        var (key, label) = by switch
        {
            RatingDimension.Department => ("s.\"Department\"", "s.\"Department\""),
            RatingDimension.Item => ("s.\"ItemCode\"", "s.\"ItemName\""),
            RatingDimension.Handler => ("s.\"HandlerId\"", "s.\"HandlerName\""),
            RatingDimension.Counter => ("s.\"Counter\"", "CASE WHEN s.\"Counter\" = '' THEN '（无）' ELSE s.\"Counter\" END"),
            RatingDimension.Month => ("s.\"Month\"", "s.\"Month\""),
            _ => ("'all'", "'all'"),
        };
        NpgsqlParameter[] Args()
        {
            var args = new List<NpgsqlParameter> { new("from_m", fromMonth), new("to_m", toMonth) };
            if (f.Department is not null) args.Add(new("dept", f.Department));
            if (f.ItemCode is not null) args.Add(new("item", f.ItemCode));
            if (f.HandlerId is not null) args.Add(new("handler", f.HandlerId));
            return args.ToArray();
        }
        var where = "s.\"Month\" >= @from_m AND s.\"Month\" < @to_m"
            + (f.Department is null ? "" : " AND s.\"Department\" = @dept")
            + (f.ItemCode is null ? "" : " AND s.\"ItemCode\" = @item")
            + (f.HandlerId is null ? "" : " AND s.\"HandlerId\" = @handler");
        var counts = await db.Database.SqlQueryRaw<CountRow>($"""
            SELECT {key} AS "Key", max({label}) AS "Label", s."Level" AS "Level", s."IsDefault" AS "IsDefault", s."Excluded" AS "Excluded", sum(s."N")::int AS "Count"
            FROM rating_month_counts s WHERE {where} GROUP BY 1, 3, 4, 5 HAVING sum(s."N") > 0
            """, Args()).ToListAsync(ct);
        var services = await db.Database.SqlQueryRaw<ServiceRow>($"""
            SELECT k AS "Key", sum(n)::int AS "Count" FROM (
              SELECT {key} AS k, sum(s."N") AS n FROM rating_offer_month_counts s WHERE {where} GROUP BY 1
              UNION ALL
              SELECT {key} AS k, sum(s."N") AS n FROM rating_month_counts s WHERE {where} AND s."Service" = 1 GROUP BY 1) x
            GROUP BY 1 HAVING sum(n) > 0
            """, Args()).ToListAsync(ct);
        return Combine(counts, services);
    }

    /// <summary>A business-time instant that starts a month (00:00 China time on the 1st) as "yyyy-MM", else null.</summary>
    private static string? MonthOf(DateTimeOffset instant)
    {
        var china = instant.ToOffset(TimeSpan.FromHours(8));
        return china.Day == 1 && china.TimeOfDay == TimeSpan.Zero ? china.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static IReadOnlyList<RatingGroup> Combine(List<CountRow> counts, List<ServiceRow> services)
    {
        var serviceByKey = services.ToDictionary(s => s.Key, s => s.Count);
        var keys = counts.Select(c => c.Key).Concat(serviceByKey.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        return keys.Select(k =>
        {
            var rows = counts.Where(c => c.Key == k).ToList();
            var values = RatingIndicators.FromCounts(rows.Select(r => (new RatingFact((RatingLevel)r.Level, r.IsDefault, r.Excluded), r.Count)), serviceByKey.GetValueOrDefault(k));
            return new RatingGroup(k, rows.FirstOrDefault()?.Label ?? k, values);
        }).ToList();
    }

#pragma warning restore EF1002

    public async Task<WorkOrderStats> WorkOrdersAsync(RatingFilter f, CancellationToken ct = default)
    {
        var (from, to) = (f.From.ToUniversalTime(), f.To.ToUniversalTime());   // timestamptz takes UTC only
        var q = db.Set<WorkOrder>().AsNoTracking().Where(w => w.OpenedAt >= from && w.OpenedAt < to);
        if (f.Department is not null) q = q.Where(w => w.Department == f.Department);
        if (f.HandlerId is not null) q = q.Where(w => w.HandlerId == f.HandlerId);
        // Work orders of excluded ratings do not count (the rating left the statistics).
        q = q.Where(w => db.Set<Rating>().Any(r => r.Id == w.RatingId && !r.Excluded));
        var rows = await q.GroupBy(w => new { w.Step, Called = w.CallbackAt != null, CallbackLate = w.CallbackEscalated || (w.CallbackAt != null && w.CallbackAt > w.CallbackDueAt), w.RectificationOverdue, w.CapEscalated })
            .Select(g => new { g.Key.Step, g.Key.Called, g.Key.CallbackLate, g.Key.RectificationOverdue, g.Key.CapEscalated, Count = g.Count() }).ToListAsync(ct);
        var perStep = Enum.GetValues<WorkOrderStep>().ToDictionary(s => s, s => rows.Where(r => r.Step == s).Sum(r => r.Count));
        var total = rows.Sum(r => r.Count);
        var called = rows.Where(r => r.Called).Sum(r => r.Count);
        return new WorkOrderStats(perStep, total, called, rows.Where(r => r.CallbackLate).Sum(r => r.Count),
            rows.Where(r => r.RectificationOverdue).Sum(r => r.Count), rows.Where(r => r.CapEscalated).Sum(r => r.Count), RatingIndicators.Rate(called, total));
    }

    /// <summary>A parameter belongs to one command: the second query gets copies.</summary>
    private static IEnumerable<NpgsqlParameter> Clone(NpgsqlParameter[] args) => args.Select(a => new NpgsqlParameter(a.ParameterName, a.Value));

    private static (string Key, string Label) Expressions(RatingDimension? by, string t) => by switch
    {
        RatingDimension.Department => ($"{t}.\"Department\"", $"{t}.\"Department\""),
        RatingDimension.Item => ($"{t}.\"ItemCode\"", t == "r" ? "r.\"ItemName\"" : "o.\"ItemName\""),
        RatingDimension.Handler => ($"coalesce({t}.\"HandlerId\", '')", $"coalesce({t}.\"HandlerName\", '（无）')"),
        RatingDimension.Counter => ($"coalesce({t}.\"Counter\", '')", $"coalesce({t}.\"Counter\", '（无）')"),
        RatingDimension.Month => (Month(t), Month(t)),
        _ => ("'all'", "'all'"),
    };

    private static string Month(string t) => $"to_char(({(t == "r" ? "r.\"RatedAt\"" : "o.\"DeliveredAt\"")} AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')";

    /// <summary>The filter as SQL with named parameters (prefixed by the table alias, so two WHEREs can share one query).</summary>
    private static (string Sql, NpgsqlParameter[] Args) Where(RatingFilter f, string t, string at)
    {
        var parts = new List<string> { $"{t}.\"{at}\" >= @{t}_from", $"{t}.\"{at}\" < @{t}_to" };
        var args = new List<NpgsqlParameter> { new($"{t}_from", f.From.ToUniversalTime()), new($"{t}_to", f.To.ToUniversalTime()) };
        void Add(string column, string? value)
        {
            if (value is null) return;
            parts.Add($"{t}.\"{column}\" = @{t}_{column}");
            args.Add(new($"{t}_{column}", value));
        }
        Add("Department", f.Department);
        Add("ItemCode", f.ItemCode);
        Add("HandlerId", f.HandlerId);
        return (string.Join(" AND ", parts), args.ToArray());
    }
}
