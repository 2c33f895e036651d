using ApprovalCenter.Catalog;
using ApprovalCenter.Exemption;
using ApprovalCenter.Tests.Workflow;

namespace ApprovalCenter.Tests.Exemption;

/// <summary>The shipped exemption list decides the rules.md §2c examples, and the self-check reads
/// and explains answers in Chinese.</summary>
public sealed class ExemptionEvaluatorTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static IReadOnlyList<ExemptionRule> Rules => WorkflowFiles.LoadCatalog().Value!.Exemptions;

    private static string[] Matching(string? item, params (string Key, object? Value)[] data) =>
        ExemptionEvaluator.Matching(Rules, data.ToDictionary(d => d.Key, d => d.Value), Day, item).Select(r => r.Id).ToArray();

    [TestCase(400, 3_000_000, true)]
    [TestCase(500, 3_000_000, true)]
    [TestCase(2_000, 1_000_000, true)]
    [TestCase(2_000, 3_000_000, false)]
    [TestCase(500.01, 1_000_000.01, false)]
    public void Small_works_need_no_construction_permit(decimal area, decimal investment, bool exempt) =>
        Assert.That(Matching("ZJ-001", ("buildingArea", area), ("projectInvestment", investment)),
            exempt ? Is.EqualTo(new[] { "EX-ZJ-SMALL-WORKS" }) : Is.Empty);

    [TestCase(9.99, true)]
    [TestCase(10, false)]
    [TestCase(35, false)]
    public void Power_lines_below_10_kV_need_no_planning_permit(decimal kv, bool exempt) =>
        Assert.That(Matching(null, ("projectType", "电力线路"), ("voltageKv", kv)).Contains("EX-QC-POWER-LINE"), Is.EqualTo(exempt));

    [Test]
    public void A_low_voltage_line_that_is_not_a_power_line_is_not_exempt() =>
        Assert.That(Matching(null, ("projectType", "房屋建筑"), ("voltageKv", 1m)), Does.Not.Contain("EX-QC-POWER-LINE"));

    [Test]
    public void EIA_samples_follow_the_2020_list()
    {
        Assert.That(Matching("HB-003", ("eiaCategory", "仓储"), ("hazardousGoods", false)), Is.EqualTo(new[] { "EX-GD-EIA-WAREHOUSE" }));
        Assert.That(Matching("HB-003", ("eiaCategory", "仓储"), ("hazardousGoods", true)), Is.Empty, "油品、危险品、化学品仓储 are not exempt");
        Assert.That(Matching("HB-003", ("eiaCategory", "通信基站")), Is.EqualTo(new[] { "EX-GD-EIA-TELECOM-BASE-STATION" }));
        Assert.That(Matching("HB-002", ("eiaCategory", "城市道路维护"), ("newConstruction", false)), Is.EqualTo(new[] { "EX-GD-EIA-ROAD-MAINTENANCE" }));
        Assert.That(Matching("HB-002", ("eiaCategory", "城市道路维护"), ("newConstruction", true)), Is.Empty, "新建、扩建 are not maintenance");
    }

    [Test]
    public void A_rule_applies_only_within_its_validity()
    {
        var rule = Rules.Single(r => r.Id == "EX-GD-EIA-TELECOM-BASE-STATION");
        var data = new Dictionary<string, object?> { ["eiaCategory"] = "通信基站" };
        Assert.That(ExemptionEvaluator.Matching([rule], data, rule.ValidFrom.AddDays(-1)), Is.Empty);
        Assert.That(ExemptionEvaluator.Matching([rule with { ValidTo = Day }], data, Day.AddDays(1)), Is.Empty);
        Assert.That(ExemptionEvaluator.Matching([rule with { ValidTo = Day }], data, Day), Has.Count.EqualTo(1));
    }

    [Test]
    public void The_self_check_asks_exactly_the_fields_the_items_rules_read()
    {
        var catalog = WorkflowFiles.LoadCatalog().Value!;
        Assert.That(ExemptionFields.UsedBy(ExemptionCheck.RulesFor(catalog, "ZJ-001", Day)).Select(f => f.Key), Is.EqualTo(new[] { "projectInvestment", "buildingArea" }));
        Assert.That(ExemptionFields.UsedBy(ExemptionCheck.RulesFor(catalog, "HB-003", Day)).Select(f => f.Key), Is.EqualTo(new[] { "eiaCategory", "hazardousGoods" }));
    }

    [Test]
    public void Answers_are_read_on_the_server_with_Chinese_errors()
    {
        var fields = ExemptionFields.UsedBy(Rules.Where(r => r.Id == "EX-ZJ-SMALL-WORKS"));
        var (data, errors) = ExemptionFields.Read(fields, new Dictionary<string, string?> { ["projectInvestment"] = "1,200,000", ["buildingArea"] = "-3" });
        Assert.That(data["projectInvestment"], Is.EqualTo(1_200_000m));
        Assert.That(errors, Is.EqualTo(new[] { ("buildingArea", "“建筑面积”应为不小于 0 的数字（单位：平方米）") }));
        (_, errors) = ExemptionFields.Read(fields, new Dictionary<string, string?>());
        Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[] { "请填写“工程投资额”", "请填写“建筑面积”" }));
    }

    [Test]
    public void Conditions_read_in_Chinese() =>
        Assert.That(ExemptionFields.Readable("projectInvestment <= 1000000 or buildingArea <= 500"), Is.EqualTo("工程投资额 ≤ 1,000,000 元 或 建筑面积 ≤ 500 平方米"));

    [Test]
    public void A_refusal_names_the_rule_not_met()
    {
        var rules = ExemptionCheck.RulesFor(WorkflowFiles.LoadCatalog().Value!, "ZJ-001", Day);
        var outcome = ExemptionCheck.Decide(rules, new Dictionary<string, object?> { ["buildingArea"] = 2000m, ["projectInvestment"] = 5_000_000m }, Day, "ZJ-001");
        Assert.That((outcome.IsExempt, outcome.NotMet.Select(r => r.Id)), Is.EqualTo((false, new[] { "EX-ZJ-SMALL-WORKS" })));
    }
}
