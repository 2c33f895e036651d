namespace ApprovalCenter.Documents;

/// <summary>A material that is missing or defective, with what is wrong with it. The one-time
/// notice (ALL Art. 32) must list all of them at once, each with its reason.</summary>
public sealed record MissingMaterial(string Name, string Reason);

public sealed record AcceptanceInput(DateOnly AcceptedOn, int PromisedWorkingDays, DateOnly DueDate, string? QueryHint = null);

/// <summary>Refusal at intake. When the matter belongs to another organ, ALL Art. 32 requires
/// telling the applicant which one.</summary>
public sealed record RefusalInput(string Reason, string? CompetentAuthority = null);

public sealed record SupplementInput(IReadOnlyList<MissingMaterial> Materials, int NaturalDaysToSupplement = 30, string SubmitHow = "携带本通知书到清远高新区政务服务中心综合受理窗口提交，或通过网上办事平台上传");

public sealed record ToleranceInput(
    IReadOnlyList<MissingMaterial> Materials,
    DateOnly SupplementDeadline,
    string SubmitHow,
    DateOnly AcceptedOn);

public sealed record CommitmentInput(
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> WaivedProofs,
    int VerificationWorkingDays);

/// <summary>A procedure excluded from the time limit (ALL Art. 45): hearing, inspection,
/// testing, expert review, ...</summary>
public sealed record ExcludedProcedureInput(string Procedure, string Reason, DateOnly StartsOn, int ExpectedDays, bool WorkingDays = true);

/// <summary>The supervisor-approved new promised date; the statutory deadline is unchanged and stated too.</summary>
public sealed record PromisedLimitInput(DateOnly PromisedDueDate, DateOnly NewPromisedDueDate, string Reason, DateOnly StatutoryDueDate);

/// <summary><see cref="ApprovalDocument"/>: the number of the government's reply approving a joint-handling extension (Art. 42(2)).</summary>
public sealed record ExtensionInput(int ExtraWorkingDays, string Reason, DateOnly NewDueDate, string ApprovedBy = "本局负责人", string? ApprovalDocument = null);

public sealed record ApprovalInput(
    string PermittedContent,
    DateOnly? ValidUntil = null,
    IReadOnlyList<string>? Conditions = null,
    bool CommitmentBased = false,
    DateOnly? VerificationDueDate = null,
    IReadOnlyList<string>? ItemLegalBasis = null);

public sealed record DenialInput(IReadOnlyList<string> Reasons, IReadOnlyList<string>? ItemLegalBasis = null);

public sealed record CertificateInput(
    string CertificateTitle,
    string CertificateNumber,
    IReadOnlyList<DocumentField> Particulars,
    DateOnly ValidFrom,
    DateOnly? ValidUntil = null,
    bool CommitmentBased = false,
    /// <summary>The item's validity rule in words (<see cref="CertificateValidity"/>); replaces the date range.</summary>
    string? ValidityText = null);

/// <summary>An exemption-list rule that applied (rules §2c): category, conditions, exempted
/// step, legal basis and how long the rule is valid.</summary>
public sealed record ExemptionInput(
    string Category,
    string Conditions,
    string ExemptedStep,
    string LegalBasis,
    DateOnly? RuleValidUntil = null,
    // The answers the decision rests on and the rule's id, so the notice says what it was decided on.
    IReadOnlyList<string>? Answers = null,
    string? RuleId = null);

public sealed record RevocationInput(
    string RevokedDecisionNumber,
    DateOnly RevokedDecisionDate,
    string Reason,
    IReadOnlyList<string>? ItemLegalBasis = null);
