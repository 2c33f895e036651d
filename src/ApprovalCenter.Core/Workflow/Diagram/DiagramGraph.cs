using ApprovalCenter.Cases.Actions;

namespace ApprovalCenter.Workflow.Diagram;

/// <summary>One caption on an edge: what happens (Chinese) and, small, who does it.</summary>
public sealed record EdgeLabel(string Text, string? Note);

/// <summary>All transitions from one step to another, merged into one edge with every caption.
/// A back edge closes a loop (it leads to a step already on the path from the start).</summary>
public sealed record DiagramEdge(string From, string To, IReadOnlyList<EdgeLabel> Labels, bool Back);

/// <summary>
/// The graph of a definition as the diagram draws it: steps in discovery order from the start,
/// transitions merged per pair of steps, and loops marked as back edges by a depth-first walk
/// that follows the definition's own order (so the result is deterministic).
/// </summary>
public sealed class DiagramGraph
{
    public required IReadOnlyList<StepDef> Steps { get; init; }
    public required IReadOnlyList<DiagramEdge> Edges { get; init; }

    public static DiagramGraph Of(ProcessDefinition def)
    {
        var raw = new List<(string From, string To, EdgeLabel Label)>();
        foreach (var s in def.StepList)
        {
            foreach (var a in s.Actions.Where(a => a.To is not null))
                raw.Add((s.Id, a.To!, new EdgeLabel(Labels.Action(a.Name), a.Roles.Count == 0 ? null : string.Join("/", a.Roles.Select(r => Labels.Role(r))))));
            foreach (var t in s.Timers.Where(t => t.To is not null))
                raw.Add((s.Id, t.To!, new EdgeLabel("⏱ " + Labels.Timer(t.Name), null)));
            foreach (var e in s.Events.Where(e => e.To is not null))
                raw.Add((s.Id, e.To!, new EdgeLabel("事件：" + Labels.Event(e.Name), null)));
            foreach (var r in s.Next.Concat(s.Branches))
            {
                var conditional = s.Next.Concat(s.Branches).Any(x => x.When is not null);
                var text = r.When is { } w ? "若 " + Shorten(w.Text, 22) : conditional ? "否则" : null;
                raw.Add((s.Id, r.To, new EdgeLabel(text ?? "", null)));
            }
        }

        var outgoing = raw.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
        var order = new List<string>();
        var back = new HashSet<(string, string)>();
        var state = new Dictionary<string, int>(); // 1 on stack, 2 done
        void Visit(string id)
        {
            state[id] = 1;
            order.Add(id);
            foreach (var to in outgoing.GetValueOrDefault(id) ?? [])
            {
                if (!state.TryGetValue(to, out var st)) Visit(to);
                else if (st == 1) back.Add((id, to));
            }
            state[id] = 2;
        }
        Visit(def.Start);
        foreach (var s in def.StepList.Where(s => !state.ContainsKey(s.Id))) Visit(s.Id);

        var edges = raw.GroupBy(e => (e.From, e.To))
            .Select(g => new DiagramEdge(g.Key.From, g.Key.To, g.Select(e => e.Label).Where(l => l.Text.Length > 0).Distinct().ToList(), back.Contains(g.Key)))
            .ToList();
        return new DiagramGraph { Steps = order.Select(def.Step).ToList(), Edges = edges };
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
