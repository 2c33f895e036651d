namespace ApprovalCenter.Cases;

/// <summary>The texts of the messages a case sends, by the message keys the process definitions use.</summary>
public static class CaseMessages
{
    private static readonly Dictionary<string, (string Title, string Body)> Texts = new()
    {
        ["intake.supplement-notice"] = ("请补正申请材料", "您的申请需要补正材料，请按《一次性告知通知书》所列内容在30日内一次补齐。"),
        ["intake.deemed-accepted"] = ("申请已视为受理", "窗口未在五个工作日内作出受理决定，依法视为受理，自收到申请之日起计算办理时限。"),
        ["intake.not-accepted"] = ("申请未被受理", "补正期限届满未收到补正材料，本次申请不予受理。如需办理请重新申请。"),
        ["decision.denied"] = ("不予行政许可决定", "您的申请未获准予，理由及救济途径见《不予行政许可决定书》。"),
        ["delivery.ready"] = ("审批结果可以领取", "审批结果已在统一出件窗口备好，可到窗口领取、选择邮寄或下载电子证照。"),
        ["delivery.overdue"] = ("送达超期提醒", "审批结果已超过送达期限，请尽快处理。"),
        ["review.excluded-procedure"] = ("特别程序告知", "您的申请需要进行特别程序，所需时间不计入审批时限，详见告知书。"),
        ["review.extended"] = ("审批期限延长", "经本局负责人批准，审批期限延长，理由及新的期限见《延长审批期限告知书》。"),
        ["tolerance.notice"] = ("容缺受理通知", "您的申请已容缺受理，请在通知书所列期限内补齐容缺材料，补齐前证照暂不发放。"),
        ["tolerance.returned"] = ("容缺材料逾期未补", "容缺材料在期限内未补齐，办理终止并退回申请。"),
        ["tolerance.supplement-rejected"] = ("容缺材料需重新提交", "您提交的容缺材料未通过核验，请按要求重新提交。"),
        ["commitment.revoked"] = ("行政许可已撤销", "经核查，您的承诺与实际情况不符，行政许可已依法撤销，并记入信用记录。"),
        ["commitment.verification-overdue"] = ("告知承诺核查超期", "告知承诺事项的事后核查已超过期限，请尽快完成。"),
        ["clock.promised-limit-reached"] = ("承诺时限届满提醒", "办件已到承诺时限。"),
        ["complaint.answered"] = ("反映事项已答复", "您反映的“办不成事”问题已有答复，请查看。"),
        ["complaint.overdue"] = ("反映事项办理超期", "“办不成事”反映事项超过办结期限。"),
        ["startup.opened"] = ("企业开办完成", "营业执照、印章、发票、社保、公积金和银行开户已全部办结。"),
        ["bundle.issued"] = ("证照已同步核发", "项目各项许可已同日核发。"),
        ["hearing.right"] = ("听证权利告知", "您的申请涉及重大利益，您有权要求听证，请在《听证告知书》所列期限内（五日内）提出。"),
        ["hearing.notice"] = ("听证通知", "听证的时间和地点见《听证通知书》，听证所需时间不计入审批时限。"),
        ["hearing.waived"] = ("未申请听证", "您未在五日内申请听证，视为放弃听证，审查继续进行。"),
        ["renewal.deemed"] = ("许可视为准予延续", "本局在许可有效期届满前未作出延续决定，依法视为准予延续（行政许可法第五十条），详见《视为准予延续行政许可通知书》。"),
        ["bundle.pre-review-failed"] = ("模拟审批未通过", "项目的模拟审批未全部通过，请查看各子事项的审查意见。"),
    };

    public static (string Title, string Body) For(string messageKey, CaseRecord record)
    {
        var (title, body) = Texts.GetValueOrDefault(messageKey, ("办件进展", "您的办件有新的进展。"));
        return ($"{title}（{record.Number}）", $"{record.ItemName}：{body}");
    }

    public static (string Title, string Body) DocumentIssued(CaseRecord record, string documentTitle) =>
        ($"{documentTitle}（{record.Number}）", $"{record.ItemName}：本局已出具《{documentTitle}》，可在办件详情中下载，文书加盖行政审批专用章，可扫码核验。");

    public static IReadOnlyCollection<string> Keys => Texts.Keys;
}
