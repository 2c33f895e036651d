using System.Text.Json.Nodes;
using ApprovalCenter.Tests.Workflow;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Catalog;

/// <summary>Each catalog rule, broken in a copy of the shipped items file: the error names file, path and reason, and nothing loads.</summary>
public class CatalogValidationTests
{
    private static IReadOnlyList<LoadError> LoadWith(Action<JsonArray> mutate)
    {
        var file = WorkflowFiles.File("catalog/items.json");
        var root = JsonNode.Parse(file.Text)!;
        mutate(root["items"]!.AsArray());
        var r = WorkflowFiles.LoadCatalog(items: file with { Text = root.ToJsonString() });
        Assert.That(r.IsSuccess, Is.False);
        Assert.That(r.Value, Is.Null);
        return r.Errors;
    }

    private static LoadError E(string path, string reason) => new("catalog/items.json", path, reason);

    [Test]
    public void Promised_limit_above_statutory()
    {
        var e = LoadWith(a => a[0]!["promisedDays"] = 8);
        Assert.That(e, Is.EqualTo(new[] { E("$.items[0].promisedDays", "承诺时限不得超过法定时限（承诺8个工作日，法定7个工作日）") }));
    }

    [Test]
    public void Immediate_item_with_a_promised_limit()
    {
        var e = LoadWith(a => a[2]!["promisedDays"] = 2);
        Assert.That(e, Is.EqualTo(new[] { E("$.items[2].promisedDays", "即办件的承诺时限应为0，实际为2") }));
    }

    [Test]
    public void Unknown_department()
    {
        var e = LoadWith(a => a[5]!["department"] = "交通");
        Assert.That(e, Is.EqualTo(new[] { E("$.items[5].department", "未知的部门“交通”") }));
    }

    [Test]
    public void Unknown_process()
    {
        var e = LoadWith(a => a[7]!["process"] = "fast-track");
        Assert.That(e, Is.EqualTo(new[] { E("$.items[7].process", "未知的流程“fast-track”") }));
    }

    [Test]
    public void Duplicate_code()
    {
        var e = LoadWith(a => a[1]!["code"] = "ZJ-001");
        Assert.That(e, Is.EqualTo(new[] { E("$.items[1].code", "事项编码“ZJ-001”重复（与 $.items[0] 相同）") }));
    }

    [Test]
    public void Empty_core_materials()
    {
        var e = LoadWith(a => a[10]!["materials"] = new JsonArray(new JsonObject { ["name"] = "可容缺材料", ["type"] = "tolerable" }));
        Assert.That(e, Does.Contain(E("$.items[10].materials", "核心材料不能为空")));
    }

    [Test]
    public void High_risk_item_allowing_commitment()
    {
        var e = LoadWith(a => a[0]!["highRisk"] = true);
        Assert.That(e, Is.EqualTo(new[] { E("$.items[0].modes.commitment", "高风险事项不得适用告知承诺制") }));
    }

    [Test]
    public void Schema_level_errors_are_all_reported_together()
    {
        var e = LoadWith(a =>
        {
            a[0]!.AsObject().Remove("name");
            a[3]!["statutoryDays"] = "十";
            a[4]!["materials"]![0]!["type"] = "optional";
        });
        Assert.That(e, Is.EquivalentTo(new[]
        {
            E("$.items[0].name", "缺少必填字段“name”"),
            E("$.items[3].statutoryDays", "字段“statutoryDays”应为整数"),
            E("$.items[4].materials[0].type", "材料类型应为 core（核心）或 tolerable（容缺），实际为“optional”"),
        }));
    }

    [Test]
    public void Exemption_rule_for_an_unknown_item()
    {
        var file = WorkflowFiles.File("catalog/exemptions.json");
        var root = JsonNode.Parse(file.Text)!;
        root["rules"]![1]!["exempts"]!["item"] = "ZZ-999";
        var r = WorkflowFiles.LoadCatalog(exemptions: file with { Text = root.ToJsonString() });
        Assert.That(r.Value, Is.Null);
        Assert.That(r.Errors, Is.EqualTo(new[] { new LoadError("catalog/exemptions.json", "$.rules[1].exempts.item", "豁免规则引用了不存在的事项“ZZ-999”") }));
    }

    [Test]
    public void Exemption_rule_with_a_bad_condition_or_date()
    {
        var file = WorkflowFiles.File("catalog/exemptions.json");
        var root = JsonNode.Parse(file.Text)!;
        root["rules"]![2]!["condition"] = "area <";
        root["rules"]![3]!["validFrom"] = "2020/06/01";
        var r = WorkflowFiles.LoadCatalog(exemptions: file with { Text = root.ToJsonString() });
        Assert.That(r.Value, Is.Null);
        Assert.That(r.Errors.Select(x => (x.File, x.Path)), Is.EquivalentTo(new[]
        {
            ("catalog/exemptions.json", "$.rules[2].condition"),
            ("catalog/exemptions.json", "$.rules[3].validFrom"),
        }));
    }
}
