using System.Xml.Linq;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;
using ApprovalCenter.Workflow.Diagram;

namespace ApprovalCenter.Tests.Workflow.Diagram;

public class ProcessDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static IEnumerable<TestCaseData> Definitions() =>
        WorkflowFiles.Definitions.Select(d => new TestCaseData(d.Id).SetName($"Diagram_of_{d.Id}"));

    private static ProcessDefinition Def(string id) => WorkflowFiles.Definitions.Single(d => d.Id == id);

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static IReadOnlyList<XElement> Nodes(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("node") == true).ToList();

    [TestCaseSource(nameof(Definitions))]
    public void Every_step_is_a_node_named_in_chinese_and_every_transition_an_arrow(string id)
    {
        var def = Def(id);
        var svg = Parse(ProcessDiagram.ToSvg(def));
        Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
        Assert.That((string?)svg.Attribute("font-family"), Does.Contain("WenQuanYi Micro Hei"));
        Assert.That(svg.Descendants(Svg + "script"), Is.Empty);
        Assert.That(svg.ToString(), Does.Not.Contain("href"), "no external resources");
        var nodes = Nodes(svg);
        Assert.That(nodes.Select(n => (string?)n.Attribute("data-step")), Is.EquivalentTo(def.StepList.Select(s => s.Id)));
        foreach (var step in def.StepList)
        {
            var node = nodes.Single(n => (string?)n.Attribute("data-step") == step.Id);
            var text = string.Concat(node.Elements(Svg + "text").First().Elements(Svg + "tspan").Select(t => t.Value));
            Assert.That(text.TrimEnd('…'), Is.EqualTo(step.Name[..text.TrimEnd('…').Length]), step.Id);
            Assert.That(text.Length, Is.GreaterThanOrEqualTo(Math.Min(step.Name.Length, 20)), step.Id);
            Assert.That((string?)node.Attribute("data-kind"), Is.EqualTo(step.Kind.ToString().ToLowerInvariant()));
        }
        var arrows = svg.Descendants(Svg + "path").Where(p => ((string?)p.Attribute("class"))?.StartsWith("edge") == true)
            .Select(p => ((string)p.Attribute("data-from")!, (string)p.Attribute("data-to")!)).ToList();
        var transitions = def.StepList.SelectMany(s => s.Edges.Select(e => (s.Id, e.To))).Distinct().ToList();
        Assert.That(arrows, Is.EquivalentTo(transitions));
    }

    [Test]
    public void Loops_are_drawn_as_back_arcs_and_captions_name_the_action_and_role()
    {
        var svg = Parse(ProcessDiagram.ToSvg(Def("standard")));
        var back = svg.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "edge back")
            .Select(p => ((string)p.Attribute("data-from")!, (string)p.Attribute("data-to")!)).ToList();
        Assert.That(back, Does.Contain(("awaiting-supplement", "intake")));
        Assert.That(back, Does.Contain(("decide", "review")));
        Assert.That(back, Does.Not.Contain(("intake", "review")));
        var caption = svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "caption" && (string?)g.Attribute("data-from") == "intake" && (string?)g.Attribute("data-to") == "review");
        Assert.That(caption.Value, Does.Contain("受理").And.Contain("窗口").And.Contain("⏱ 逾期视为受理"));
    }

    [Test]
    public void Shapes_and_markers_tell_the_step_kind_timers_and_clock()
    {
        var svg = ProcessDiagram.ToSvg(Def("tolerance"));
        var nodes = Nodes(Parse(svg)).ToDictionary(n => (string)n.Attribute("data-step")!);
        Assert.That(nodes["tolerance-fork"].Elements(Svg + "polygon").Count(), Is.EqualTo(1), "fork is a diamond");
        Assert.That(nodes["tolerance-join"].Elements(Svg + "polygon").Count(), Is.EqualTo(1), "join is a diamond");
        Assert.That(nodes["approved"].Elements(Svg + "rect").Count(), Is.EqualTo(2), "final has a double border");
        Assert.That(nodes["awaiting-supplement"].Value, Does.Contain("暂停计时"));
        Assert.That(nodes["review"].Value, Does.Contain("⏱ 承诺期限届满"));
        var land = Nodes(Parse(ProcessDiagram.ToSvg(Def("land-to-construction")))).Single(n => (string?)n.Attribute("data-step") == "pre-review");
        Assert.That(land.Elements(Svg + "rect").Count(), Is.EqualTo(3), "sub-cases look stacked");
        var standard = Nodes(Parse(ProcessDiagram.ToSvg(Def("standard")))).Single(n => (string?)n.Attribute("data-step") == "excluded-procedure");
        Assert.That(standard.Value, Does.Contain("不计入时限"));
    }

    [Test]
    public void Highlight_marks_the_current_steps_and_visited_steps_are_filled_lightly()
    {
        var svg = Parse(ProcessDiagram.ToSvg(Def("tolerance"), new HashSet<string> { "review", "awaiting-supplements" }, new HashSet<string> { "intake", "tolerance-fork" }));
        var states = Nodes(svg).ToDictionary(n => (string)n.Attribute("data-step")!, n => (string?)n.Attribute("data-state"));
        Assert.That(states.Where(s => s.Value == "current").Select(s => s.Key), Is.EquivalentTo(new[] { "review", "awaiting-supplements" }));
        Assert.That(states.Where(s => s.Value == "visited").Select(s => s.Key), Is.EquivalentTo(new[] { "intake", "tolerance-fork" }));
        var review = Nodes(svg).Single(n => (string?)n.Attribute("data-step") == "review").Element(Svg + "rect")!;
        Assert.That((string?)review.Attribute("stroke"), Is.EqualTo("#b71c1c"));
        Assert.That((string?)review.Attribute("stroke-width"), Is.EqualTo("4"));
        var plain = Parse(ProcessDiagram.ToSvg(Def("tolerance")));
        Assert.That(Nodes(plain).Any(n => n.Attribute("data-state") is not null), Is.False);
    }

    [TestCaseSource(nameof(Definitions))]
    public void Output_is_deterministic_and_boxes_do_not_overlap(string id)
    {
        var def = Def(id);
        Assert.That(ProcessDiagram.ToSvg(def), Is.EqualTo(ProcessDiagram.ToSvg(Def(id))));
        var layout = DiagramLayout.Of(DiagramGraph.Of(def));
        var boxes = layout.Nodes.Where(n => !n.IsBend).ToList();
        foreach (var a in boxes)
            foreach (var b in boxes.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0))
            {
                var apart = a.X + a.W / 2 <= b.X - b.W / 2 || b.X + b.W / 2 <= a.X - a.W / 2 || a.Bottom <= b.Y || b.Bottom <= a.Y;
                Assert.That(apart, Is.True, $"{a.Id} overlaps {b.Id}");
            }
        var file = Path.Combine(Environment.GetEnvironmentVariable("APPROVALCENTER_TEST_OUTPUT") ?? Path.Combine(Path.GetTempPath(), "approvalcenter-screens"), $"diagram-{id}.svg");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, ProcessDiagram.ToSvg(def));
    }
}
