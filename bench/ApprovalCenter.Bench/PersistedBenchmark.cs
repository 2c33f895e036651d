using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Bench;

/// <summary>
/// Persisted workflow transitions per second on PostgreSQL (issue 4): workers drive cases through
/// the real <see cref="CaseService"/> (submit → accept → submit-opinion → approve → deliver = 5
/// transitions, each its own scope and transaction: engine + clock + journal + durable timers +
/// notifications + sealed documents). Baseline: 1 worker; measured: 16 workers. Goal ≥ 1,000/s.
/// Each transition's time is also recorded per action. A second, measured variant excludes the
/// effects of documents (and timers): prepared cases bounce submit-opinion ↔ return-to-review,
/// two transitions that issue no document and set no timer.
/// Seconds per phase: --persisted-seconds=N (default 30).
/// </summary>
public sealed class PersistedBenchmark : IBenchmark
{
    private const int Workers = 16;
    private static readonly string[] Steps = ["submit", "accept", "submit-opinion", "approve", "deliver"];

    public string Name => "persisted";
    public string Description => "persisted case transitions/s through CaseService on PostgreSQL: 16 workers vs 1";

    public async Task<string> RunAsync()
    {
        var seconds = BenchApp.IntOption("persisted-seconds", 30);
        await using var app = BenchApp.Create("persisted");
        var kit = new CaseTestKit(app.Services);
        var actors = new Dictionary<string, CaseActor>();
        foreach (var u in new[] { "company", "clerk", "reviewer.zj", "chief.zj" }) actors[u] = await kit.ActorAsync(u);
        AppUser applicant;
        using (var scope = app.Services.CreateScope())
            applicant = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("company"))!;

        // Warm-up: JIT, connection pool, fonts, the seal certificate.
        await RunAsync(app.Services, actors, applicant, 2, TimeSpan.FromSeconds(5));
        var baseline = await RunAsync(app.Services, actors, applicant, 1, TimeSpan.FromSeconds(seconds));
        var parallel = await RunAsync(app.Services, actors, applicant, Workers, TimeSpan.FromSeconds(seconds));

        // Document-free variant, measured: cases prepared (submit + accept, untimed) and then bounced
        // between review and decide (submit-opinion ↔ return-to-review): neither issues a document nor
        // changes a timer, so this is the engine + clock + journal + row-version save path alone.
        var freeBase = await DocumentFreeAsync(app.Services, actors, applicant, 1, casesEach: 12);
        var freePar = await DocumentFreeAsync(app.Services, actors, applicant, Workers, casesEach: 12);
        var sealMs = MeasureSeal(app.Services);

        var sb = new StringBuilder();
        sb.AppendLine($"workload             : standard process ZJ-001, 5 transitions per case, {seconds} s per phase, {Environment.ProcessorCount} cores");
        sb.AppendLine("-- full cases (includes 3 sealed PDFs per case, durable timers + Quartz triggers, notifications, journal)");
        sb.AppendLine(baseline.Line("baseline 1 worker   "));
        sb.AppendLine(parallel.Line($"{Workers} workers          "));
        sb.AppendLine($"ratio {Workers}/1           : {parallel.PerSecond / baseline.PerSecond:F2}x");
        sb.AppendLine($"goal >= 1,000/s      : {(parallel.PerSecond >= 1000 ? "met" : "NOT met")} ({parallel.PerSecond:F0}/s with {Workers} workers)");
        sb.AppendLine($"mean ms per action   : 1 worker   {baseline.PerAction()}");
        sb.AppendLine($"                       {Workers} workers {parallel.PerAction()}");
        sb.AppendLine($"render+seal 1 doc    : {sealMs:F1} ms single thread (accept, approve, deliver each issue one; they also set/cancel Quartz triggers)");
        sb.AppendLine($"-- documents and timers excluded (submit-opinion <-> return-to-review, {DocumentFreeRounds * 2} transitions per case)");
        sb.AppendLine(freeBase.Line("baseline 1 worker   "));
        sb.AppendLine(freePar.Line($"{Workers} workers          "));
        sb.AppendLine($"ratio {Workers}/1           : {freePar.PerSecond / freeBase.PerSecond:F2}x");
        sb.Append($"goal >= 1,000/s      : {(freePar.PerSecond >= 1000 ? "met" : "NOT met")} ({freePar.PerSecond:F0}/s with {Workers} workers, document-free transitions)");
        return sb.ToString();
    }

    private static double MeasureSeal(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<SealedDocumentService>();
        var content = DocumentTemplates.Acceptance(
            new DocumentHeader("QYGX-2026-000001", new DateOnly(2026, 11, 21),
                DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26", "Qingyuan Example Construction Co., Ltd."),
                new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001")),
            new(new DateOnly(2026, 11, 21), 3, new DateOnly(2026, 11, 26)));
        for (var i = 0; i < 5; i++) sealer.Seal(content);
        const int n = 30;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) sealer.Seal(content);
        return sw.Elapsed.TotalMilliseconds / n;
    }

    private const int DocumentFreeRounds = 10;

    /// <summary>The hand-over the deliver action needs: an e-licence whose download the applicant confirmed.</summary>
    private static readonly Dictionary<string, object?> ElectronicHandOver = new() { ["deliveryMethod"] = "电子证照", ["electronicLicenceConfirmed"] = true };

    private static async Task<Result> DocumentFreeAsync(IServiceProvider services, Dictionary<string, CaseActor> actors, AppUser applicant, int workers, int casesEach)
    {
        var data = new Dictionary<string, object?> { ["projectName"] = "基准测试项目" };
        var prepared = new List<string>[workers];
        var next = -1;
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < workers * casesEach)
            {
                string number;
                // A complete application (stored materials, signed declaration), as the portal submits it.
                number = (await new ApprovalCenter.Testing.CaseTestKit(services).SubmitAsync("company", "ZJ-001", CaseMode.Normal, data)).Number;
                using (var scope = services.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, "accept", null), actors["clerk"]);
                numbers.Add(number);
            }
        })));
        var all = numbers.ToList();
        for (var w = 0; w < workers; w++) prepared[w] = all.Skip(w * casesEach).Take(casesEach).ToList();

        var transitions = 0;
        var errors = 0;
        var perAction = new ConcurrentDictionary<string, (double, int)>();
        var opinion = new Dictionary<string, object?> { ["opinion"] = "符合法定条件" };
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(prepared.Select(mine => Task.Run(async () =>
        {
            foreach (var number in mine)
                for (var round = 0; round < DocumentFreeRounds; round++)
                {
                    try
                    {
                        await Step(number, "submit-opinion", actors["reviewer.zj"], opinion);
                        await Step(number, "return-to-review", actors["chief.zj"], new() { ["reason"] = "基准测试：退回重审" });
                    }
                    catch (CaseException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
        })));
        var elapsed = sw.Elapsed;
        return new Result(workers, transitions, workers * casesEach, errors, elapsed, new Dictionary<string, (double, int)>(perAction));

        async Task Step(string number, string action, CaseActor actor, Dictionary<string, object?>? stepData)
        {
            using var scope = services.CreateScope();
            var t = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, action, stepData), actor);
            var ms = t.Elapsed.TotalMilliseconds;
            Interlocked.Increment(ref transitions);
            perAction.AddOrUpdate(action, (ms, 1), (_, a) => (a.Item1 + ms, a.Item2 + 1));
        }
    }

    private sealed record Result(int WorkerCount, int Transitions, int Cases, int Conflicts, TimeSpan Elapsed, IReadOnlyDictionary<string, (double TotalMs, int Count)> Actions)
    {
        public double PerSecond => Transitions / Elapsed.TotalSeconds;
        public string Line(string label) =>
            $"{label}: {PerSecond,8:F1} transitions/s  ({Elapsed.TotalMilliseconds / Math.Max(1, Transitions) * WorkerCount:F1} ms per transition per worker; {Transitions:N0} transitions, {Cases:N0} cases in {Elapsed.TotalSeconds:F1} s, {Conflicts} errors)";
        public string PerAction() => string.Join("  ", Steps.Select(s => Actions.TryGetValue(s, out var a) && a.Count > 0 ? $"{s} {a.TotalMs / a.Count:F1}" : $"{s} -"));
    }

    private static async Task<Result> RunAsync(IServiceProvider services, Dictionary<string, CaseActor> actors, AppUser applicant, int workers, TimeSpan duration)
    {
        var transitions = 0;
        var cases = 0;
        var errors = 0;
        var perAction = new ConcurrentDictionary<string, (double, int)>();
        var stopAt = Stopwatch.StartNew();
        var data = new Dictionary<string, object?> { ["projectName"] = "基准测试项目" };
        var opinion = new Dictionary<string, object?> { ["opinion"] = "符合法定条件" };
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (stopAt.Elapsed < duration)
            {
                try
                {
                    var number = (await Timed("submit", sp => new ApprovalCenter.Testing.CaseTestKit(sp).SubmitAsync("company", "ZJ-001", CaseMode.Normal, data))).Number;
                    Interlocked.Increment(ref transitions);
                    await Timed("accept", sp => sp.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, "accept", null), actors["clerk"]));
                    Interlocked.Increment(ref transitions);
                    await Timed("submit-opinion", sp => sp.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, "submit-opinion", opinion), actors["reviewer.zj"]));
                    Interlocked.Increment(ref transitions);
                    await Timed("approve", sp => sp.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, "approve", null), actors["chief.zj"]));
                    Interlocked.Increment(ref transitions);
                    await Timed("deliver", sp => sp.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, "deliver", ElectronicHandOver), actors["clerk"]));
                    Interlocked.Increment(ref transitions);
                    Interlocked.Increment(ref cases);
                }
                catch (CaseException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var elapsed = stopAt.Elapsed;
        return new Result(workers, transitions, cases, errors, elapsed, new Dictionary<string, (double, int)>(perAction));

        async Task<CaseRecord> Timed(string action, Func<IServiceProvider, Task<CaseRecord>> run)
        {
            using var scope = services.CreateScope();   // one request's worth: own DbContext, own transaction
            var sw = Stopwatch.StartNew();
            var record = await run(scope.ServiceProvider);
            var ms = sw.Elapsed.TotalMilliseconds;
            perAction.AddOrUpdate(action, (ms, 1), (_, a) => (a.Item1 + ms, a.Item2 + 1));
            return record;
        }
    }
}
