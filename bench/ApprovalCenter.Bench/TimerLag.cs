namespace ApprovalCenter.Bench;

/// <summary>What a set of timers did: how many took effect, how many twice, how late (effect real
/// time minus due time, first effect per key), and who fired them (a Hangfire job on a node, or
/// that node's sweeper: FiredBy is "node" or "node/sweeper").</summary>
public sealed record TimerLag(int Expected, int WithEffect, int Missing, int Duplicates,
    double P50, double P99, double Max, double Min, string ByFirer, DateTimeOffset FirstDue, DateTimeOffset LastDue, DateTimeOffset? LastEffect)
{
    public static TimerLag Of(IReadOnlyList<(string Key, DateTimeOffset Due)> timers, IReadOnlyList<ProbeEffect> effects)
    {
        var perKey = effects.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.OrderBy(e => e.RealAt).ToList());
        var lags = perKey.Values.Select(v => (v[0].RealAt - v[0].DueAt).TotalSeconds).Order().ToList();
        var byFirer = string.Join(", ", perKey.Values.GroupBy(v => v[0].FiredBy).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count():N0}"));
        return new TimerLag(
            timers.Count,
            timers.Count(t => perKey.ContainsKey(t.Key)),
            timers.Count(t => !perKey.ContainsKey(t.Key)),
            perKey.Values.Sum(v => v.Count - 1),
            BenchApp.Percentile(lags, 0.50), BenchApp.Percentile(lags, 0.99),
            lags.Count > 0 ? lags[^1] : double.NaN, lags.Count > 0 ? lags[0] : double.NaN,
            byFirer.Length > 0 ? byFirer : "nobody",
            timers.Min(t => t.Due), timers.Max(t => t.Due),
            effects.Count > 0 ? effects.Max(e => e.RealAt) : null);
    }

    /// <summary>Lag figures on one line; "earliest" below 0 would be an effect before its due time.</summary>
    public string Lags => $"p50 {P50,6:F2} s, p99 {P99,6:F2} s, max {Max,6:F2} s (earliest {Min:F2} s)";
}
