using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Hall;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Bench;

/// <summary>
/// The service hall (issue 11): tickets issued per second (8 kiosks at once), tickets called per
/// second by 1 counter (baseline) and by 50 counters (call next FOR UPDATE SKIP LOCKED, then end),
/// and the latency from the start of a call to its event on two hall displays, each an SSE stream
/// of a separate app process (node B, node C) fed by PostgreSQL LISTEN/NOTIFY; the calls are made
/// on the in-process node A. Goal from the issue: p95 call → display below 1 s (reported, not asserted).
/// Options: --hall-tickets=N (2,000), --hall-counters=N (50).
/// </summary>
public sealed class HallBenchmark : IBenchmark
{
    public string Name => "hall";
    public string Description => "hall tickets issued and called per second (1 vs 50 counters), p95 call -> display event on two other app nodes";

    public async Task<string> RunAsync()
    {
        var tickets = BenchApp.IntOption("hall-tickets", 2000);
        var counters = BenchApp.IntOption("hall-counters", 50);
        const int baselineTickets = 200;
        await using var app = BenchApp.Create("hall");
        await PrepareAsync(app, counters);

        var nodes = new List<AppProcess>();
        try
        {
            nodes.Add(await AppProcess.StartAsync("hall-node-b", app.DatabaseName));
            nodes.Add(await AppProcess.StartAsync("hall-node-c", app.DatabaseName));
            var started = new ConcurrentDictionary<string, long>();
            var latencies = nodes.ToDictionary(n => n.Name, _ => new ConcurrentBag<double>());
            using var stop = new CancellationTokenSource();
            var readers = nodes.Select(n => ListenAsync(n, started, latencies[n.Name], stop.Token)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));  // streams connected

            var (issueBase, _) = await IssueAsync(app, baselineTickets, kiosks: 1);
            var callBase = await CallAllAsync(app, 1, started);
            var (issued, issueErrors) = await IssueAsync(app, tickets, kiosks: 8);
            var called = await CallAllAsync(app, counters, started);
            await Task.Delay(TimeSpan.FromSeconds(3));  // the last events arrive
            stop.Cancel();
            await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { })));

            var sb = new StringBuilder();
            sb.AppendLine($"machine              : {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            sb.AppendLine($"nodes                : calls on node A (in-process); displays = SSE streams of node B and node C (separate processes), LISTEN/NOTIFY backplane");
            sb.AppendLine($"issue                : 1 kiosk  {issueBase,8:F0} tickets/s ({baselineTickets} tickets)");
            sb.AppendLine($"                       8 kiosks {issued,8:F0} tickets/s ({tickets} tickets, {issueErrors} errors); ratio {issued / issueBase:F2}x");
            sb.AppendLine($"call next + end      : 1 counter  {callBase.PerSecond,8:F0} calls/s ({callBase.Calls} calls)");
            sb.AppendLine($"                       {counters} counters {called.PerSecond,8:F0} calls/s ({called.Calls} calls, {called.Duplicates} called twice); ratio {called.PerSecond / callBase.PerSecond:F2}x");
            foreach (var (node, bag) in latencies)
            {
                var sorted = bag.OrderBy(x => x).ToList();
                var p95 = BenchApp.Percentile(sorted, 0.95);
                sb.AppendLine($"call -> display {node[^1]}    : {sorted.Count} of {baselineTickets + tickets} events; p50 {BenchApp.Percentile(sorted, 0.5),6:F0} ms, p95 {p95,6:F0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN),6:F0} ms; goal p95 < 1 s: {(p95 < 1000 ? "MET" : "NOT met")}");
            }
            return sb.ToString().TrimEnd();
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The hall open now: business time moved to the next working day at 10:00, one queue served by every bench counter.</summary>
    private static async Task PrepareAsync(BenchApp app, int counters)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var calendar = await sp.GetRequiredService<CalendarProvider>().GetAsync();
        var today = HallOperations.DayOf(sp.GetRequiredService<BusinessClock>().GetUtcNow());
        var target = HallHours.At(calendar.NextWorkingDay(today).Value, new TimeOnly(10, 0));
        await sp.GetRequiredService<TrainingClock>().MoveToAsync(target, "bench", "基准测试", null, "hall benchmark: open hours");
        var db = sp.GetRequiredService<AppDbContext>();
        for (var i = 0; i < counters; i++) db.Add(new HallCounter { Id = 1000 + i, Name = $"{1000 + i} 号窗口", Hours = HoursKind.Normal, ServiceIds = ["general"] });
        await db.SaveChangesAsync();
        for (var i = 0; i < counters; i++) await sp.GetRequiredService<HallOperations>().SignInAsync(1000 + i, Clerk(i));
    }

    private static HallActor Clerk(int i) => new($"bench-clerk-{i}", $"基准窗口{i}");

    private static async Task<(double PerSecond, int Errors)> IssueAsync(BenchApp app, int n, int kiosks)
    {
        var next = -1;
        var errors = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, kiosks).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < n)
            {
                using var scope = app.Services.CreateScope();
                try { await scope.ServiceProvider.GetRequiredService<HallOperations>().IssueAsync("general", TicketSource.Kiosk, HallActor.Kiosk); }
                catch (HallException) { Interlocked.Increment(ref errors); }
            }
        })));
        return (n / sw.Elapsed.TotalSeconds, errors);
    }

    private sealed record CallResult(int Calls, int Duplicates, double PerSecond);

    private static async Task<CallResult> CallAllAsync(BenchApp app, int counters, ConcurrentDictionary<string, long> started)
    {
        var numbers = new ConcurrentBag<string>();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, counters).Select(c => Task.Run(async () =>
        {
            while (true)
            {
                using var scope = app.Services.CreateScope();
                var hall = scope.ServiceProvider.GetRequiredService<HallOperations>();
                var t0 = Stopwatch.GetTimestamp();
                HallTicket t;
                try { t = await hall.CallNextAsync(Clerk(c)); }
                catch (HallException e) when (e.Status == 404) { return; }
                started[t.Number] = t0;
                numbers.Add(t.Number);
                await hall.EndAsync(Clerk(c));
            }
        })));
        var list = numbers.ToList();
        return new CallResult(list.Count, list.Count - list.Distinct().Count(), list.Count / sw.Elapsed.TotalSeconds);
    }

    /// <summary>One display: reads the node's SSE stream and records, for each call event, the time since its call started.</summary>
    private static async Task ListenAsync(AppProcess node, ConcurrentDictionary<string, long> started, ConcurrentBag<double> latencies, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.GetAsync(node.BaseUrl + "/api/v1/hall/display/events", HttpCompletionOption.ResponseHeadersRead, ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string? evt = null;
        while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) evt = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && evt == "call")
            {
                var now = Stopwatch.GetTimestamp();
                var number = JsonDocument.Parse(line[6..]).RootElement.GetProperty("number").GetString()!;
                // The event can outrun the caller recording its start: wait for it briefly.
                for (var i = 0; i < 50 && !started.ContainsKey(number); i++) await Task.Delay(1, ct);
                if (started.TryGetValue(number, out var t0)) latencies.Add(Stopwatch.GetElapsedTime(t0, now).TotalMilliseconds);
            }
        }
    }
}
