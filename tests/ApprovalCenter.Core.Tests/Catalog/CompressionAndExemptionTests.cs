using ApprovalCenter.Documents;
using ApprovalCenter.Catalog;
using ApprovalCenter.Tests.Workflow;

namespace ApprovalCenter.Tests.Catalog;

public class CompressionAndExemptionTests
{
    [Test]
    public void Compression_of_the_shipped_catalog_is_computed_from_data()
    {
        var report = CompressionReport.From(WorkflowFiles.Catalog.Items);
        Assert.That(report.Overall.PromisedDays, Is.EqualTo(415));
        Assert.That(report.Overall.StatutoryDays, Is.EqualTo(1442));
        Assert.That(report.Overall.Percent, Is.EqualTo(71.2m));
        Assert.That(report.Items, Has.Count.EqualTo(80));
        Assert.That(report.Departments.Sum(d => d.PromisedDays), Is.EqualTo(report.Overall.PromisedDays));
        Assert.That(report.Departments.Select(d => d.Name), Is.EquivalentTo(new[] { "住建", "人防", "水务", "发改", "经信", "环保" }));
        var zj001 = report.Items.Single(i => i.Code == "ZJ-001");
        Assert.That(zj001.Compression, Is.EqualTo(4m / 7));
    }

    [Test]
    public void Items_cut_by_at_least_95_percent_are_listed()
    {
        var cut = CompressionReport.From(WorkflowFiles.Catalog.Items).CutByAtLeast95Percent;
        Assert.That(cut.All(i => i.Compression >= 0.95m), Is.True);
        Assert.That(cut.Select(i => i.Code), Does.Contain("ZJ-016").And.Contain("RF-003").And.Contain("SW-005"));
        Assert.That(cut.Select(i => i.Code), Does.Not.Contain("ZJ-001"));
        Assert.That(cut, Has.Count.EqualTo(9));
    }

    [Test]
    public void Per_department_compression_uses_the_department_sums()
    {
        var fg = CompressionReport.From(WorkflowFiles.Catalog.Items).Departments.Single(d => d.Name == "发改");
        var items = WorkflowFiles.Catalog.Items.Where(i => i.Department == "发改").ToList();
        Assert.That(fg.Compression, Is.EqualTo(1 - (decimal)items.Sum(i => i.PromisedDays) / items.Sum(i => i.StatutoryDays)));
        Assert.That(fg.ItemCount, Is.EqualTo(10));
    }

    private static IReadOnlyList<ExemptionRule> Match(string data, string? item = null, DateOnly? on = null) =>
        ExemptionEvaluator.Matching(WorkflowFiles.Catalog.Exemptions, Scenario.Data(data), on ?? new DateOnly(2026, 3, 2), item);

    [Test]
    public void Small_works_need_no_construction_permit()
    {
        Assert.That(Match("projectInvestment=900000 buildingArea=800", "ZJ-001").Single().Id, Is.EqualTo("EX-ZJ-SMALL-WORKS"));
        Assert.That(Match("projectInvestment=3000000 buildingArea=450", "ZJ-001").Single().ExemptedStep, Is.EqualTo("施工许可"));
        Assert.That(Match("projectInvestment=3000000 buildingArea=800", "ZJ-001"), Is.Empty);
        Assert.That(Match("projectInvestment=900000", "HB-002"), Is.Empty);
    }

    [Test]
    public void Power_lines_below_10_kV_need_no_planning_permit()
    {
        Assert.That(Match("projectType=电力线路 voltageKv=0.4").Single().Id, Is.EqualTo("EX-QC-POWER-LINE"));
        Assert.That(Match("projectType=电力线路 voltageKv=10"), Is.Empty);
    }

    [Test]
    public void Eia_categories_and_validity_dates()
    {
        Assert.That(Match("eiaCategory=仓储 hazardousGoods=false", "HB-003").Single().Id, Is.EqualTo("EX-GD-EIA-WAREHOUSE"));
        Assert.That(Match("eiaCategory=仓储 hazardousGoods=true", "HB-003"), Is.Empty);
        Assert.That(Match("eiaCategory=通信基站", "HB-003", new DateOnly(2019, 1, 1)), Is.Empty);
        Assert.That(WorkflowFiles.Catalog.Exemptions.All(r => r.LegalBasis.Length > 0), Is.True);
    }

    [Test]
    public void Exempt_application_gets_an_exemption_notice_instead_of_a_case()
    {
        var rules = Match("projectInvestment=500000", "ZJ-001");
        var host = WorkflowFiles.NewHost();
        var r = host.Start("exemption", "x", Scenario.ActorFor("Clerk"),
            new Dictionary<string, object?> { ["exempt"] = rules.Count > 0, ["exemptionRule"] = rules[0].Id }, WorkflowFiles.T0);
        Assert.That(r.Required.Outcome, Is.EqualTo("exempted"));
        Assert.That(r.Effects.OfType<ApprovalCenter.Workflow.IssueDocument>().Single().Kind, Is.EqualTo(ApprovalCenter.Documents.DocumentKind.ExemptionNotice));
    }
}
