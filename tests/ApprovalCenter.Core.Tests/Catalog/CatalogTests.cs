using System.Text.Json.Nodes;
using ApprovalCenter.Catalog;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Catalog;

public class CatalogTests
{
    /// <summary>The catalog CSV the JSON was converted from (a copy of shared/reference/items.csv).</summary>
    private static string Csv => WorkflowFiles.File("catalog/items.csv").Text;

    [Test]
    public void Shipped_catalog_loads_with_80_items_6_departments_and_the_exemption_list()
    {
        var c = WorkflowFiles.Catalog;
        Assert.That(c.Items, Has.Count.EqualTo(80));
        Assert.That(c.Departments.Select(d => (d.Code, d.Name)), Is.EqualTo(new[] { ("ZJ", "住建"), ("RF", "人防"), ("SW", "水务"), ("FG", "发改"), ("JX", "经信"), ("HB", "环保") }));
        Assert.That(c.Items.Select(i => i.Code[..2]).Distinct(), Is.EquivalentTo(c.Departments.Select(d => d.Code)));
        Assert.That(c.Items.All(i => c.DepartmentOf(i)!.Code == i.Code[..2]), Is.True);
        Assert.That(c.Exemptions, Has.Count.EqualTo(5));
        Assert.That(c.Items.Count(i => i.Source.Inferred), Is.EqualTo(42));
        Assert.That(c.Items.All(i => i.Fee == "不收费"), Is.True);
        Assert.That(c.Items.Where(i => i.Modes.Immediate).All(i => i.Process == "immediate" && i.PromisedDays == 0), Is.True);
        Assert.That(c.Items.Where(i => i.HighRisk).Any(i => i.Modes.Commitment), Is.False);
    }

    [Test]
    public void Shipped_json_equals_items_csv_read_by_CatalogCsv_except_the_documented_SW_005_correction()
    {
        var fromCsv = CatalogCsv.Read("items.csv", Csv);
        Assert.That(fromCsv.IsSuccess, Is.True, () => string.Join("\n", fromCsv.Errors));
        var json = WorkflowFiles.Catalog.Items;
        Assert.That(fromCsv.Value!.Select(i => i.Code), Is.EqualTo(json.Select(i => i.Code)));
        foreach (var (csv, shipped) in fromCsv.Value!.Zip(json))
        {
            var expected = shipped.Code == "SW-005" ? csv with { Process = "standard", Modes = csv.Modes with { Immediate = false, Promised = true } } : csv;
            Assert.That(Project(shipped), Is.EqualTo(Project(expected)), shipped.Code);
        }
        Assert.That(json.Single(i => i.Code == "SW-005").Note, Does.Contain("即办件承诺时限应为0"));
    }

    [Test]
    public void The_raw_csv_breaks_exactly_one_rule_the_immediate_SW_005_with_promised_1()
    {
        var items = CatalogCsv.Read("items.csv", Csv).Value!;
        var errors = CatalogRules.Check(items, ["住建", "人防", "水务", "发改", "经信", "环保"], ["standard", "immediate"], "items.csv", i => $"第{i + 2}行");
        Assert.That(errors, Is.EqualTo(new[] { new LoadError("items.csv", "第43行.promisedDays", "即办件的承诺时限应为0，实际为1") }));
    }

    [Test]
    public void Writing_the_csv_read_from_items_csv_gives_back_the_same_text()
    {
        var items = CatalogCsv.Read("items.csv", Csv).Value!;
        Assert.That(CatalogCsv.Write(items), Is.EqualTo(Csv.Replace("\r\n", "\n")));
    }

    [Test]
    public void Csv_write_then_read_round_trips_and_quotes_per_rfc_4180()
    {
        var items = WorkflowFiles.Catalog.Items;
        var text = CatalogCsv.Write(items);
        var back = CatalogCsv.Read("export.csv", text).Value!;
        Assert.That(back.Select(Project), Is.EqualTo(items.Select(i => Project(i with { Process = CatalogItem.DefaultProcess(i.Modes.Immediate) }))));
        Assert.That(CatalogCsv.Quote("a,b"), Is.EqualTo("\"a,b\""));
        Assert.That(CatalogCsv.Quote("说\"明\""), Is.EqualTo("\"说\"\"明\"\"\""));
        var rows = CatalogCsv.Parse("a,\"b,c\",\"d\"\"e\"\r\n\"多\n行\",x,\n", out var error);
        Assert.That(error, Is.Null);
        Assert.That(rows, Is.EqualTo(new[] { new List<string> { "a", "b,c", "d\"e" }, new List<string> { "多\n行", "x", "" } }));
        CatalogCsv.Parse("\"open", out var bad);
        Assert.That(bad, Is.EqualTo("引号未闭合"));
    }

    [Test]
    public void Csv_reports_bad_numbers_and_flags_with_row_and_column()
    {
        var header = string.Join(',', CatalogCsv.Columns);
        var r = CatalogCsv.Read("in.csv", header + "\nX-1,住建,名称,行政许可,七,3,N,Y,Maybe,申请表,,依据,INFERRED\n");
        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.Errors, Is.EquivalentTo(new[]
        {
            new LoadError("in.csv", "第2行.statutory_days", "“七”不是非负整数"),
            new LoadError("in.csv", "第2行.commitment_allowed", "应为 Y 或 N，实际为“Maybe”"),
        }));
        Assert.That(CatalogCsv.Read("in.csv", "code,name\n").Errors.Single().Reason, Does.StartWith("缺少列"));
    }

    private static string Project(CatalogItem i) =>
        $"{i.Code}|{i.Department}|{i.Name}|{i.Kind}|{i.StatutoryDays}|{i.PromisedDays}|{i.Process}|{i.Modes.Immediate}|{i.Modes.Promised}|{i.Modes.Tolerance}|{i.Modes.Commitment}|" +
        $"{string.Join(";", i.CoreMaterials)}|{string.Join(";", i.TolerableMaterials)}|{i.LegalBasis}|{i.Source.CsvValue}";
}
