using ApprovalCenter.Documents;

namespace ApprovalCenter.Tests.Documents;

/// <summary>A construction permit is not "长期有效": work must start within 3 months, extensions at most twice by 3 months (rules.md §2d).</summary>
public sealed class CertificateValidityTests
{
    [Test]
    public void A_construction_permit_carries_the_start_of_work_rule_and_other_certificates_stay_open_ended()
    {
        var permit = CertificateValidity.For("建筑工程施工许可证核发（新办）", new DateOnly(2026, 12, 7));
        Assert.That(permit.ValidUntil, Is.EqualTo(new DateOnly(2027, 3, 7)));
        Assert.That(permit.Text, Does.Contain("三个月内").And.Contain("延期以两次为限，每次不超过三个月").And.Contain("自行废止"));

        var header = new DocumentHeader("QYGX-2026-000001", new DateOnly(2026, 12, 7), DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26"),
            new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));
        var content = DocumentTemplates.Certificate(header, new CertificateInput("建筑工程施工许可证", "QYGX-2026-000001-ZZ",
            [new DocumentField("项目名称", "清远高新区示范厂房"), new DocumentField("建设地点", "清远高新区百嘉工业园")], new DateOnly(2026, 12, 7),
            permit.ValidUntil, ValidityText: permit.Text));
        var text = string.Join("\n", content.Fields.Select(f => f.Label + "：" + f.Value));
        Assert.That(text, Does.Contain("项目名称：清远高新区示范厂房").And.Contain("建设地点：清远高新区百嘉工业园").And.Not.Contain("长期有效"));

        Assert.That(CertificateValidity.For("人防工程竣工验收备案", new DateOnly(2026, 12, 7)).ValidUntil, Is.Null);
    }
}
