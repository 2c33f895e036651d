using ApprovalCenter.Cases;

namespace ApprovalCenter.Web.Portal;

/// <summary>Words the portal shows applicants. The texts applicants sign live in
/// <see cref="SignedTexts"/> (Core), because submission checks their versions whatever the path.</summary>
public static class PortalTexts
{
    public static SignedText Declaration => SignedTexts.Declaration;
    public static SignedText ToleranceLetter => SignedTexts.ToleranceLetter;
    public static SignedText CommitmentLetter => SignedTexts.CommitmentLetter;
    public static SignedText For(CaseMode mode) => SignedTexts.For(mode);

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
        "deemed-renewed" => "已办结：依法视为准予延续",
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
        "hearing-right" => "可申请听证（五日内）",
        "hearing-scheduling" => "听证安排中（不计入审批时限）",
        "hearing" => "待举行听证（不计入审批时限）",
        "deemed-renewed" => "已办结：视为准予延续",
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
