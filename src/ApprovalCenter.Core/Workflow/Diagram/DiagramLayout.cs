namespace ApprovalCenter.Workflow.Diagram;

/// <summary>A box in the layout: a step, or a bend point of an edge that spans several layers.</summary>
public sealed class LayoutNode
{
    public required string Id { get; init; }
    public StepDef? Step { get; init; }
    public int Layer { get; set; }
    public double X { get; set; }          // centre
    public double Y { get; set; }          // top
    public double W { get; set; }
    public double H { get; set; }
    public IReadOnlyList<string> Lines { get; set; } = [];
    public bool IsBend => Step is null;
    public bool IsDiamond => Step?.Kind is StepKind.Fork or StepKind.Join;
    public double Cy => Y + H / 2;
    public double Bottom => Y + H;
}

/// <summary>
/// Layered (Sugiyama-style) layout, top to bottom: a step's layer is its longest path from the
/// start over forward edges; edges spanning several layers get bend points; the order inside a
/// layer is improved by barycentre sweeps and positions are pulled towards connected nodes.
/// Everything iterates in definition order, so the same definition always gives the same layout.
/// </summary>
public sealed class DiagramLayout
{
    public const double NodeWidth = 184, DiamondWidth = 200, BendWidth = 16, Gap = 40, FontSize = 13, LineHeight = 17;

    public required IReadOnlyList<LayoutNode> Nodes { get; init; }
    public required IReadOnlyDictionary<string, LayoutNode> ById { get; init; }
    /// <summary>Per forward edge, the chain of node ids from source through bend points to target.</summary>
    public required IReadOnlyList<(DiagramEdge Edge, IReadOnlyList<string> Chain)> Forward { get; init; }
    public required IReadOnlyList<DiagramEdge> Back { get; init; }
    public required IReadOnlyList<IReadOnlyList<LayoutNode>> Layers { get; init; }

    public static DiagramLayout Of(DiagramGraph graph)
    {
        var nodes = graph.Steps.Select(s => new LayoutNode { Id = s.Id, Step = s }).ToList();
        var byId = nodes.ToDictionary(n => n.Id);
        var forward = graph.Edges.Where(e => !e.Back && e.From != e.To).ToList();

        // Longest path from the start over forward edges (a DAG), relaxed in discovery order.
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var e in forward)
                if (byId[e.To].Layer < byId[e.From].Layer + 1) { byId[e.To].Layer = byId[e.From].Layer + 1; changed = true; }
        }

        var chains = new List<(DiagramEdge, IReadOnlyList<string>)>();
        foreach (var e in forward)
        {
            var chain = new List<string> { e.From };
            for (var l = byId[e.From].Layer + 1; l < byId[e.To].Layer; l++)
            {
                var bend = new LayoutNode { Id = $"{e.From}>{e.To}#{l}", Layer = l, W = BendWidth };
                nodes.Add(bend); byId[bend.Id] = bend; chain.Add(bend.Id);
            }
            chain.Add(e.To);
            chains.Add((e, chain));
        }
        foreach (var n in nodes.Where(n => !n.IsBend)) Size(n);

        var layerCount = nodes.Max(n => n.Layer) + 1;
        var layers = Enumerable.Range(0, layerCount).Select(l => nodes.Where(n => n.Layer == l).ToList()).ToList();
        var preds = nodes.ToDictionary(n => n.Id, _ => new List<string>());
        var succs = nodes.ToDictionary(n => n.Id, _ => new List<string>());
        foreach (var (_, chain) in chains)
            for (var i = 1; i < chain.Count; i++) { preds[chain[i]].Add(chain[i - 1]); succs[chain[i - 1]].Add(chain[i]); }

        // Captions sit in the gap below a layer; the gap grows with the tallest stack of captions.
        var back = graph.Edges.Where(e => e.Back || e.From == e.To).ToList();
        var captionLines = Enumerable.Range(0, layerCount)
            .Select(l => chains.Where(c => byId[c.Item1.From].Layer == l).Select(c => c.Item1.Labels.Count).DefaultIfEmpty(0).Max()
                       + back.Where(e => byId[e.To].Layer == l && byId[e.From].Layer == l + 1).Select(e => e.Labels.Count).DefaultIfEmpty(0).Max()).ToArray();
        Order(layers, preds, succs);
        Place(layers, preds, succs, captionLines);
        return new DiagramLayout
        {
            Nodes = nodes, ById = byId, Forward = chains, Back = back,
            Layers = layers,
        };
    }

    /// <summary>A back edge between neighbouring layers is drawn beside its forward partner; longer ones go round the side in a lane.</summary>
    public bool IsShortBack(DiagramEdge e) => e.From != e.To && ById[e.From].Layer == ById[e.To].Layer + 1;

    /// <summary>
    /// Where an edge attaches to a node: at the bottom (edges down to the next layer, short back
    /// edges coming up) or the top. A box spreads its attachments along the side in the order of
    /// the other ends, a forward edge before its back partner, so pairs never cross.
    /// </summary>
    public (double X, double Y) Port(string node, string other, bool back, bool bottom)
    {
        var n = ById[node];
        var y = bottom ? n.Bottom : n.Y;
        if (n.IsBend || n.IsDiamond) return (n.X, y);
        var list = new List<(string Other, bool Back)>();
        foreach (var (_, chain) in Forward)
            for (var i = 1; i < chain.Count; i++)
            {
                if (bottom && chain[i - 1] == node) list.Add((chain[i], false));
                if (!bottom && chain[i] == node) list.Add((chain[i - 1], false));
            }
        foreach (var e in Back.Where(e => e.From != e.To))
        {
            if (bottom && e.To == node) list.Add((e.From, true));
            if (!bottom && e.From == node) list.Add((e.To, true));
        }
        var sorted = list.OrderBy(a => ById[a.Other].X).ThenBy(a => a.Back).ThenBy(a => a.Other, StringComparer.Ordinal).ToList();
        var index = sorted.IndexOf((other, back));
        var spacing = Math.Min(28, n.W * 0.75 / Math.Max(1, sorted.Count));
        return (n.X + (index - (sorted.Count - 1) / 2.0) * spacing, y);
    }

    private static void Size(LayoutNode n)
    {
        var diamond = n.IsDiamond;
        n.W = diamond ? DiamondWidth : NodeWidth;
        n.Lines = TextMetrics.Wrap(n.Step!.Name, diamond ? 128 : n.W - 24, diamond ? 12 : FontSize, 3);
        n.H = diamond ? 44 + n.Lines.Count * 16 : 22 + n.Lines.Count * LineHeight;
    }

    private static void Order(List<List<LayoutNode>> layers, Dictionary<string, List<string>> preds, Dictionary<string, List<string>> succs)
    {
        var pos = new Dictionary<string, double>();
        void Index() { foreach (var layer in layers) for (var i = 0; i < layer.Count; i++) pos[layer[i].Id] = i; }
        Index();
        for (var sweep = 0; sweep < 4; sweep++)
        {
            var down = sweep % 2 == 0;
            var range = down ? Enumerable.Range(1, layers.Count - 1) : Enumerable.Range(0, layers.Count - 1).Reverse();
            foreach (var l in range)
            {
                var neighbours = down ? preds : succs;
                var layer = layers[l];
                var keys = layer.ToDictionary(n => n.Id, n => neighbours[n.Id].Count == 0 ? pos[n.Id] : neighbours[n.Id].Average(p => pos[p]) * 1.0001);
                layers[l] = layer.OrderBy(n => keys[n.Id]).ToList();
                for (var i = 0; i < layers[l].Count; i++) pos[layers[l][i].Id] = i;
            }
        }
    }

    private static double Sep(LayoutNode a, LayoutNode b) => (a.W + b.W) / 2 + (a.IsBend || b.IsBend ? 20 : Gap);

    private static void Place(List<List<LayoutNode>> layers, Dictionary<string, List<string>> preds, Dictionary<string, List<string>> succs, int[] captionLines)
    {
        foreach (var layer in layers)
        {
            var x = 0.0;
            for (var i = 0; i < layer.Count; i++) { if (i > 0) x += Sep(layer[i - 1], layer[i]); layer[i].X = x; }
            var shift = x / 2;
            foreach (var n in layer) n.X -= shift;
        }
        for (var sweep = 0; sweep < 6; sweep++)
        {
            var down = sweep % 2 == 0;
            var range = down ? Enumerable.Range(1, layers.Count - 1) : Enumerable.Range(0, layers.Count - 1).Reverse();
            var byId = layers.SelectMany(l => l).ToDictionary(n => n.Id);
            foreach (var l in range)
            {
                var layer = layers[l];
                var neighbours = down ? preds : succs;
                var desired = layer.Select(n => neighbours[n.Id].Count == 0 ? n.X : neighbours[n.Id].Average(p => byId[p].X)).ToArray();
                var left = new double[layer.Count]; var right = new double[layer.Count];
                for (var i = 0; i < layer.Count; i++) left[i] = i == 0 ? desired[i] : Math.Max(desired[i], left[i - 1] + Sep(layer[i - 1], layer[i]));
                for (var i = layer.Count - 1; i >= 0; i--) right[i] = i == layer.Count - 1 ? desired[i] : Math.Min(desired[i], right[i + 1] - Sep(layer[i], layer[i + 1]));
                for (var i = 0; i < layer.Count; i++) layer[i].X = Math.Round((left[i] + right[i]) / 2, 1);
            }
        }
        var y = 0.0;
        for (var l = 0; l < layers.Count; l++)
        {
            var height = layers[l].Where(n => !n.IsBend).Select(n => n.H).DefaultIfEmpty(20).Max();
            foreach (var n in layers[l])
            {
                if (n.IsBend) { n.Y = y; n.H = height; }
                else n.Y = y + (height - n.H) / 2;
            }
            y += height + 44 + 15 * captionLines[l];
        }
    }
}
