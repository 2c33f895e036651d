using System.Text.Json;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>Fills a document template from what the case knows: who applied for what, the dates
/// from the clock, and the reasons, materials and opinions the staff entered.</summary>
public static class CaseDocumentContent
{
    public static DocumentContent Build(DocumentKind kind, CaseRecord record, WorkflowInstance instance, CaseClock clock, DateOnly today, IReadOnlyList<IssuedDocument> previous)
    {
        var header = new DocumentHeader(record.Number, today, Party(record), new DocumentItem(record.ItemName, record.ItemCode));
        string? Text(string key) => instance.Data.GetValueOrDefault(key) as string;
        int Number(string key, int fallback) => instance.Data.GetValueOrDefault(key) is decimal d ? (int)d : int.TryParse(Text(key), out var i) ? i : fallback;
        var accepted = clock.AcceptedOn ?? today;
        return kind switch
        {
            DocumentKind.AcceptanceNotice => DocumentTemplates.Acceptance(header, new AcceptanceInput(accepted, record.PromisedDays, clock.PromisedDeadline?.Date ?? accepted,
                $"可登录网上办事平台，以办件编号 {record.Number} 查询进度")),
            DocumentKind.RefusalNotice => DocumentTemplates.Refusal(header, new RefusalInput(Text("refusalReason") ?? "申请事项不属于本机关职权范围", Text("competentAuthority"))),
            DocumentKind.SupplementNotice => DocumentTemplates.Supplement(header, new SupplementInput(Materials(Text("missingMaterials")))),
            DocumentKind.ToleranceNotice => DocumentTemplates.Tolerance(header, new ToleranceInput(Materials(Text("missingMaterials")),
                clock.PromisedDeadline?.Date ?? accepted.AddDays(30), "通过网上办事平台上传，或到综合受理窗口提交", accepted)),
            DocumentKind.CommitmentLetter => DocumentTemplates.CommitmentLetter(header, new CommitmentInput(
                Lines(Text("commitmentConditions")) is { Count: > 0 } c ? c : ["申请人符合本事项规定的许可条件", "所提交的材料及信息真实、合法、有效"],
                Lines(Text("waivedProofs")) is { Count: > 0 } w ? w : ["相关证明材料（以承诺代替）"], Number("verificationDays", 30))),
            DocumentKind.ExcludedProcedureNotice => DocumentTemplates.ExcludedProcedure(header, new ExcludedProcedureInput(
                ProcedureName(Text("procedure")), Text("procedureReason") ?? Text("opinion") ?? "依法需要进行特别程序", clock.OpenPause?.From ?? today, Number("expectedDays", 10))),
            DocumentKind.ExtensionNotice => DocumentTemplates.Extension(header, new ExtensionInput(Number("extensionDays", clock.Extension?.Days ?? 10),
                Text("extensionReason") ?? "案情复杂，需要延长审查期限", clock.StatutoryDeadline?.Date ?? today)),
            DocumentKind.ApprovalDecision => DocumentTemplates.ApprovalDecision(header, new ApprovalInput(
                $"准予{record.ItemName}", CommitmentBased: record.Mode == CaseMode.Commitment,
                VerificationDueDate: record.Mode == CaseMode.Commitment ? clock.Calendar.AddWorkingDays(today, Number("verificationDays", 30)).Value : null)),
            DocumentKind.DenialDecision => DocumentTemplates.DenialDecision(header, new DenialInput(Lines(Text("denialReason")) is { Count: > 0 } r ? r : ["申请不符合法定条件"])),
            DocumentKind.Certificate => DocumentTemplates.Certificate(header, new CertificateInput(CertificateTitle(record.ItemName), $"{record.Number}-ZZ",
                [new DocumentField("持证单位", record.ApplicantName), new DocumentField("事项编码", record.ItemCode)], today, CommitmentBased: record.Mode == CaseMode.Commitment)),
            DocumentKind.ExemptionNotice => DocumentTemplates.Exemption(header, new ExemptionInput(Text("exemptionCategory") ?? "豁免清单事项",
                Text("exemptionConditions") ?? "符合豁免清单条件", Text("exemptedStep") ?? record.ItemName, Text("exemptionBasis") ?? "豁免清单")),
            DocumentKind.RevocationNotice => Revocation(header, record, previous, Text("findings")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
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

    /// <summary>"材料：原因" per line; a line without a reason is listed as missing.</summary>
    public static IReadOnlyList<MissingMaterial> Materials(string? text)
    {
        var list = Lines(text).Select(l =>
        {
            var i = l.IndexOfAny(['：', ':']);
            return i > 0 ? new MissingMaterial(l[..i].Trim(), l[(i + 1)..].Trim()) : new MissingMaterial(l, "未提交");
        }).ToList();
        return list.Count > 0 ? list : [new MissingMaterial("（未列明）", "请向窗口咨询")];
    }

    public static List<string> Lines(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (text.TrimStart().StartsWith('['))
        {
            try { return JsonSerializer.Deserialize<List<string>>(text) ?? []; } catch (JsonException) { }
        }
        return text.Split(['\n', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static string ProcedureName(string? value)
    {
        try { return ClockNames.Of(ClockEventMapping.ParseProcedure(value)); }
        catch (CaseInputException) { return value ?? "特别程序"; }
    }

    private static string CertificateTitle(string itemName)
    {
        var i = itemName.IndexOf('（');
        var name = i > 0 ? itemName[..i] : itemName;
        return name.EndsWith("核发") ? name[..^2] : name;
    }
}
