using static ApprovalCenter.Documents.ChineseDate;

namespace ApprovalCenter.Documents;

/// <summary>
/// Builds the standard content of each document kind. The wording follows what the law makes
/// each document say (rules §1c, §2a–2c, §5): a refusal or denial gives reasons and remedies, a
/// tolerance notice gives the missing materials, the way and deadline to submit them and the
/// consequence of missing the deadline, a commitment letter gives conditions, waived proofs and
/// the liability for a false commitment. Templates refuse inputs that would produce a document
/// missing one of these, because such a document would be unlawful, not merely incomplete.
/// </summary>
public static partial class DocumentTemplates
{
    /// <summary>The remedies sentence of every adverse decision (行政复议法 Art. 20: 60 days;
    /// 行政诉讼法 Art. 46: 6 months).</summary>
    public const string StandardRemedies = "如不服本决定，可在收到本决定之日起60日内申请行政复议，或者在6个月内依法提起行政诉讼。";

    public const string CommitmentWatermark = "附条件 · 承诺待核查";

    public static DocumentContent Acceptance(DocumentHeader h, AcceptanceInput input)
    {
        Positive(input.PromisedWorkingDays, nameof(input.PromisedWorkingDays), allowZero: true);
        return Base(h, DocumentKind.AcceptanceNotice) with
        {
            Fields = [.. CommonFields(h), new("受理日期", Numeric(input.AcceptedOn)), new("承诺办结时限", $"{input.PromisedWorkingDays}个工作日"), new("承诺办结日期", Numeric(input.DueDate))],
            Paragraphs =
            [
                $"你（单位）于{Numeric(input.AcceptedOn)}提出的“{h.Item.Name}”申请，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本局决定予以受理。",
                $"本局将在受理之日起{input.PromisedWorkingDays}个工作日内（即{Numeric(input.DueDate)}前）作出决定。依法需要听证、检验、检测、鉴定和专家评审的，所需时间不计入上述期限，本局将另行书面告知。",
                input.QueryHint ?? $"可凭受理编号{h.CaseNumber}在网上办事平台或扫描本通知书二维码查询办理进度。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第三十二条"],
        };
    }

    public static DocumentContent Refusal(DocumentHeader h, RefusalInput input)
    {
        Required(input.Reason, "不予受理的理由");
        var paragraphs = new List<string>
        {
            $"你（单位）提出的“{h.Item.Name}”申请，经审查，因下列理由，根据《中华人民共和国行政许可法》第三十二条的规定，本局决定不予受理：",
            input.Reason,
        };
        if (!string.IsNullOrWhiteSpace(input.CompetentAuthority))
            paragraphs.Add($"该申请事项依法不属于本局职权范围，请向{input.CompetentAuthority}提出申请。");
        return Base(h, DocumentKind.RefusalNotice) with
        {
            Fields = CommonFields(h),
            Paragraphs = paragraphs,
            LegalBasis = ["《中华人民共和国行政许可法》第三十二条"],
            Remedies = [StandardRemedies],
        };
    }

    public static DocumentContent Supplement(DocumentHeader h, SupplementInput input)
    {
        NotEmpty(input.Materials, "需补正的材料");
        Positive(input.NaturalDaysToSupplement, nameof(input.NaturalDaysToSupplement));
        return Base(h, DocumentKind.SupplementNotice) with
        {
            Fields = CommonFields(h),
            Paragraphs =
            [
                $"你（单位）提出的“{h.Item.Name}”申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现一次性告知需要补正的全部内容（共{input.Materials.Count}项，见下表）。",
                $"请自收到本通知书之日起{input.NaturalDaysToSupplement}日内补正，提交方式：{input.SubmitHow}。补正期间不计入审批时限；材料补正齐全之日起，本局依法予以受理。",
                $"逾期未补正或者补正后仍不符合要求的，本局将不予受理该申请。",
            ],
            Table = MaterialsTable("需补正材料清单", input.Materials),
            LegalBasis = ["《中华人民共和国行政许可法》第三十二条第一款第（四）项"],
        };
    }

    public static DocumentContent Tolerance(DocumentHeader h, ToleranceInput input)
    {
        NotEmpty(input.Materials, "容缺的材料");
        Required(input.SubmitHow, "补交方式");
        if (input.SupplementDeadline <= input.AcceptedOn)
            throw new ArgumentException("容缺材料的补交期限必须晚于容缺受理日期。", nameof(input));
        return Base(h, DocumentKind.ToleranceNotice) with
        {
            Fields = [.. CommonFields(h), new("容缺受理日期", Numeric(input.AcceptedOn)), new("补交截止日期", Numeric(input.SupplementDeadline))],
            Paragraphs =
            [
                $"你（单位）提出的“{h.Item.Name}”申请，核心材料齐全，符合容缺受理条件。根据你（单位）签署的容缺受理承诺书，本局于{Numeric(input.AcceptedOn)}予以容缺受理，审批时限自容缺受理之日起计算，审查即时开展。",
                $"尚缺的材料共{input.Materials.Count}项（见下表），请于{Numeric(input.SupplementDeadline)}前补交，补交方式：{input.SubmitHow}。",
                "容缺材料经核验齐全前，审批结果（证照）暂不发放。",
                $"逾期未补交或者补交的材料不符合要求的，本局将终止办理并退回申请，已作出的审查结论不再有效；该情形将记入申请人信用记录，今后不再适用容缺受理。",
            ],
            Table = MaterialsTable("容缺材料清单", input.Materials),
            LegalBasis = ["《优化营商环境条例》第四十二条", "《广东省优化营商环境条例》"],
        };
    }

    public static DocumentContent CommitmentLetter(DocumentHeader h, CommitmentInput input)
    {
        NotEmpty(input.Conditions, "许可条件");
        NotEmpty(input.WaivedProofs, "不再索要的证明材料");
        Positive(input.VerificationWorkingDays, nameof(input.VerificationWorkingDays));
        var paragraphs = new List<string>
        {
            $"你（单位）申请办理“{h.Item.Name}”，自愿选择告知承诺方式。本局现书面告知如下：",
            "一、许可条件：",
        };
        paragraphs.AddRange(input.Conditions.Select((c, i) => $"{i + 1}. {c}"));
        paragraphs.Add("二、申请人作出承诺后，本局不再索要下列证明材料：");
        paragraphs.AddRange(input.WaivedProofs.Select((c, i) => $"{i + 1}. {c}"));
        paragraphs.Add($"三、本局将在作出许可决定后{input.VerificationWorkingDays}个工作日内对承诺内容进行核查。");
        paragraphs.Add("四、承诺不实的法律责任：申请人作出不实承诺的，本局将依法撤销行政许可决定，并将失信情况记入信用记录，申请人今后不再适用告知承诺制和容缺受理；构成违法的，依法追究法律责任。");
        paragraphs.Add("申请人承诺：已知晓上述许可条件，所提供的信息真实、准确，符合上述条件；愿意承担不实承诺的法律责任。");
        paragraphs.Add("申请人（签章）：                    日期：");
        return Base(h, DocumentKind.CommitmentLetter) with
        {
            Fields = CommonFields(h),
            Paragraphs = paragraphs,
            LegalBasis = ["《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》（国办发〔2020〕42号）", "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）"],
        };
    }

    public static DocumentContent ExcludedProcedure(DocumentHeader h, ExcludedProcedureInput input)
    {
        Required(input.Procedure, "特别程序名称");
        Required(input.Reason, "特别程序的理由");
        Positive(input.ExpectedDays, nameof(input.ExpectedDays));
        var length = input.WorkingDays ? $"{input.ExpectedDays}个工作日" : $"{input.ExpectedDays}日";
        return Base(h, DocumentKind.ExcludedProcedureNotice) with
        {
            Fields = [.. CommonFields(h), new("特别程序", input.Procedure), new("开始日期", Numeric(input.StartsOn)), new("预计所需时间", length)],
            Paragraphs =
            [
                $"你（单位）申请的“{h.Item.Name}”，因{input.Reason}，需要进行{input.Procedure}。",
                $"该程序自{Numeric(input.StartsOn)}开始，预计需要{length}。根据《中华人民共和国行政许可法》第四十五条的规定，{input.Procedure}所需时间不计入审批期限，审批时限自程序结束之日起继续计算。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第四十五条"],
        };
    }

    public static DocumentContent Extension(DocumentHeader h, ExtensionInput input)
    {
        Positive(input.ExtraWorkingDays, nameof(input.ExtraWorkingDays));
        Required(input.Reason, "延期理由");
        return Base(h, DocumentKind.ExtensionNotice) with
        {
            Fields = [.. CommonFields(h), new("延长期限", $"{input.ExtraWorkingDays}个工作日"), new("延长后办结日期", Numeric(input.NewDueDate)),
                      .. input.ApprovalDocument is { } doc ? [new DocumentField("批准文件", $"{input.ApprovedBy}《{doc}》")] : Array.Empty<DocumentField>()],
            Paragraphs =
            [
                $"你（单位）申请的“{h.Item.Name}”，因{input.Reason}，不能在规定期限内作出决定。",
                input.ApprovalDocument is { } reply
                    ? $"经{input.ApprovedBy}批准（{reply}），根据《中华人民共和国行政许可法》第四十二条第二款的规定，联合办理期限延长{input.ExtraWorkingDays}个工作日，本局将于{Numeric(input.NewDueDate)}前作出决定。"
                    : $"经{input.ApprovedBy}批准，根据《中华人民共和国行政许可法》第四十二条的规定，审批期限延长{input.ExtraWorkingDays}个工作日，本局将于{Numeric(input.NewDueDate)}前作出决定。",
            ],
            LegalBasis = [input.ApprovalDocument is null ? "《中华人民共和国行政许可法》第四十二条" : "《中华人民共和国行政许可法》第二十六条、第四十二条第二款"],
        };
    }

    /// <summary>rules.md §1d: the applicant is told before the promised limit is reached that it will be exceeded,
    /// why, and the new date, which never passes the statutory deadline.</summary>
    public static DocumentContent PromisedLimit(DocumentHeader h, PromisedLimitInput input)
    {
        Required(input.Reason, "超过承诺时限的理由");
        if (input.NewPromisedDueDate <= input.PromisedDueDate || input.NewPromisedDueDate > input.StatutoryDueDate)
            throw new ArgumentException("新的承诺办结日期应晚于原承诺办结日期且不晚于法定期限。", nameof(input));
        return Base(h, DocumentKind.PromisedLimitNotice) with
        {
            Fields = [.. CommonFields(h), new("原承诺办结日期", Numeric(input.PromisedDueDate)), new("新的承诺办结日期", Numeric(input.NewPromisedDueDate)),
                new("法定办结期限", Numeric(input.StatutoryDueDate))],
            Paragraphs =
            [
                $"你（单位）申请的“{h.Item.Name}”，因{input.Reason}，不能在本局承诺的办结日期{Numeric(input.PromisedDueDate)}前作出决定。",
                $"经本局督查部门批准，承诺办结日期调整为{Numeric(input.NewPromisedDueDate)}，仍在法定期限{Numeric(input.StatutoryDueDate)}之内。特此告知。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第四十二条", "本局政务服务事项承诺时限管理规定"],
        };
    }

    public static DocumentContent ApprovalDecision(DocumentHeader h, ApprovalInput input)
    {
        Required(input.PermittedContent, "准予许可的内容");
        if (input.CommitmentBased && input.VerificationDueDate is null)
            throw new ArgumentException("告知承诺方式作出的许可决定必须写明核查期限。", nameof(input));
        var fields = new List<DocumentField>(CommonFields(h)) { new("许可内容", input.PermittedContent) };
        if (input.ValidUntil is { } until) fields.Add(new("有效期至", Numeric(until)));
        var paragraphs = new List<string>
        {
            $"你（单位）提出的“{h.Item.Name}”申请，经审查，符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本局决定准予行政许可。",
        };
        if (input.Conditions is { Count: > 0 } conditions)
        {
            paragraphs.Add("被许可人应当遵守下列要求：");
            paragraphs.AddRange(conditions.Select((c, i) => $"{i + 1}. {c}"));
        }
        if (input.CommitmentBased)
            paragraphs.Add($"本决定系依据你（单位）的告知承诺作出，本局将于{Numeric(input.VerificationDueDate!.Value)}前核查承诺内容。经核查承诺不实的，本局将依法撤销本决定。");
        paragraphs.Add("本局将在本决定作出之日起10个工作日内向你（单位）颁发、送达行政许可证件。");
        return Base(h, DocumentKind.ApprovalDecision) with
        {
            Fields = fields,
            Paragraphs = paragraphs,
            LegalBasis = ["《中华人民共和国行政许可法》第三十八条第一款、第四十四条", .. input.ItemLegalBasis ?? []],
            Watermark = input.CommitmentBased ? CommitmentWatermark : null,
        };
    }

    public static DocumentContent DenialDecision(DocumentHeader h, DenialInput input)
    {
        NotEmpty(input.Reasons, "不予许可的理由");
        var paragraphs = new List<string>
        {
            $"你（单位）提出的“{h.Item.Name}”申请，经审查，不符合法定条件、标准，理由如下：",
        };
        paragraphs.AddRange(input.Reasons.Select((r, i) => $"{i + 1}. {r}"));
        paragraphs.Add("根据《中华人民共和国行政许可法》第三十八条第二款的规定，本局决定不予行政许可。");
        return Base(h, DocumentKind.DenialDecision) with
        {
            Fields = CommonFields(h),
            Paragraphs = paragraphs,
            LegalBasis = ["《中华人民共和国行政许可法》第三十八条第二款", .. input.ItemLegalBasis ?? []],
            Remedies = [StandardRemedies],
        };
    }

    public static DocumentContent Certificate(DocumentHeader h, CertificateInput input)
    {
        Required(input.CertificateTitle, "证照名称");
        Required(input.CertificateNumber, "证照编号");
        var fields = new List<DocumentField>
        {
            new("证照编号", input.CertificateNumber),
            new("持证主体", h.Applicant.DisplayName),
            new(h.Applicant.IdentifierLabel, h.Applicant.Identifier),
        };
        fields.AddRange(input.Particulars);
        fields.Add(new("有效期", input.ValidityText ?? (input.ValidUntil is { } until ? $"{Numeric(input.ValidFrom)}至{Numeric(until)}" : $"自{Numeric(input.ValidFrom)}起长期有效")));
        return Base(h, DocumentKind.Certificate) with
        {
            Title = input.CertificateTitle,
            Fields = fields,
            Paragraphs = [$"经审查，准予“{h.Item.Name}”，特发此证。本证照的电子版本与纸质版本具有同等法律效力，真伪及有效状态请扫描二维码核验。"],
            Watermark = input.CommitmentBased ? CommitmentWatermark : null,
        };
    }

    public static DocumentContent Exemption(DocumentHeader h, ExemptionInput input)
    {
        Required(input.Category, "豁免类别");
        Required(input.ExemptedStep, "豁免的环节");
        Required(input.LegalBasis, "豁免依据");
        var fields = new List<DocumentField>(CommonFields(h)) { new("项目类别", input.Category), new("豁免环节", input.ExemptedStep), new("适用条件", input.Conditions) };
        if (input.RuleId is { } rule) fields.Add(new("豁免规则编号", rule));
        if (input.RuleValidUntil is { } until) fields.Add(new("豁免清单有效期至", Numeric(until)));
        if (input.Answers is { Count: > 0 } answers) fields.Add(new("申报信息", string.Join("；", answers)));
        return Base(h, DocumentKind.ExemptionNotice) with
        {
            Fields = fields,
            Paragraphs =
            [
                $"经核对豁免清单，你（单位）申报的项目属于“{input.Category}”，符合“{input.Conditions}”的条件，依据{input.LegalBasis}，无需办理“{input.ExemptedStep}”。",
                "本告知书依据你（单位）申报的信息作出。申报信息与实际不符的，本告知书自始无效，你（单位）应当依法办理相关手续。",
            ],
            LegalBasis = [input.LegalBasis],
        };
    }

    public static DocumentContent Revocation(DocumentHeader h, RevocationInput input)
    {
        Required(input.RevokedDecisionNumber, "被撤销的决定书编号");
        Required(input.Reason, "撤销理由");
        return Base(h, DocumentKind.RevocationNotice) with
        {
            Fields = [.. CommonFields(h), new("被撤销决定", $"{input.RevokedDecisionNumber}（{Numeric(input.RevokedDecisionDate)}作出）")],
            Paragraphs =
            [
                $"本局于{Numeric(input.RevokedDecisionDate)}作出的准予行政许可决定（编号：{input.RevokedDecisionNumber}），经查，{input.Reason}",
                "根据《中华人民共和国行政许可法》第六十九条的规定，本局决定撤销该行政许可决定，据此取得的行政许可证件同时失效。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第六十九条", .. input.ItemLegalBasis ?? []],
            Remedies = [StandardRemedies],
        };
    }

    private static DocumentContent Base(DocumentHeader h, DocumentKind kind)
    {
        Required(h.CaseNumber, "案件编号");
        Required(h.Applicant.Name, "申请人名称");
        return new DocumentContent
        {
            Kind = kind,
            Title = kind.Title(),
            CaseNumber = h.CaseNumber,
            IssueDate = h.IssueDate,
            Applicant = h.Applicant,
            Item = h.Item,
        };
    }

    private static List<DocumentField> CommonFields(DocumentHeader h) =>
    [
        new("申请人", h.Applicant.DisplayName),
        new(h.Applicant.IdentifierLabel, h.Applicant.Identifier),
        new("申请事项", $"{h.Item.Name}（{h.Item.Code}）"),
        new("受理编号", h.CaseNumber),
    ];

    private static DocumentTable MaterialsTable(string caption, IReadOnlyList<MissingMaterial> materials) => new(
        caption,
        ["序号", "材料名称", "补正原因及要求"],
        materials.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, m.Reason]).ToList(),
        [0.8, 4, 5]);

    private static void Required(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"文书缺少必填内容：{what}。");
    }

    private static void NotEmpty<T>(IReadOnlyList<T>? list, string what)
    {
        if (list is null || list.Count == 0) throw new ArgumentException($"文书缺少必填内容：{what}（至少一项）。");
    }

    private static void Positive(int value, string name, bool allowZero = false)
    {
        if (value < 0 || (value == 0 && !allowZero)) throw new ArgumentOutOfRangeException(name, value, "天数必须为正数。");
    }
}
