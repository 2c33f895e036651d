using ApprovalCenter.Clock;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Cases.Actions;

public static partial class ActionCatalog
{
    public const string GovernmentReplyNumber = "governmentReplyNumber";

    /// <summary>
    /// 并联审批 (ALL Art. 26, 42(2)): the 45-wd joint limit may be extended once by at most 15 wd, and only
    /// the government at the same level may approve it, not the head of the bureau. The head asks the
    /// government and records its written reply by document number; the clock refuses a government
    /// extension without one, and the number is printed on the sealed extension notice.
    /// </summary>
    private static IEnumerable<ActionDescriptor> JointExtension()
    {
        yield return new("request-joint-extension", "申请延长联合办理期限", "Request joint extension", "申请延长联合办理期限（报本级人民政府批准）", ReviewerOnly,
            [InputSpec.Long("extensionReason", "延期理由", "Reason for the extension", "请填写延期理由（将告知申请人）"),
             InputSpec.Int("extensionDays", "延长工作日（最多15日，只能延长一次）", "Extra working days (at most 15, once)", "联合办理延长期限为1至15个工作日（行政许可法第四十二条第二款）", 1, 15)],
            ReasonKey: "extensionReason");
        yield return new("approve-joint-extension", "登记政府批准延期", "Record the government's approval", "登记本级人民政府批准延长联合办理期限", HeadOnly,
            [InputSpec.Text(GovernmentReplyNumber, "本级人民政府批复文号", "Document number of the government's reply", "请填写本级人民政府批复的文号，例如：清新府函〔2026〕15号", maxLength: 50)],
            Rules: d => OfficialDocumentNumber.Parse(d[GovernmentReplyNumber] as string).Error is { } error ? [new InputError(GovernmentReplyNumber, error)] : [],
            Store: d => new Dictionary<string, object?> { [GovernmentReplyNumber] = OfficialDocumentNumber.Parse(d[GovernmentReplyNumber] as string).Number },
            Detail: d => $"批复文号：{d.GetValueOrDefault(GovernmentReplyNumber)}",
            // Days and reason are the reviewer's request already on the case; the approval is the government's.
            Clock: c => new ClockEvent.ExtensionGranted(c.Date, int.Parse(c.Get("extensionDays")?.ToString() ?? "0"), ExtensionApprover.LocalGovernment,
                c.UserName, c.Get("extensionReason") as string ?? "", c.Get(GovernmentReplyNumber) as string),
            Document: DocumentKind.ExtensionNotice, Partial: "_JointExtension");
    }
}
