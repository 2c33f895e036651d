using ApprovalCenter.Documents;

namespace ApprovalCenter.Tests.Documents;

public sealed class DocumentTemplateTests
{
    private static readonly DocumentHeader Header = new(
        "QYGX-2026-000123",
        new DateOnly(2026, 11, 21),
        DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26", "Qingyuan Example Construction Co., Ltd."),
        new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));

    private static readonly MissingMaterial[] Missing =
    [
        new("农民工工资保证金缴存凭证", "未提交"),
        new("施工现场具备施工条件承诺", "未加盖申请单位公章"),
    ];

    private static string Text(DocumentContent c) => string.Join("\n", c.AllText());

    [Test]
    public void Every_kind_has_a_distinct_title_and_code()
    {
        var kinds = Enum.GetValues<DocumentKind>();
        Assert.That(kinds.Select(k => k.Title()).Distinct().Count(), Is.EqualTo(kinds.Length));
        Assert.That(kinds.Select(k => k.Code()).Distinct().Count(), Is.EqualTo(kinds.Length));
        Assert.That(DocumentKind.SupplementNotice.Title(), Is.EqualTo("一次性告知（补正材料）通知书"));
    }

    [Test]
    public void Rules_1d_the_promised_limit_notice_tells_the_reason_the_new_date_and_the_statutory_bound()
    {
        var c = DocumentTemplates.PromisedLimit(Header, new(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 10), "需现场核验施工条件", new DateOnly(2026, 3, 11)));
        Assert.That(c.DocumentNumber, Is.EqualTo("QYGX-2026-000123-CY"));
        Assert.That(Text(c), Does.Contain("因需现场核验施工条件").And.Contain("2026年3月10日").And.Contain("2026年3月11日").And.Contain("督查"));
        Assert.That(() => DocumentTemplates.PromisedLimit(Header, new(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 12), "理由", new DateOnly(2026, 3, 11))),
            Throws.ArgumentException, "never beyond the statutory deadline");
    }

    [Test]
    public void Document_number_is_case_number_plus_kind_code()
    {
        var c = DocumentTemplates.DenialDecision(Header, new(["不符合条件"]));
        Assert.That(c.DocumentNumber, Is.EqualTo("QYGX-2026-000123-BX"));
        Assert.That(c.Title, Is.EqualTo("不予行政许可决定书"));
    }

    [Test]
    public void Denial_states_every_reason_and_the_remedies()
    {
        var c = DocumentTemplates.DenialDecision(Header, new(["施工图审查未通过", "建设资金未落实"]));
        var text = Text(c);
        Assert.That(text, Does.Contain("1. 施工图审查未通过").And.Contain("2. 建设资金未落实"));
        Assert.That(c.Remedies, Does.Contain("如不服本决定，可在收到本决定之日起60日内申请行政复议，或者在6个月内依法提起行政诉讼。"));
        Assert.That(c.LegalBasis[0], Does.Contain("第三十八条第二款"));
    }

    [Test]
    public void Denial_without_reasons_is_refused() =>
        Assert.That(() => DocumentTemplates.DenialDecision(Header, new([])), Throws.ArgumentException.With.Message.Contains("不予许可的理由"));

    [Test]
    public void Refusal_gives_reason_competent_organ_and_remedies()
    {
        var c = DocumentTemplates.Refusal(Header, new("申请事项不属于本局职权范围。", "清远市生态环境局"));
        Assert.That(Text(c), Does.Contain("请向清远市生态环境局提出申请"));
        Assert.That(c.Remedies, Has.Count.EqualTo(1));
    }

    [Test]
    public void One_time_notice_lists_all_materials_with_reasons_in_a_table()
    {
        var c = DocumentTemplates.Supplement(Header, new(Missing));
        Assert.That(c.Table, Is.Not.Null);
        Assert.That(c.Table!.Rows, Has.Count.EqualTo(2));
        Assert.That(c.Table.Rows[1], Is.EqualTo(new[] { "2", "施工现场具备施工条件承诺", "未加盖申请单位公章" }));
        Assert.That(c.Table.Headers, Has.Count.EqualTo(c.Table.RelativeWidths!.Count));
        Assert.That(Text(c), Does.Contain("共2项").And.Contain("30日内补正").And.Contain("不计入审批时限"));
    }

    [Test]
    public void Tolerance_notice_states_materials_how_deadline_and_consequence()
    {
        var c = DocumentTemplates.Tolerance(Header, new(Missing, new DateOnly(2026, 12, 4), "通过网上办事平台上传", new DateOnly(2026, 11, 21)));
        var text = Text(c);
        Assert.That(c.Table!.Rows, Has.Count.EqualTo(2));
        Assert.That(text, Does.Contain("2026年12月4日前补交").And.Contain("通过网上办事平台上传"));
        Assert.That(text, Does.Contain("逾期未补交").And.Contain("终止办理并退回申请"));
        Assert.That(text, Does.Contain("暂不发放"), "certificate is withheld until supplements are verified");
    }

    [Test]
    public void Tolerance_deadline_must_follow_acceptance() =>
        Assert.That(() => DocumentTemplates.Tolerance(Header, new(Missing, new DateOnly(2026, 11, 21), "窗口", new DateOnly(2026, 11, 21))),
            Throws.ArgumentException);

    [Test]
    public void Commitment_letter_states_conditions_waived_proofs_and_liability()
    {
        var c = DocumentTemplates.CommitmentLetter(Header, new(["已取得用地批准手续"], ["建设资金证明"], 30));
        var text = Text(c);
        Assert.That(text, Does.Contain("许可条件").And.Contain("1. 已取得用地批准手续"));
        Assert.That(text, Does.Contain("不再索要").And.Contain("建设资金证明"));
        Assert.That(text, Does.Contain("不实承诺").And.Contain("撤销行政许可决定").And.Contain("信用记录"));
        Assert.That(text, Does.Contain("30个工作日内"));
    }

    [Test]
    public void Excluded_procedure_notice_states_procedure_and_length()
    {
        var c = DocumentTemplates.ExcludedProcedure(Header, new("专家评审", "项目涉及深基坑工程", new DateOnly(2026, 11, 23), 10));
        Assert.That(Text(c), Does.Contain("专家评审").And.Contain("预计需要10个工作日").And.Contain("不计入审批期限"));
    }

    [Test]
    public void Extension_notice_states_days_and_reason()
    {
        var c = DocumentTemplates.Extension(Header, new(10, "需现场核查的项目较多", new DateOnly(2026, 12, 18)));
        Assert.That(Text(c), Does.Contain("延长10个工作日").And.Contain("因需现场核查的项目较多").And.Contain("2026年12月18日前"));
    }

    [Test]
    public void Commitment_based_approval_is_watermarked_and_needs_a_verification_date()
    {
        var c = DocumentTemplates.ApprovalDecision(Header, new("准予核发施工许可证", CommitmentBased: true, VerificationDueDate: new DateOnly(2027, 1, 6)));
        Assert.That(c.Watermark, Is.EqualTo("附条件 · 承诺待核查"));
        Assert.That(Text(c), Does.Contain("2027年1月6日前核查"));
        Assert.That(() => DocumentTemplates.ApprovalDecision(Header, new("x", CommitmentBased: true)), Throws.ArgumentException);
        Assert.That(DocumentTemplates.ApprovalDecision(Header, new("x")).Watermark, Is.Null);
    }

    [Test]
    public void Certificate_takes_its_title_from_the_input()
    {
        var c = DocumentTemplates.Certificate(Header, new("建筑工程施工许可证", "441802202611210101", [new("建设规模", "12000平方米")], new DateOnly(2026, 11, 21)));
        Assert.That(c.Title, Is.EqualTo("建筑工程施工许可证"));
        Assert.That(c.Kind, Is.EqualTo(DocumentKind.Certificate));
        Assert.That(c.Fields.Select(f => f.Label), Does.Contain("建设规模").And.Contain("有效期"));
    }

    [Test]
    public void Revocation_references_the_revoked_decision_and_gives_remedies()
    {
        var c = DocumentTemplates.Revocation(Header, new("QYGX-2026-000123-ZX", new DateOnly(2026, 11, 21), "申请人作出的承诺与实际情况不符。"));
        Assert.That(Text(c), Does.Contain("QYGX-2026-000123-ZX").And.Contain("第六十九条"));
        Assert.That(c.Remedies, Does.Contain(DocumentTemplates.StandardRemedies));
    }

    [Test]
    public void Exemption_notice_names_category_step_and_basis()
    {
        var c = DocumentTemplates.Exemption(Header, new("小型工程", "投资额≤100万元或建筑面积≤500平方米", "建筑工程施工许可", "《广东省住房和城乡建设厅关于调整施工许可限额的通知》"));
        Assert.That(Text(c), Does.Contain("无需办理“建筑工程施工许可”").And.Contain("广东省住房和城乡建设厅"));
    }

    [TestCase(2026, 11, 21, "二〇二六年十一月二十一日")]
    [TestCase(2026, 1, 10, "二〇二六年一月十日")]
    [TestCase(2030, 10, 30, "二〇三〇年十月三十日")]
    [TestCase(2026, 12, 31, "二〇二六年十二月三十一日")]
    public void Formal_date_uses_chinese_numerals(int y, int m, int d, string expected) =>
        Assert.That(ChineseDate.Formal(new DateOnly(y, m, d)), Is.EqualTo(expected));

    [Test]
    public void Numeric_date_has_no_leading_zeros() =>
        Assert.That(ChineseDate.Numeric(new DateOnly(2026, 3, 5)), Is.EqualTo("2026年3月5日"));
}
