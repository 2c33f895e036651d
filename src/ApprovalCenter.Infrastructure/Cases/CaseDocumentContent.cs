using System.Text.Json;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>
/// Fills a document template from what the case knows. The bureau seals these texts, so they come
/// only from bureau-owned or validated fields: the case record, the clock, the staff inputs each
/// action's descriptor validated, the server's facts, and the applicant's form answers (validated at
/// submission). Nothing a client can write freely reaches a sealed document.
/// </summary>
public static class CaseDocumentContent
{
    public static DocumentContent Build(DocumentKind kind, CaseRecord record, WorkflowInstance instance, CaseClock clock, DateOnly today, IReadOnlyList<IssuedDocument> previous)
    {
        var header = new DocumentHeader(record.Number, today, Party(record), new DocumentItem(record.ItemName, record.ItemCode));
        string? Text(string key) => instance.Data.GetValueOrDefault(key) as string;
        int Number(string key, int fallback) => instance.Data.GetValueOrDefault(key) is decimal d ? (int)d : int.TryParse(Text(key), out var i) ? i : fallback;
        DateOnly? Date(string key) => DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", out var d) ? d : null;
        var declared = Declared(record.DataJson);
        var accepted = clock.AcceptedOn ?? today;
        return kind switch
        {
            DocumentKind.AcceptanceNotice => DocumentTemplates.Acceptance(header, new AcceptanceInput(accepted, record.PromisedDays, clock.PromisedDeadline?.Date ?? accepted,
                $"可登录网上办事平台，以办件编号 {record.Number} 查询进度")),
            DocumentKind.RefusalNotice => DocumentTemplates.Refusal(header, new RefusalInput(Text("refusalReason") ?? "申请事项不属于本机关职权范围", Text("competentAuthority"))),
            DocumentKind.SupplementNotice => DocumentTemplates.Supplement(header, new SupplementInput(Materials(Text(CaseFacts.MissingMaterials)))),
            DocumentKind.ToleranceNotice => DocumentTemplates.Tolerance(header, new ToleranceInput(Materials(Text(CaseFacts.MissingMaterials)),
                clock.ToleranceSupplementDeadline?.Date ?? accepted, "通过网上办事平台上传，或到综合受理窗口提交", accepted)),
            DocumentKind.CommitmentLetter => DocumentTemplates.CommitmentLetter(header, new CommitmentInput(
                ["申请人符合本事项规定的许可条件", "所提交的材料及信息真实、合法、有效"],
                MaterialLines.Parse(Text("committedMaterials")).Select(m => m.Material).ToList() is { Count: > 0 } w ? w : ["相关证明材料（以承诺代替）"],
                clock.Limits.VerificationDays)),
            DocumentKind.ExcludedProcedureNotice => DocumentTemplates.ExcludedProcedure(header, new ExcludedProcedureInput(
                ProcedureName(Text("procedure")), Text("procedureReason") ?? "依法需要进行特别程序", clock.OpenPause?.From ?? today, Number("expectedDays", 10))),
            DocumentKind.ExtensionNotice => DocumentTemplates.Extension(header, new ExtensionInput(Number("extensionDays", clock.Extension?.Days ?? 10),
                Text("extensionReason") ?? "案情复杂，需要延长审查期限", clock.StatutoryDeadline?.Date ?? today,
                // Joint handling: the government approved it (Art. 42(2)), by the reply the head recorded.
                clock.Extension is { Approver: ExtensionApprover.LocalGovernment } ? "本级人民政府" : "本局负责人", clock.Extension?.ApprovalDocument)),
            DocumentKind.ApprovalDecision => DocumentTemplates.ApprovalDecision(header, new ApprovalInput(
                $"准予{record.ItemName}", CommitmentBased: record.Mode == CaseMode.Commitment,
                // The same date the verification timer is set to (DueResolution.VerificationDue).
                VerificationDueDate: record.Mode == CaseMode.Commitment ? clock.VerificationDeadline ?? clock.Calendar.AddWorkingDays(today, clock.Limits.VerificationDays).Value : null)),
            DocumentKind.DenialDecision => DocumentTemplates.DenialDecision(header, new DenialInput(Lines(Text("denialReason")) is { Count: > 0 } r ? r : ["申请不符合法定条件"])),
            DocumentKind.Certificate => Certificate(header, record, declared, today),
            DocumentKind.ExemptionNotice => DocumentTemplates.Exemption(header, new ExemptionInput(Text("exemptionCategory") ?? "豁免清单事项",
                Text("exemptionConditions") ?? "符合豁免清单条件", Text("exemptedStep") ?? record.ItemName, Text("exemptionBasis") ?? "豁免清单")),
            DocumentKind.RevocationNotice => Revocation(header, record, previous, Text("findings")),
            DocumentKind.PromisedLimitNotice => PromisedLimit(header, clock),
            DocumentKind.HearingRightNotice => DocumentTemplates.HearingRight(header, new HearingRightInput(Text("hearingMatter") ?? "申请人的重大利益", clock.HearingRequestDeadline ?? today)),
            DocumentKind.HearingNotice => DocumentTemplates.Hearing(header, new HearingNoticeInput(clock.HearingOn ?? today, Text("hearingPlace") ?? "本局听证室",
                Text("hearingOfficer") ?? "本局指定的工作人员", Text("hearingMatter") ?? "申请人的重大利益")),
            // The register's facts, copied onto the case by the renewal timer (ALL Art. 50).
            DocumentKind.DeemedRenewalNotice => DocumentTemplates.DeemedRenewal(header, new DeemedRenewalInput(Text("licenceNumber") ?? record.Number,
                record.ReceivedAt is { } received ? ClockDating.ChinaDate(received) : today, Date("licenceValidUntil") ?? today,
                Date("licenceRenewedFrom") ?? today.AddDays(1), Date("licenceRenewedUntil") ?? today.AddDays(1))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The certificate names the project and its location (validated answers) and carries
    /// the item's validity rule: a construction permit lapses unless work starts within 3 months.</summary>
    private static DocumentContent Certificate(DocumentHeader header, CaseRecord record, IReadOnlyDictionary<string, string> declared, DateOnly today)
    {
        var particulars = new List<DocumentField> { new("持证单位", record.ApplicantName), new("事项编码", record.ItemCode) };
        if (declared.GetValueOrDefault("projectName") is { Length: > 0 } project) particulars.Add(new("项目名称", project));
        if (declared.GetValueOrDefault("projectLocation") is { Length: > 0 } location) particulars.Add(new("建设地点", location));
        var validity = CertificateValidity.For(record.ItemName, today);
        return DocumentTemplates.Certificate(header, new CertificateInput(CertificateTitle(record.ItemName), $"{record.Number}-ZZ", particulars, today,
            validity.ValidUntil, CommitmentBased: record.Mode == CaseMode.Commitment, ValidityText: validity.ValidUntil is null ? null : validity.Text));
    }

    /// <summary>From the clock only: the approved days, the reason the supervisor approved and both deadlines.</summary>
    private static DocumentContent PromisedLimit(DocumentHeader header, CaseClock clock)
    {
        var approved = clock.PromisedExtension ?? throw new InvalidOperationException("no approved promised-limit extension");
        var before = CaseClock.Create(clock.Limits, clock.Events.Where(e => e is not ClockEvent.PromisedLimitExtended), clock.Calendar, clock.AsOf);
        return DocumentTemplates.PromisedLimit(header, new PromisedLimitInput(before.PromisedDeadline!.Date, clock.PromisedDeadline!.Date,
            approved.Reason, clock.StatutoryDeadline!.Date));
    }

    private static DocumentContent Revocation(DocumentHeader header, CaseRecord record, IReadOnlyList<IssuedDocument> previous, string? findings)
    {
        var decision = previous.Where(d => d.Kind == DocumentKind.ApprovalDecision).OrderByDescending(d => d.SignedAt).FirstOrDefault();
        return DocumentTemplates.Revocation(header, new RevocationInput(decision?.DocumentNumber ?? $"{record.Number}-ZX",
            decision is null ? header.IssueDate : DateOnly.FromDateTime(decision.SignedAt.ToOffset(Calendar.ServiceHours.ChinaStandardTime).DateTime),
            findings ?? "经核查，申请人承诺内容与实际情况不符"));
    }

    private static DocumentParty Party(CaseRecord r)
    {
        var code = r.ApplicantCode ?? "";
        // Enterprises carry a credit code, individuals an ID number (which includes a birth date,
        // so the two cannot be confused the way a check on the first characters could).
        return UnifiedSocialCreditCode.IsValid(code) && !ResidentIdNumber.IsValid(code)
            ? DocumentParty.Organisation(r.ApplicantName, code)
            : DocumentParty.Person(r.ApplicantName, code);
    }

    /// <summary>The applicant's validated text answers.</summary>
    public static Dictionary<string, string> Declared(string dataJson)
    {
        var result = new Dictionary<string, string>();
        try
        {
            using var doc = JsonDocument.Parse(dataJson);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String) result[p.Name] = p.Value.GetString()!;
        }
        catch (JsonException) { }
        return result;
    }

    /// <summary>"材料：原因" per line; a line without a reason is listed as missing.</summary>
    public static IReadOnlyList<MissingMaterial> Materials(string? text)
    {
        var list = MaterialLines.Parse(text).Select(m => new MissingMaterial(m.Material, m.Reason.Length > 0 ? m.Reason : "未提交")).ToList();
        return list.Count > 0 ? list : [new MissingMaterial("（未列明）", "请向窗口咨询")];
    }

    public static List<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return text.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static string ProcedureName(string? value) =>
        Enum.TryParse<ExcludedProcedure>(value, out var p) && Enum.IsDefined(p) ? ClockNames.Of(p) : "特别程序";

    private static string CertificateTitle(string itemName)
    {
        var i = itemName.IndexOf('（');
        var name = i > 0 ? itemName[..i] : itemName;
        return name.EndsWith("核发") ? name[..^2] : name;
    }
}
