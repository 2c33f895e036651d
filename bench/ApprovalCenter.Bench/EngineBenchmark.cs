using System.Diagnostics;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Bench;

/// <summary>
/// Engine transitions per second, in memory: many cases run through the standard process
/// (start, accept, opinion, decision, delivery = 5 transitions each). No database, no timers —
/// this measures only the pure engine, so a slowdown here is the engine's own.
/// </summary>
public sealed class EngineBenchmark : IBenchmark
{
    public string Name => "engine";
    public string Description => "工作流引擎内存吞吐：标准承诺件流程的状态流转次数/秒";

    public Task<string> RunAsync()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "workflows", "processes");
        var files = Directory.GetFiles(dir, "*.json").Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f)));
        var loaded = ProcessDefinitionLoader.LoadAll(files);
        if (!loaded.IsSuccess) throw new InvalidOperationException(string.Join("\n", loaded.Errors));
        var engine = new WorkflowEngine(new DefinitionRegistry(loaded.Value!));

        Run(engine, 2_000); // warm-up
        const int cases = 50_000;
        var sw = Stopwatch.StartNew();
        var transitions = Run(engine, cases);
        sw.Stop();
        var perSecond = transitions / sw.Elapsed.TotalSeconds;
        return Task.FromResult(
            $"cases: {cases:N0}, transitions: {transitions:N0}, elapsed: {sw.Elapsed.TotalMilliseconds:N0} ms\n" +
            $"engine transitions/s: {perSecond:N0}  ({sw.Elapsed.TotalMilliseconds * 1000 / transitions:N1} µs per transition, single thread)");
    }

    private static int Run(WorkflowEngine engine, int cases)
    {
        var clerk = new Actor("clerk", "Clerk");
        var reviewer = new Actor("reviewer", "Reviewer", "住建");
        var chief = new Actor("chief", "ChiefRepresentative", "住建");
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var start = new Dictionary<string, object?> { ["department"] = "住建", ["itemCode"] = "ZJ-001" };
        var opinion = new Dictionary<string, object?> { ["opinion"] = "符合法定条件" };
        var transitions = 0;
        for (var i = 0; i < cases; i++)
        {
            var c = engine.Start("standard", "c" + i, clerk, start, at).Required;
            c = engine.Act(c, "accept", clerk, null, at).Required;
            c = engine.Act(c, "submit-opinion", reviewer, opinion, at).Required;
            c = engine.Act(c, "approve", chief, null, at).Required;
            c = engine.Act(c, "deliver", clerk, null, at).Required;
            if (c.Outcome != "approved") throw new InvalidOperationException("benchmark case did not finish");
            transitions += 5;
        }
        return transitions;
    }
}
