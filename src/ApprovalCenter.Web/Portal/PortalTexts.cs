using ApprovalCenter.Cases;

namespace ApprovalCenter.Web.Portal;

/// <summary>A declaration or commitment text the applicant signs, with the version id stored on
/// the draft and the case so that what was signed can be shown later word for word.</summary>
public sealed record SignedText(string Version, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>The texts the applicant signs before submitting: a truthfulness declaration for the
/// ordinary procedure, the tolerance commitment letter (rules.md §2a) and the commitment letter of
/// 告知承诺制 (rules.md §2b: conditions, the proof no longer asked for, liability).</summary>
public static class PortalTexts
{
    public static readonly SignedText Declaration = new("declaration-v1", "申请人声明",
    [
        "本申请人郑重声明：所填写的申请信息和提交的申请材料真实、准确、完整，复印件与原件一致，不存在隐瞒有关情况或者提供虚假材料的情形。",
        "本申请人知悉：隐瞒有关情况或者提供虚假材料申请行政许可的，行政机关不予受理或者不予行政许可，并给予警告；行政许可申请属于直接关系公共安全、人身健康、生命财产安全事项的，申请人在一年内不得再次申请该行政许可（《中华人民共和国行政许可法》第七十八条）。",
        "本申请人同意通过本系统接收受理、补正、决定等文书和通知。",
    ]);

    public static readonly SignedText ToleranceLetter = new("tolerance-letter-v1", "容缺受理承诺书",
    [
        "本申请人申请以容缺受理方式办理本事项。本申请人已提交全部核心材料，确认“申请材料”中未上传的可容缺材料即为容缺材料。",
        "本申请人承诺：在审批局出具的《容缺受理通知书》载明的期限内补齐全部容缺材料，补交材料与承诺内容一致、真实有效。",
        "本申请人知悉：容缺材料补齐并经核验前，审批局不发放审批结果；逾期未补齐的，终止办理并退回申请，由此产生的后果由本申请人承担。",
        "有失信记录或虚假承诺记录的申请人不适用容缺受理。",
    ]);

    public static readonly SignedText CommitmentLetter = new("commitment-letter-v1", "告知承诺书",
    [
        "审批机关告知：本事项实行告知承诺制（国办发〔2020〕42号、国发〔2021〕7号）。申请人自愿选择本方式，并承诺已经符合本事项的全部许可条件（见本事项办事指南所列的条件与标准）。",
        "对申请人以承诺方式替代的证明材料（即“申请材料”中未上传的非核心材料），审批机关不再索要，改为在作出决定后依法核查。",
        "申请人知悉：审批机关将在决定作出后的规定期限内对承诺内容进行核查；经核查承诺不实的，审批机关依法撤销行政许可决定，记入申请人信用记录，申请人今后不得适用告知承诺和容缺受理方式，并依法承担由此产生的法律责任。",
        "本申请人保证所作承诺真实，愿意承担虚假承诺的法律责任。",
    ]);

    public static SignedText For(CaseMode mode) => mode switch
    {
        CaseMode.Tolerance => ToleranceLetter,
        CaseMode.Commitment => CommitmentLetter,
        _ => Declaration,
    };

    public static string ModeName(CaseMode mode) => mode switch
    {
        CaseMode.Tolerance => "容缺受理",
        CaseMode.Commitment => "告知承诺",
        CaseMode.Joint => "并联审批",
        _ => "一般程序",
    };

    public static string StageName(CaseFileStage stage) => stage switch
    {
        CaseFileStage.Supplement => "补正材料",
        CaseFileStage.Tolerance => "容缺材料",
        _ => "申请材料",
    };

    public static string DeliveryName(string? method) => method switch
    {
        "window" => "窗口领取",
        "mail" => "邮寄",
        "electronic" => "电子证照",
        _ => "未选择",
    };

    /// <summary>How a finished case ended, in the applicant's words.</summary>
    public static string OutcomeName(string? outcome) => outcome switch
    {
        "approved" => "已办结：准予行政许可",
        "denied" => "已办结：不予行政许可",
        "refused" => "已办结：不予受理",
        "not-accepted" => "已办结：逾期未补正，不予受理",
        "revoked" => "已办结：行政许可已撤销",
        "withdrawn" => "已撤回",
        "returned" => "已退回",
        "issued" => "已办结：各项许可已同日核发",
        "opened" => "已办结：企业开办完成",
        "resolved" => "已办结：问题已解决",
        "partially-approved" => "已办结：部分阶段已核发",
        "exempted" => "无需审批（豁免清单）",
        "out-of-scope" => "不属于受理范围",
        _ => "已办结",
    };

    /// <summary>The step names an applicant sees for where the case is.</summary>
    public static string StepName(string step) => step switch
    {
        "intake" => "受理审查中",
        "awaiting-supplement" => "等待您补正材料",
        "awaiting-supplements" => "等待您补齐容缺材料",
        "verify-supplements" => "容缺材料核验中",
        "awaiting-signature" => "等待您签署告知承诺书",
        "review" => "审查中",
        "excluded-procedure" => "特别程序中（不计入审批时限）",
        "extension-approval" => "延期审批中",
        "decide" => "审批决定中",
        "delivery" => "待领取/送达结果",
        "verification" => "已许可，承诺核查中",
        "revocation" => "撤销程序中",
        "approved" => "已办结：准予许可",
        "denied" => "已办结：不予许可",
        "refused" => "不予受理",
        "not-accepted" => "未补正，不予受理",
        "returned" => "容缺材料逾期未补齐，已终止办理",
        "revoked" => "许可已撤销",
        "withdrawn" => "申请人未签署承诺，已撤回",
        _ => step,
    };

    /// <summary>Masks an ID number or credit code for public display: first 6 and last 4 kept.</summary>
    public static string Mask(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (code.Length <= 10) return new string('*', code.Length);
        return code[..6] + new string('*', code.Length - 10) + code[^4..];
    }
}
