namespace ApprovalCenter.Documents;

/// <summary>Every kind of paper the bureau issues under its one seal (rules §5). The law ties
/// different duties to each (a denial must give remedies, a tolerance notice a deadline, ...),
/// so the kind decides which template builds the content.</summary>
public enum DocumentKind
{
    AcceptanceNotice,
    RefusalNotice,
    SupplementNotice,
    ToleranceNotice,
    CommitmentLetter,
    ExcludedProcedureNotice,
    ExtensionNotice,
    ApprovalDecision,
    DenialDecision,
    Certificate,
    ExemptionNotice,
    RevocationNotice,
    /// <summary>超过承诺时限告知书: the supervisor-approved new promised date, told before the limit is reached (rules.md §1d).</summary>
    PromisedLimitNotice,
    /// <summary>ALL Art. 50(2): no decision on a timely renewal by the licence's expiry ⇒ deemed renewed.</summary>
    DeemedRenewalNotice,
    /// <summary>ALL Art. 47: the written notice of the right to request a hearing within 5 days.</summary>
    HearingRightNotice,
    /// <summary>ALL Art. 48: the written notice of the hearing's time and place, 7 days before.</summary>
    HearingNotice,
    /// <summary>The supervisors' monthly report (督查月报): ratings, compression, overdue cases, bad ratings and their rectification.</summary>
    SupervisionReport,
}

/// <summary>Titles and short codes of the document kinds.</summary>
public static class DocumentKinds
{
    /// <summary>The Chinese title printed on the document. A certificate's real title comes from
    /// its item (e.g. 建筑工程施工许可证); 证照 is only the generic name of the kind.</summary>
    public static string Title(this DocumentKind kind) => kind switch
    {
        DocumentKind.AcceptanceNotice => "受理通知书",
        DocumentKind.RefusalNotice => "不予受理通知书",
        DocumentKind.SupplementNotice => "一次性告知（补正材料）通知书",
        DocumentKind.ToleranceNotice => "容缺受理通知书",
        DocumentKind.CommitmentLetter => "告知承诺书",
        DocumentKind.ExcludedProcedureNotice => "特别程序（不计入审批时限）告知书",
        DocumentKind.ExtensionNotice => "延长审批期限告知书",
        DocumentKind.ApprovalDecision => "准予行政许可决定书",
        DocumentKind.DenialDecision => "不予行政许可决定书",
        DocumentKind.Certificate => "证照",
        DocumentKind.ExemptionNotice => "豁免告知书",
        DocumentKind.RevocationNotice => "撤销行政许可决定书",
        DocumentKind.PromisedLimitNotice => "延长承诺办结时限告知书",
        DocumentKind.DeemedRenewalNotice => "视为准予延续行政许可通知书",
        DocumentKind.HearingRightNotice => "听证告知书",
        DocumentKind.HearingNotice => "听证通知书",
        DocumentKind.SupervisionReport => "政务服务效能督查月报",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Two-to-three letter code appended to the case number to form the document number,
    /// so that the several documents of one case have distinct, readable numbers
    /// (QYGX-2026-000123-ZX is the approval decision of case QYGX-2026-000123).</summary>
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.AcceptanceNotice => "SL",
        DocumentKind.RefusalNotice => "BSL",
        DocumentKind.SupplementNotice => "BZ",
        DocumentKind.ToleranceNotice => "RQ",
        DocumentKind.CommitmentLetter => "CN",
        DocumentKind.ExcludedProcedureNotice => "TC",
        DocumentKind.ExtensionNotice => "YQ",
        DocumentKind.ApprovalDecision => "ZX",
        DocumentKind.DenialDecision => "BX",
        DocumentKind.Certificate => "ZZ",
        DocumentKind.ExemptionNotice => "HM",
        DocumentKind.RevocationNotice => "CX",
        DocumentKind.PromisedLimitNotice => "CY",
        DocumentKind.DeemedRenewalNotice => "YX",
        DocumentKind.HearingRightNotice => "TG",
        DocumentKind.HearingNotice => "TZ",
        DocumentKind.SupervisionReport => "DC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
