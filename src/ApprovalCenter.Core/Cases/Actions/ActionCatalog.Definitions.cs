using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Cases.Actions;

public static partial class ActionCatalog
{
    public const string ChooseDelivery = "choose-delivery";

    private static IEnumerable<ActionDescriptor> Build()
    {
        // ── intake (ALL Art. 32) ──────────────────────────────────────────────────────────────
        yield return new("accept", "受理", "Accept", "受理", ClerkOnly,
            [InputSpec.Long("complaint", "反映的问题", "Complaint", "请填写申请人反映的问题", required: false)],
            Clock: Accepted, Document: DocumentKind.AcceptanceNotice, Partial: "_Inputs");
        yield return new("accept-complete", "材料齐全受理", "Accept (complete)", "受理", ClerkOnly, [],
            Clock: Accepted, Document: DocumentKind.AcceptanceNotice);
        yield return new("accept-with-tolerance", "容缺受理", "Accept with tolerance", "容缺受理", ClerkOnly, [],
            Facts: [CaseFacts.CoreMaterialsComplete, CaseFacts.MissingMaterials, CaseFacts.SupplementDeadline, CaseFacts.BadCredit, CaseFacts.FalseCommitmentRecord],
            Clock: Accepted, Document: DocumentKind.ToleranceNotice, Partial: "_Tolerance");
        yield return new("supplement-notice", "一次性告知补正", "One-time supplement notice", "一次性告知需补正的材料", ClerkOnly,
            [new InputSpec("missingMaterials", "需补正的材料及原因", "Materials to supplement", InputType.MaterialReasons,
                "一次性告知须勾选所有缺少或不符合要求的材料（至少一项）", Required: true)],
            Clock: c => new ClockEvent.SupplementRequested(c.Date), Document: DocumentKind.SupplementNotice, Partial: "_SupplementNotice", ReasonKey: "missingMaterials");
        yield return new("request-supplement", "要求补正", "Request supplements", "要求申请人补正材料", ChiefOnly,
            [new InputSpec("missingMaterials", "需补正的材料及原因", "Materials to supplement", InputType.MaterialReasons,
                "请勾选需补正的材料并写明原因", Required: true)],
            Clock: c => new ClockEvent.SupplementRequested(c.Date), Document: DocumentKind.SupplementNotice, Partial: "_SupplementNotice", ReasonKey: "missingMaterials");
        yield return new("supplement", "补正", "Supplement", "申请人提交补正材料", ApplicantOnly, [],
            Facts: [CaseFacts.SupplementedMaterials], Clock: c => new ClockEvent.SupplementReceived(c.Date, c.ActedOn ?? c.Date), Partial: "_Applicant");
        yield return new("refuse", "不予受理", "Refuse", "不予受理", ClerkOnly,
            [InputSpec.Long("refusalReason", "不予受理理由", "Reason for refusal", "不予受理须写明理由"),
             InputSpec.Text("competentAuthority", "告知申请人向其申请的有权机关", "Competent authority", "不予受理须告知申请人向哪个有权机关申请", required: false)],
            Clock: c => new ClockEvent.Refused(c.Date), Document: DocumentKind.RefusalNotice, ReasonKey: "refusalReason");

        // ── commitment-based approval (rules.md §2b) ─────────────────────────────────────────
        yield return new("offer-commitment", "告知承诺", "Offer commitment", "告知承诺事项及要求", ClerkOnly, [],
            Facts: [CaseFacts.HighRisk, CaseFacts.BadCredit, CaseFacts.FalseCommitmentRecord, CaseFacts.CommitmentLetterSigned],
            // Signed with the application already: accepted now, no second signature (see the sign step).
            // Otherwise intake is answered and the wait for the signature is the applicant's time.
            Clock: c => c.Get(CaseFacts.CommitmentLetterSigned) is true ? new ClockEvent.Accepted(c.Date) : new ClockEvent.CommitmentOffered(c.Date),
            Document: DocumentKind.CommitmentLetter, Partial: "_Commitment");
        yield return new("sign", "签署承诺", "Sign commitment", "申请人签署告知承诺书", ApplicantOnly, [],
            Facts: [CaseFacts.CommitmentLetterVersion], Clock: Accepted, Partial: "_Applicant");
        yield return new("decline", "不接受", "Decline", "不签署告知承诺书，撤回申请", [Roles.Applicant, Roles.Clerk],
            [InputSpec.Long("declineReason", "不予受理的理由", "Reason", "请填写理由", required: false)], ReasonKey: "declineReason");
        yield return new("verify-true", "核查属实", "Commitment verified", "承诺核查属实", ReviewerOnly, []);
        yield return new("verify-false", "承诺不实", "Commitment false", "承诺核查不实", ReviewerOnly,
            [InputSpec.Long("findings", "核查发现的不实情况", "Findings", "请填写核查发现的不实情况")], ReasonKey: "findings");
        yield return new("revoke", "撤销许可", "Revoke", "撤销行政许可", ChiefOnly,
            [InputSpec.Long("reason", "理由", "Reason", "请填写理由")], Document: DocumentKind.RevocationNotice, Power: ActionDescriptor.DecidePower, ReasonKey: "reason");

        // ── tolerance-based acceptance (rules.md §2a) ────────────────────────────────────────
        yield return new("submit-supplements", "提交容缺材料", "Submit tolerated materials", "申请人提交容缺材料", ApplicantOnly, [],
            Facts: [CaseFacts.SupplementedMaterials], Partial: "_Applicant");
        yield return new("verify", "核验通过", "Verify materials", "容缺材料核验通过", ClerkOnly, []);
        yield return new("reject-supplements", "材料不合格", "Reject materials", "容缺材料核验不通过", ClerkOnly,
            [InputSpec.Long("supplementProblem", "容缺材料存在的问题", "Problem with the materials", "请写明容缺材料存在的问题")], ReasonKey: "supplementProblem");

        // ── review and the clock (ALL Art. 42, 45) ───────────────────────────────────────────
        yield return new("submit-opinion", "提交审查意见", "Submit opinion", "提出审查意见", ReviewerOnly,
            [InputSpec.Long("opinion", "审查意见", "Opinion", "请填写审查意见")], ReasonKey: "opinion");
        yield return new("start-excluded-procedure", "启动特别程序", "Start excluded procedure", "启动特别程序（不计入审批时限）", ReviewerOnly,
            [InputSpec.Choice("procedure", "特别程序（行政许可法第四十五条）", "Procedure (ALL Art. 45)", "请选择特别程序", Enum.GetNames<ExcludedProcedure>()),
             InputSpec.Int("expectedDays", "预计所需工作日（书面告知申请人）", "Expected working days", "请填写特别程序预计所需的工作日数（1至1000）", 1, 1000),
             InputSpec.Long("procedureReason", "需要特别程序的原因（写入告知书）", "Why the procedure is needed", "请填写需要特别程序的原因", required: false)],
            Clock: c => new ClockEvent.PauseStarted(c.Date, Enum.Parse<ExcludedProcedure>((string)c.Get("procedure")!), int.Parse((string)c.Get("expectedDays")!)),
            Document: DocumentKind.ExcludedProcedureNotice, ReasonKey: "procedureReason");
        yield return new("end-excluded-procedure", "特别程序结束", "End excluded procedure", "特别程序结束，恢复计时", ReviewerOnly, [],
            Clock: c => new ClockEvent.PauseEnded(c.Date));
        yield return new("request-extension", "申请延期", "Request extension", "申请延长审批期限", ReviewerOnly,
            [InputSpec.Long("extensionReason", "延期理由", "Reason for the extension", "请填写延期理由（将告知申请人）"),
             InputSpec.Int("extensionDays", "延长工作日（最多10日，只能延长一次）", "Extra working days (at most 10, once)", "延长期限为1至10个工作日（行政许可法第四十二条）", 1, 10)],
            ReasonKey: "extensionReason");
        yield return new("approve-extension", "批准延期", "Approve extension", "局长批准延长审批期限", HeadOnly, [],
            // The days and reason are the reviewer's request, already on the case (bureau-owned).
            Clock: c => new ClockEvent.ExtensionGranted(c.Date, int.Parse(c.Get("extensionDays")?.ToString() ?? "0"), ExtensionApprover.BureauHead, c.UserName, c.Get("extensionReason") as string ?? ""),
            Document: DocumentKind.ExtensionNotice, Partial: "_Extension");
        foreach (var joint in JointExtension()) yield return joint;
        foreach (var hearing in Hearing()) yield return hearing;
        yield return new("reject-extension", "不批准延期", "Reject extension", "局长不批准延期", HeadOnly,
            [InputSpec.Long("reason", "理由", "Reason", "请填写理由")], ReasonKey: "reason");

        // ── exceeding the promised limit (rules.md §1d): the handler asks, a supervisor decides before the
        // limit is reached, the applicant gets a sealed notice. Not workflow transitions: CaseService
        // records them on the case (PromisedLimitRequest) in one commit with the journal.
        yield return new(RequestPromisedLimit, "申请超过承诺时限", "Request to exceed the promised limit", "申请超过承诺时限（待督查批准）",
            [Roles.Reviewer, Roles.ChiefRepresentative],
            [InputSpec.Long("promisedLimitReason", "理由（将告知申请人）", "Reason (told to the applicant)", "请填写需要超过承诺时限的理由"),
             InputSpec.Date("newPromisedDeadline", "新的承诺办结日期（不得晚于法定期限）", "New promised date (not after the statutory deadline)", "请填写新的承诺办结日期（格式 yyyy-MM-dd）")],
            ReasonKey: "promisedLimitReason", CaseOnly: true);
        yield return new(ApprovePromisedLimit, "批准超过承诺时限", "Approve exceeding the promised limit", "督查批准超过承诺时限，并告知申请人", SupervisorOnly,
            [InputSpec.Long("decisionReason", "批准意见（可选）", "Comment (optional)", "请填写批准意见", required: false)],
            // The days and reason are the handler's request, already on the case (bureau-owned).
            Clock: c => new ClockEvent.PromisedLimitExtended(c.Date, int.Parse(c.Get("promisedExtraDays")?.ToString() ?? "0"), c.UserName, c.Get("promisedLimitReason") as string ?? ""),
            Document: DocumentKind.PromisedLimitNotice, ReasonKey: "decisionReason", CaseOnly: true);
        yield return new(RefusePromisedLimit, "不批准超过承诺时限", "Refuse exceeding the promised limit", "督查不批准超过承诺时限", SupervisorOnly,
            [InputSpec.Long("decisionReason", "不批准理由", "Reason", "请填写不批准的理由")], ReasonKey: "decisionReason", CaseOnly: true);

        // ── decisions (ALL Art. 38) ──────────────────────────────────────────────────────────
        yield return new("approve", "准予许可", "Approve", "作出准予行政许可决定", ChiefOnly,
            [InputSpec.Text("decisionNote", "决定意见（可选）", "Decision note (optional)", "请填写决定意见", required: false)],
            Clock: Decided, Document: DocumentKind.ApprovalDecision, Partial: "_Approve", Power: ActionDescriptor.DecidePower, ReasonKey: "decisionNote");
        yield return new("deny", "不予许可", "Deny", "作出不予行政许可决定", ChiefOnly,
            [InputSpec.Long("denialReason", "不予许可理由（决定书将告知复议、诉讼权利）", "Reasons for denial", "不予许可须写明理由")],
            Clock: Decided, Document: DocumentKind.DenialDecision, Power: ActionDescriptor.DecidePower, ReasonKey: "denialReason");
        yield return new("return-to-review", "退回审查", "Return to review", "退回审查", ChiefOnly,
            [InputSpec.Long("reason", "理由", "Reason", "请填写理由")], ReasonKey: "reason");

        // ── delivery (ALL Art. 44, one-window pickup) ────────────────────────────────────────
        yield return Deliver("deliver");
        yield return Deliver("hand-out");
        yield return new(ChooseDelivery, "选择领取方式", "Choose delivery", "申请人选择结果领取方式", ApplicantOnly,
            [InputSpec.Choice("deliveryMethod", "领取方式", "Delivery method", "请选择领取方式。", DeliveryMethods.Codes),
             InputSpec.Text("mailingAddress", "邮寄地址", "Mailing address", "邮寄地址不能超过200个字。", required: false)],
            Rules: d => d["deliveryMethod"] is "mail" && d.GetValueOrDefault("mailingAddress") is null
                ? [new InputError("mailingAddress", "选择邮寄时请填写邮寄地址。")] : [],
            Store: d => new Dictionary<string, object?> { ["deliveryMethod"] = d["deliveryMethod"], ["mailingAddress"] = d["deliveryMethod"] is "mail" ? d["mailingAddress"] : null },
            CaseOnly: true, Partial: "_Applicant");

        // ── joint review, bundles, phases ────────────────────────────────────────────────────
        yield return new("pass", "通过", "Pass", "审查通过", ReviewerOnly, []);
        yield return new("object", "不同意", "Object", "提出不同意见", ReviewerOnly,
            [InputSpec.Long("objection", "不同意见", "Objection", "请填写不同意见")], ReasonKey: "objection");
        yield return new("fail", "不通过", "Fail", "预审不通过", ReviewerOnly,
            [InputSpec.Long("opinion", "审查意见", "Opinion", "请填写审查意见")], ReasonKey: "opinion");
        // 并联审批: a co-reviewing department objected; the lead's chief representative records how it was resolved.
        yield return new("resolve-objection", "协调一致", "Objection resolved", "牵头部门协调不同意见，各部门达成一致", ChiefOnly,
            [InputSpec.Long("resolution", "协调结果", "Resolution", "请写明与提出不同意见的部门协调的结果")], ReasonKey: "resolution");
        yield return new("issue-all", "统一发证", "Issue all", "各项许可同日核发", ChiefOnly, [],
            Clock: Decided, Document: DocumentKind.ApprovalDecision, Power: ActionDescriptor.DecidePower);
        yield return new("withdraw", "撤回", "Withdraw", "申请人撤回申请", ApplicantOnly, [], Partial: "_Applicant");
        // The phase is decided and both limits stop; the next phase, if applied for, starts fresh ones.
        yield return new("approve-phase", "本阶段准予", "Approve phase", "准予本阶段施工许可", ChiefOnly, [],
            Clock: c => new ClockEvent.PhaseIssued(c.Date), Document: DocumentKind.ApprovalDecision, Power: ActionDescriptor.DecidePower);
        yield return new("apply-next-phase", "申请下一阶段", "Apply for next phase", "申请人申请下一阶段施工许可", ApplicantOnly,
            [InputSpec.Text("phase", "申请的施工阶段", "Phase", "请填写申请的施工阶段"),
             InputSpec.Bool("finalPhase", "是否为最后阶段", "Final phase", "请说明是否为最后阶段", required: true)], Partial: "_Applicant");
        yield return new("stop-phases", "不再申请", "Stop phases", "申请人不再申请后续阶段", ApplicantOnly, [], Partial: "_Applicant");
        yield return new("register", "登记", "Register", "企业登记", ClerkOnly,
            [InputSpec.Text("companyName", "企业名称", "Company name", "请填写企业名称")]);
        yield return new("complete", "办结", "Complete", "本环节办结", ClerkOnly, []);
        yield return new("check-and-forward", "核验转交", "Check and forward", "收件地核验后转交属地审批", ClerkOnly,
            [InputSpec.Text("receivingPlace", "收件地", "Receiving place", "请填写收件地"),
             InputSpec.Text("homePlace", "属地审批机关", "Home authority", "请填写属地审批机关"),
             InputSpec.Bool("applicantIdentityChecked", "已核验申请人身份", "Identity checked", "请核验申请人身份", required: true)]);
        yield return new("reject-form", "退回", "Return form", "申请表不符合要求，退回", ClerkOnly,
            [InputSpec.Long("returnReason", "退回理由", "Reason", "请填写退回理由")], ReasonKey: "returnReason");

        // ── the "couldn't get it done" window (rules.md §3) ──────────────────────────────────
        yield return new("dispatch", "分派", "Dispatch", "分派至相关部门", SupervisorOnly,
            [InputSpec.Choice("department", "承办部门", "Department", "请选择承办部门", Departments.All)]);
        yield return new("respond", "提出意见", "Respond", "部门提出处理意见", ReviewerOnly,
            [InputSpec.Long("response", "处理意见", "Response", "请填写处理意见")], ReasonKey: "response");
        yield return new("coordinate", "协调", "Coordinate", "督查协调处理", SupervisorOnly,
            [InputSpec.Long("resolution", "协调结果", "Resolution", "请填写协调结果")], ReasonKey: "resolution");
        yield return new("answer", "答复", "Answer", "答复申请人", ClerkOnly,
            [InputSpec.Long("answer", "答复内容", "Answer", "请填写答复内容")], ReasonKey: "answer");
        yield return new("satisfied", "满意", "Satisfied", "回访：申请人满意", ClerkOnly, []);
        yield return new("unsatisfied", "不满意", "Unsatisfied", "回访：申请人不满意", ClerkOnly, []);
    }

    /// <summary>The hand-over at the pickup window: who collected it (identity checked, the ID number
    /// kept masked), the tracking number of a post, or the confirmed e-licence download.</summary>
    private static ActionDescriptor Deliver(string id) => new(id, "出件", "Hand over", "统一窗口送达结果", ClerkOnly,
        [InputSpec.Choice("deliveryMethod", "送达方式", "Delivery method", "请选择送达方式", DeliveryMethods.Names),
         InputSpec.Text("collectorName", "领取人姓名", "Collector's name", "请填写领取人姓名", required: false, maxLength: 50),
         InputSpec.Text("collectorIdNumber", "领取人身份证号码", "Collector's ID number", "请填写领取人身份证号码", required: false, maxLength: 18),
         InputSpec.Choice("collectorRelation", "领取人身份", "Collector is", "请选择领取人是申请人本人还是受托人", ["applicant", "agent"], required: false),
         InputSpec.Text("trackingNumber", "快递单号", "Tracking number", "邮寄送达须填写快递单号", required: false, maxLength: 50),
         InputSpec.Bool("electronicLicenceConfirmed", "申请人已确认下载电子证照", "E-licence download confirmed", "请确认申请人已下载电子证照")],
        Clock: Delivered, Document: DocumentKind.Certificate, Partial: "_Deliver", Rules: DeliveryRules, Store: DeliveryStore);

    private static IEnumerable<InputError> DeliveryRules(IReadOnlyDictionary<string, object?> d)
    {
        switch (d["deliveryMethod"])
        {
            case DeliveryMethods.AtWindow:
                if (d.GetValueOrDefault("collectorName") is null) yield return new("collectorName", "请填写领取人姓名");
                if (ResidentIdNumber.Validate((d.GetValueOrDefault("collectorIdNumber") as string)?.ToUpperInvariant()) is { } idError)
                    yield return new("collectorIdNumber", "领取人身份证号码：" + idError);
                if (d.GetValueOrDefault("collectorRelation") is null) yield return new("collectorRelation", "请选择领取人是申请人本人还是受托人");
                break;
            case DeliveryMethods.ByPost:
                if (d.GetValueOrDefault("trackingNumber") is null) yield return new("trackingNumber", "邮寄送达须填写快递单号");
                break;
            case DeliveryMethods.Electronic:
                if (d.GetValueOrDefault("electronicLicenceConfirmed") is not true) yield return new("electronicLicenceConfirmed", "请确认申请人已下载电子证照");
                break;
        }
    }

    private static IReadOnlyDictionary<string, object?> DeliveryStore(IReadOnlyDictionary<string, object?> d)
    {
        var method = (string)d["deliveryMethod"]!;
        var stored = new Dictionary<string, object?> { ["deliveryMethod"] = method, ["collectorIdChecked"] = method == DeliveryMethods.AtWindow };
        if (method == DeliveryMethods.AtWindow)
        {
            var id = ((string)d["collectorIdNumber"]!).ToUpperInvariant();
            stored["collectorName"] = d["collectorName"];
            // Only the masked number is kept on the case: the clerk saw the card, the record says so.
            stored["collectorIdMasked"] = id[..6] + "********" + id[14..];
            stored["collectorRelation"] = d["collectorRelation"] is "agent" ? "受托人" : "申请人本人";
        }
        if (method == DeliveryMethods.ByPost) stored["trackingNumber"] = d["trackingNumber"];
        if (method == DeliveryMethods.Electronic) stored["electronicLicenceConfirmed"] = true;
        return stored;
    }
}
