using ApprovalCenter.Documents;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

/// <summary>One realistic document of every kind, with mixed Chinese and Latin text.</summary>
internal static class Samples
{
    public const string CreditCode = "91441800MA4WQY3K26";
    public const string Alias = "Qingyuan Example Construction Co., Ltd.";
    public const string CaseNumber = "QYGX-2026-000123";

    public static readonly DocumentHeader Header = new(
        CaseNumber,
        new DateOnly(2026, 11, 21),
        DocumentParty.Organisation("清远示例建设有限公司", CreditCode, Alias),
        new DocumentItem("建筑工程施工许可证核发（新办）", "ZJ-001"));

    public static readonly MissingMaterial[] Missing =
    [
        new("农民工工资保证金缴存凭证", "未提交。请提交开户银行出具的保证金缴存凭证原件及复印件（加盖公章）。"),
        new("施工现场具备施工条件承诺", "承诺书未加盖申请单位公章，且未写明现场“三通一平”完成日期。"),
        new("施工图设计文件审查合格意见（联合审图）", "审查合格意见书编号与系统登记的项目编号 PRJ-2026-0456 不一致，请核对后重新出具。"),
    ];

    public static DocumentContent For(DocumentKind kind) => kind switch
    {
        DocumentKind.AcceptanceNotice => DocumentTemplates.Acceptance(Header, new(new DateOnly(2026, 11, 21), 3, new DateOnly(2026, 11, 26))),
        DocumentKind.RefusalNotice => DocumentTemplates.Refusal(Header, new("该项目位于清城区行政区域内，不属于本局受理范围。", "清远市清城区住房和城乡建设局")),
        DocumentKind.SupplementNotice => DocumentTemplates.Supplement(Header, new(Missing)),
        DocumentKind.ToleranceNotice => DocumentTemplates.Tolerance(Header, new(Missing[..2], new DateOnly(2026, 11, 25), "通过广东政务服务网上传扫描件，原件于领证时核验", new DateOnly(2026, 11, 21))),
        DocumentKind.CommitmentLetter => DocumentTemplates.CommitmentLetter(Header, new(["已依法取得建设工程规划许可证", "建设资金已经落实"], ["建设资金已落实证明"], 30)),
        DocumentKind.ExcludedProcedureNotice => DocumentTemplates.ExcludedProcedure(Header, new("专家评审", "项目涉及超过一定规模的深基坑工程", new DateOnly(2026, 11, 23), 10)),
        DocumentKind.ExtensionNotice => DocumentTemplates.Extension(Header, new(10, "项目涉及多个单体，需逐一现场核查", new DateOnly(2026, 12, 10))),
        DocumentKind.ApprovalDecision => DocumentTemplates.ApprovalDecision(Header, new(
            "准予核发建筑工程施工许可证（清远高新区创新大道 88 号研发楼，建筑面积 12,000 m²）",
            Conditions: ["按照经审查合格的施工图设计文件施工", "自领取施工许可证之日起三个月内开工"],
            CommitmentBased: true, VerificationDueDate: new DateOnly(2027, 1, 6),
            ItemLegalBasis: ["《中华人民共和国建筑法》第七条、第八条"])),
        DocumentKind.DenialDecision => DocumentTemplates.DenialDecision(Header, new(
            ["施工图设计文件审查未通过（审查意见书编号 SC-2026-0789）", "未提供建设资金已经落实的承诺或证明"],
            ["《建筑工程施工许可管理办法》第四条"])),
        DocumentKind.Certificate => DocumentTemplates.Certificate(Header, new("建筑工程施工许可证", "441802202611210101",
            [new("工程名称", "创新大道 88 号研发楼 (R&D Building No.88)"), new("建设规模", "12,000 平方米")], new DateOnly(2026, 11, 21))),
        DocumentKind.ExemptionNotice => DocumentTemplates.Exemption(Header, new("小型建筑工程", "工程投资额在100万元以下或者建筑面积在500平方米以下", "建筑工程施工许可证核发", "《广东省住房和城乡建设厅关于调整房屋建筑和市政基础设施工程施工许可办理限额的通知》")),
        DocumentKind.RevocationNotice => DocumentTemplates.Revocation(Header, new($"{CaseNumber}-ZX", new DateOnly(2026, 11, 21), "申请人承诺的“建设资金已经落实”与实际情况不符。")),
        DocumentKind.PromisedLimitNotice => DocumentTemplates.PromisedLimit(Header, new(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 27), "需现场核验施工条件", new DateOnly(2026, 12, 1))),
        DocumentKind.DeemedRenewalNotice => DocumentTemplates.DeemedRenewal(Header, new("QYGX-2021-000417-ZZ", new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 1), new DateOnly(2031, 11, 30))),
        DocumentKind.HearingRightNotice => DocumentTemplates.HearingRight(Header, new("项目排污口设置涉及下游居民重大利益", new DateOnly(2026, 11, 26))),
        DocumentKind.HearingNotice => DocumentTemplates.Hearing(Header, new(new DateOnly(2026, 12, 4), "本局三楼听证室", "王五", "项目排污口设置涉及下游居民重大利益")),
        DocumentKind.SupervisionReport => new DocumentContent
        {
            Kind = kind, Title = kind.Title(), CaseNumber = Header.CaseNumber, IssueDate = Header.IssueDate, Applicant = Header.Applicant, Item = Header.Item,
            Fields = [new("统一社会信用代码", CreditCode), new("好评率", "98.5%"), new("回访率", "100%")], Paragraphs = ["超期件：本月末无超期在办件（Qingyuan HTZ）。"],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
