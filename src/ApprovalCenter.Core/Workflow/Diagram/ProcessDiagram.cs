using ApprovalCenter.Cases.Actions;
using System.Globalization;
using System.Text;

namespace ApprovalCenter.Workflow.Diagram;

/// <summary>
/// Draws a process definition as a self-contained SVG (no scripts, no external fonts or images):
/// steps top to bottom in layers, transitions as arrows captioned with the action and, small, the
/// role; loops as curved arcs on the side. Shapes tell the step kind (task box, fork/join diamond,
/// double-bordered end, stacked sub-cases, dashed automatic step); ⏱ marks timers and a tag shows
/// when the clock is paused or excluded. Current steps are outlined thick red, visited ones
/// lightly filled. Pure and deterministic: the same input always gives the same text.
/// </summary>
public static class ProcessDiagram
{
    public const string FontFamily = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
    private const double Margin = 24, Top = 34, CaptionSize = 11, NoteSize = 9.5, CaptionLine = 15;

    public static string ToSvg(ProcessDefinition def, IReadOnlySet<string>? highlightSteps = null, IReadOnlySet<string>? visitedSteps = null)
    {
        var graph = DiagramGraph.Of(def);
        var layout = DiagramLayout.Of(graph);
        var current = highlightSteps ?? new HashSet<string>();
        var visited = visitedSteps ?? new HashSet<string>();
        var key = Slug(def.Id);
        var bounds = new Bounds();
        foreach (var n in layout.Nodes) { bounds.Add(n.X - n.W / 2 - 4, n.Y - 12); bounds.Add(n.X + n.W / 2 + 8, n.Bottom + 8); }

        var edges = new StringBuilder();
        var requests = new List<CaptionRequest>();
        foreach (var (edge, chain) in layout.Forward) DrawForward(edge, chain, layout, key, edges, requests, bounds);
        DrawBack(layout, key, edges, requests, bounds);
        var captions = new StringBuilder();
        PlaceCaptions(requests, layout, captions, bounds);

        var nodes = new StringBuilder();
        var start = layout.ById[def.Start];
        nodes.Append($"<g class=\"start\"><circle cx=\"{F(start.X)}\" cy=\"{F(start.Y - Top + 6)}\" r=\"6\" fill=\"#1d1d1f\"/>")
             .Append($"<line x1=\"{F(start.X)}\" y1=\"{F(start.Y - Top + 12)}\" x2=\"{F(start.X)}\" y2=\"{F(start.Y - 2)}\" stroke=\"#555\" stroke-width=\"1.4\" marker-end=\"url(#{key}-arrow)\"/></g>\n");
        bounds.Add(start.X, start.Y - Top);
        foreach (var n in layout.Nodes.Where(n => !n.IsBend)) DrawNode(n, current.Contains(n.Id), visited.Contains(n.Id), nodes, bounds);

        var (x0, y0, w, h) = (bounds.MinX - Margin, bounds.MinY - Margin, bounds.MaxX - bounds.MinX + 2 * Margin, bounds.MaxY - bounds.MinY + 2 * Margin);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-diagram\" data-definition=\"{X(def.Id)}\" data-version=\"{X(def.Version)}\" ")
           .Append($"viewBox=\"{F(x0)} {F(y0)} {F(w)} {F(h)}\" width=\"{F(w)}\" height=\"{F(h)}\" role=\"img\" aria-labelledby=\"{key}-title\" ")
           .Append($"font-family=\"{FontFamily}\" font-size=\"{F(DiagramLayout.FontSize)}\">\n")
           .Append($"<title id=\"{key}-title\">{X(def.Name)}（{X(def.Id)}）流程图</title>\n")
           .Append("<defs>")
           .Append($"<marker id=\"{key}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker>")
           .Append($"<marker id=\"{key}-arrow-back\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#9a5b00\"/></marker>")
           .Append("</defs>\n")
           .Append($"<rect x=\"{F(x0)}\" y=\"{F(y0)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"#ffffff\"/>\n")
           .Append("<g class=\"edges\" fill=\"none\">\n").Append(edges).Append("</g>\n")
           .Append("<g class=\"nodes\">\n").Append(nodes).Append("</g>\n")
           .Append("<g class=\"captions\">\n").Append(captions).Append("</g>\n")
           .Append("</svg>");
        return svg.ToString();
    }

    private static void DrawForward(DiagramEdge edge, IReadOnlyList<string> chain, DiagramLayout layout, string key, StringBuilder edges, List<CaptionRequest> captions, Bounds bounds)
    {
        var from = layout.ById[edge.From];
        var to = layout.ById[edge.To];
        var points = new List<(double X, double Y)> { layout.Port(edge.From, chain[1], back: false, bottom: true) };
        foreach (var bend in chain.Skip(1).SkipLast(1).Select(id => layout.ById[id])) { points.Add((bend.X, bend.Y)); points.Add((bend.X, bend.Bottom)); }
        points.Add(layout.Port(edge.To, chain[^2], back: false, bottom: false));
        var d = new StringBuilder($"M{F(points[0].X)},{F(points[0].Y)}");
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var my = (a.Y + b.Y) / 2;
            d.Append(a.X == b.X ? $" L{F(b.X)},{F(b.Y)}" : $" C{F(a.X)},{F(my)} {F(b.X)},{F(my)} {F(b.X)},{F(b.Y)}");
        }
        edges.Append($"<path class=\"edge\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\" d=\"{d}\" stroke=\"#555\" stroke-width=\"1.4\" marker-end=\"url(#{key}-arrow)\"/>\n");
        var (p, q) = (points[0], points[1]);
        // With a back partner beside it, the caption moves left so the partner's can sit on the right.
        var paired = layout.Back.Any(b => b.From == edge.To && b.To == edge.From && layout.IsShortBack(b));
        captions.Add(new CaptionRequest(edge, CaptionSteps.Select(t => OnCurve(p, q, t)).Select(c => (c.X - (paired ? 6 : 0), c.Y)).ToList(), paired ? "end" : "middle"));
    }

    private static void DrawBack(DiagramLayout layout, string key, StringBuilder edges, List<CaptionRequest> captions, Bounds bounds)
    {
        var lanes = 0;
        foreach (var edge in layout.Back)
        {
            if (layout.IsShortBack(edge))
            {
                var (ax, ay) = layout.Port(edge.From, edge.To, back: true, bottom: false);
                var (bx, by) = layout.Port(edge.To, edge.From, back: true, bottom: true);
                var my = (ay + by) / 2;
                edges.Append($"<path class=\"edge back\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\" d=\"M{F(ax)},{F(ay)} C{F(ax)},{F(my)} {F(bx)},{F(my)} {F(bx)},{F(by)}\" ")
                     .Append($"stroke=\"#9a5b00\" stroke-width=\"1.4\" stroke-dasharray=\"6 3\" marker-end=\"url(#{key}-arrow-back)\"/>\n");
                captions.Add(new CaptionRequest(edge, CaptionSteps.Select(t => OnCurve((ax, ay), (bx, by), t)).Select(c => (c.X + 6, c.Y)).ToList(), "start"));
                continue;
            }
            var from = layout.ById[edge.From];
            var to = layout.ById[edge.To];
            if (from == to)
            {
                var (rx, ry) = (from.X + from.W / 2, from.Cy);
                edges.Append($"<path class=\"edge back\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\" d=\"M{F(rx)},{F(ry - 8)} C{F(rx + 40)},{F(ry - 24)} {F(rx + 40)},{F(ry + 24)} {F(rx)},{F(ry + 8)}\" ")
                     .Append($"stroke=\"#9a5b00\" stroke-width=\"1.4\" stroke-dasharray=\"6 3\" marker-end=\"url(#{key}-arrow-back)\"/>\n");
                bounds.Add(rx + 40, ry);
                captions.Add(new CaptionRequest(edge, [(rx + 34, ry)], "start"));
                continue;
            }
            // A loop over several layers: up from the source's top into the gap above it, along a lane
            // outside every box in between, and into the target's bottom from the gap below it.
            var (a1, a2) = layout.Port(edge.From, edge.To, back: true, bottom: false);
            var (b1, b2) = layout.Port(edge.To, edge.From, back: true, bottom: true);
            var inner = layout.Nodes.Where(n => !n.IsBend && n.Layer > to.Layer && n.Layer < from.Layer).ToList();
            var rightLane = inner.Select(n => n.X + n.W / 2 + 16).Append(Math.Max(a1, b1) + 16).Max() + 12 * lanes;
            var leftLane = inner.Select(n => n.X - n.W / 2 - 16).Append(Math.Min(a1, b1) - 16).Min() - 12 * lanes;
            var right = rightLane - Math.Max(a1, b1) <= Math.Min(a1, b1) - leftLane;
            var lane = right ? rightLane : leftLane;
            lanes++;
            var (ya, yb) = (a2 - 16, b2 + 16);
            var r = 10.0 * (right ? 1 : -1);
            var d = $"M{F(a1)},{F(a2)} L{F(a1)},{F(ya + 10)} Q{F(a1)},{F(ya)} {F(a1 + r)},{F(ya)} L{F(lane - r)},{F(ya)} Q{F(lane)},{F(ya)} {F(lane)},{F(ya - 10)} "
                  + $"L{F(lane)},{F(yb + 10)} Q{F(lane)},{F(yb)} {F(lane - r)},{F(yb)} L{F(b1 + r)},{F(yb)} Q{F(b1)},{F(yb)} {F(b1)},{F(yb - 10)} L{F(b1)},{F(b2)}";
            edges.Append($"<path class=\"edge back\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\" d=\"{d}\" ")
                 .Append($"stroke=\"#9a5b00\" stroke-width=\"1.4\" stroke-dasharray=\"6 3\" marker-end=\"url(#{key}-arrow-back)\"/>\n");
            bounds.Add(lane, ya);
            var mid = (ya + yb) / 2;
            captions.Add(new CaptionRequest(edge, [(lane + (right ? 6 : -6), mid), (lane + (right ? 6 : -6), mid - 30), (lane + (right ? 6 : -6), mid + 30)], right ? "start" : "end"));
        }
    }

    private static readonly double[] CaptionSteps = [0.5, 0.35, 0.65, 0.22, 0.78];

    private sealed record CaptionRequest(DiagramEdge Edge, IReadOnlyList<(double X, double Y)> Points, string Anchor);

    private static (double X, double Y) OnCurve((double X, double Y) a, (double X, double Y) b, double t)
    {
        var my = (a.Y + b.Y) / 2;
        var (u, v) = (1 - t, t);
        return (a.X * (u * u * u + 3 * u * u * v) + b.X * (3 * u * v * v + v * v * v), a.Y * u * u * u + 3 * my * u * u * v + 3 * my * u * v * v + b.Y * v * v * v);
    }

    private static (double W, double H) CaptionBox(DiagramEdge edge) =>
        (edge.Labels.Select(l => TextMetrics.Width(l.Text, CaptionSize) + (l.Note is null ? 0 : TextMetrics.Width(" " + l.Note, NoteSize))).Max() + 8,
         edge.Labels.Count * CaptionLine + 4);

    /// <summary>Puts each caption at the first candidate point where it covers no box and no earlier
    /// caption (else where it covers least), trying the preferred side first and then either side of the line.</summary>
    private static void PlaceCaptions(List<CaptionRequest> requests, DiagramLayout layout, StringBuilder sb, Bounds bounds)
    {
        var taken = layout.Nodes.Where(n => !n.IsBend).Select(n => (L: n.X - n.W / 2, T: n.Y - 9, R: n.X + n.W / 2, B: n.Bottom + 2)).ToList();
        foreach (var req in requests.Where(r => r.Edge.Labels.Count > 0))
        {
            var (w, h) = CaptionBox(req.Edge);
            var anchors = new[] { req.Anchor, "start", "end" }.Distinct().ToList();
            (double L, double T)? best = null;
            var bestCost = double.MaxValue;
            foreach (var (x, y) in req.Points)
                foreach (var anchor in anchors)
                {
                    var left = anchor switch { "start" => x + (req.Anchor == "start" ? 0 : 6), "end" => x - w - (req.Anchor == "end" ? 0 : 6), _ => x - w / 2 };
                    var top = y - h / 2;
                    var cost = taken.Sum(o => Math.Max(0, Math.Min(left + w, o.R) - Math.Max(left, o.L)) * Math.Max(0, Math.Min(top + h, o.B) - Math.Max(top, o.T)));
                    if (cost < bestCost) { bestCost = cost; best = (left, top); }
                    if (cost == 0) goto placed;
                }
            placed:
            var (bl, bt) = best!.Value;
            taken.Add((bl, bt, bl + w, bt + h));
            Caption(req.Edge, bl, bt, w, h, sb, bounds);
        }
    }

    private static void Caption(DiagramEdge edge, double left, double top, double w, double h, StringBuilder sb, Bounds bounds)
    {
        bounds.Add(left, top); bounds.Add(left + w, top + h);
        sb.Append($"<g class=\"caption\" data-from=\"{X(edge.From)}\" data-to=\"{X(edge.To)}\"><title>{X(string.Join("；", edge.Labels.Select(l => l.Note is null ? l.Text : $"{l.Text}（{l.Note}）")))}</title>")
          .Append($"<rect x=\"{F(left)}\" y=\"{F(top)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>");
        for (var i = 0; i < edge.Labels.Count; i++)
        {
            var l = edge.Labels[i];
            var ty = top + 2 + CaptionLine * (i + 1) - 4;
            var text = l.Text;
            var indent = 0.0;
            if (text.StartsWith(Stopwatch))
            {
                ClockIcon(sb, left + 4, ty - 9, "#0d3b85");
                text = text[Stopwatch.Length..].TrimStart();
                indent = 13;
            }
            sb.Append($"<text x=\"{F(left + 4 + indent)}\" y=\"{F(ty)}\" font-size=\"{F(CaptionSize)}\" fill=\"#333\">{X(text)}");
            if (l.Note is not null) sb.Append($"<tspan font-size=\"{F(NoteSize)}\" fill=\"#777\"> {X(l.Note)}</tspan>");
            sb.Append("</text>");
        }
        sb.Append("</g>\n");
    }

    private static void DrawNode(LayoutNode n, bool isCurrent, bool isVisited, StringBuilder sb, Bounds bounds)
    {
        var step = n.Step!;
        var state = isCurrent ? "current" : isVisited ? "visited" : "";
        var fill = isCurrent ? "#fdecea" : isVisited ? "#e3eefb" : step.Kind is StepKind.Fork or StepKind.Join ? "#f1eefc" : step.Kind == StepKind.Final ? "#f3f9f4" : "#ffffff";
        var stroke = isCurrent ? "#b71c1c" : step.Kind == StepKind.Final ? "#1b7a3d" : step.Kind is StepKind.Fork or StepKind.Join ? "#5b4bb7" : "#5f6368";
        var width = isCurrent ? 4 : 1.5;
        var (l, t, w, h) = (n.X - n.W / 2, n.Y, n.W, n.H);
        var line = $"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{F(width)}\"";
        sb.Append($"<g class=\"node{(state.Length > 0 ? " " + state : "")}\" data-step=\"{X(step.Id)}\" data-kind=\"{step.Kind.ToString().ToLowerInvariant()}\"{(state.Length > 0 ? $" data-state=\"{state}\"" : "")}>");
        sb.Append($"<title>{X(step.Name)}（{X(step.Id)}）</title>");
        switch (step.Kind)
        {
            case StepKind.Fork or StepKind.Join:
                sb.Append($"<polygon points=\"{F(n.X)},{F(t)} {F(l + w)},{F(n.Cy)} {F(n.X)},{F(t + h)} {F(l)},{F(n.Cy)}\" {line}/>");
                break;
            case StepKind.Final:
                sb.Append($"<rect x=\"{F(l)}\" y=\"{F(t)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"16\" {line}/>");
                sb.Append($"<rect x=\"{F(l + 4)}\" y=\"{F(t + 4)}\" width=\"{F(w - 8)}\" height=\"{F(h - 8)}\" rx=\"12\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>");
                break;
            case StepKind.SubCases:
                sb.Append($"<rect x=\"{F(l + 8)}\" y=\"{F(t + 8)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"4\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-width=\"1\"/>");
                sb.Append($"<rect x=\"{F(l + 4)}\" y=\"{F(t + 4)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"4\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-width=\"1\"/>");
                sb.Append($"<rect x=\"{F(l)}\" y=\"{F(t)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"4\" {line}/>");
                break;
            case StepKind.Auto:
                sb.Append($"<rect x=\"{F(l)}\" y=\"{F(t)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"4\" {line} stroke-dasharray=\"5 3\"/>");
                break;
            default:
                sb.Append($"<rect x=\"{F(l)}\" y=\"{F(t)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"4\" {line}/>");
                break;
        }
        var fontSize = n.IsDiamond ? 12 : DiagramLayout.FontSize;
        var lineHeight = n.IsDiamond ? 16 : DiagramLayout.LineHeight;
        var firstY = n.Cy - (n.Lines.Count - 1) * lineHeight / 2 + fontSize * 0.36;
        sb.Append($"<text text-anchor=\"middle\" font-size=\"{F(fontSize)}\" fill=\"#1d1d1f\"{(isCurrent ? " font-weight=\"bold\"" : "")}>");
        for (var i = 0; i < n.Lines.Count; i++) sb.Append($"<tspan x=\"{F(n.X)}\" y=\"{F(firstY + i * lineHeight)}\">{X(n.Lines[i])}</tspan>");
        sb.Append("</text>");

        if (step.Clock is { Effect: ClockEffectKind.Paused or ClockEffectKind.Excluded } clock)
            Tag(sb, bounds, l + 6, t - 8, Labels.Clock(clock.Effect), "#fff4e5", "#9a5b00", "clock", clock.Reason);
        if (step.Timers.Count > 0)
        {
            var names = step.Timers.Where(x => x.To is null).Select(x => Labels.Timer(x.Name)).ToList();
            var text = string.Join("、", names);
            var tw = TextMetrics.Width(text, 10) + 10 + 12;
            Tag(sb, bounds, l + w - tw - 6, t - 8, text, "#e9f1fd", "#0d3b85", "timer", Stopwatch + " " + string.Join("、", step.Timers.Select(x => Labels.Timer(x.Name))), icon: true);
        }
        if (step.Kind == StepKind.SubCases && step.Children.Count > 0)
            Tag(sb, bounds, l + 6, t + h - 8, $"子案件 ×{step.Children.Count}", "#f1eefc", "#3f3291", "children", string.Join("、", step.Children.Select(c => c.Definition)));
        sb.Append("</g>\n");
    }

    private static void Tag(StringBuilder sb, Bounds bounds, double x, double y, string text, string fill, string ink, string kind, string? title, bool icon = false)
    {
        var w = TextMetrics.Width(text, 10) + 10 + (icon ? 12 : 0) - (icon && text.Length == 0 ? 4 : 0);
        bounds.Add(x, y); bounds.Add(x + w, y + 16);
        sb.Append($"<g class=\"tag {kind}\">{(title is null ? "" : $"<title>{X(title)}</title>")}<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"16\" rx=\"3\" fill=\"{fill}\" stroke=\"{ink}\" stroke-width=\"0.8\"/>")
          ;
        if (icon) ClockIcon(sb, x + 3, y + 2.5, ink);
        sb.Append($"<text x=\"{F(x + 5 + (icon ? 12 : 0))}\" y=\"{F(y + 12)}\" font-size=\"10\" fill=\"{ink}\">{X(text)}</text></g>");
    }

    /// <summary>The ⏱ marker, drawn (the Chinese fonts have no glyph for it): a stopwatch 11 px wide at (x, y).</summary>
    private static void ClockIcon(StringBuilder sb, double x, double y, string ink)
    {
        var (cx, cy) = (x + 5.5, y + 6.5);
        sb.Append($"<g class=\"stopwatch\" fill=\"none\" stroke=\"{ink}\" stroke-width=\"1.2\"><circle cx=\"{F(cx)}\" cy=\"{F(cy)}\" r=\"4.5\"/>")
          .Append($"<path d=\"M{F(cx)},{F(cy)} L{F(cx)},{F(cy - 3)} M{F(cx)},{F(cy)} L{F(cx + 2.2)},{F(cy + 1)} M{F(cx - 1.5)},{F(y)} L{F(cx + 1.5)},{F(y)}\"/></g>");
    }

    /// <summary>The stopwatch sign used in captions and titles.</summary>
    public const string Stopwatch = "⏱";

    private sealed class Bounds
    {
        public double MinX = double.MaxValue, MinY = double.MaxValue, MaxX = double.MinValue, MaxY = double.MinValue;
        public void Add(double x, double y) { MinX = Math.Min(MinX, x); MinY = Math.Min(MinY, y); MaxX = Math.Max(MaxX, x); MaxY = Math.Max(MaxY, y); }
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Slug(string id) => "pd-" + new string(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>XML text and attribute escaping.</summary>
    public static string X(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");
}
