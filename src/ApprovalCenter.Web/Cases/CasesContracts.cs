using System.Text.Json;

namespace ApprovalCenter.Web.Cases;

/// <summary>A material offered with an application or a supplement: the material's name in the
/// item's list and the id of a file uploaded with POST /api/v1/files.</summary>
public sealed record MaterialRef(string? Material, Guid FileId);

/// <summary>POST /api/v1/cases. <c>declaration</c> is the version of the declaration (or the
/// tolerance/commitment letter) the applicant signs, e.g. "declaration-v1".</summary>
/// <summary><c>renewsLicence</c>: the number of a licence in the register to renew (ALL Art. 50); optional.</summary>
public sealed record SubmitCaseRequest(string? ItemCode, string? Mode, Dictionary<string, JsonElement>? Data, List<MaterialRef>? Materials, string? Declaration, string? RenewsLicence = null);

/// <summary>POST /api/v1/cases/{number}/actions/{action}: only the inputs the action's descriptor
/// allows may appear in <c>data</c>; <c>files</c> carries a supplement's materials.</summary>
public sealed record CaseActionRequest(Dictionary<string, JsonElement>? Data, long? ExpectedVersion, string? StepId, List<MaterialRef>? Files);

public sealed record DeadlineDto(DateOnly Date, bool Provisional, bool Projected);
public sealed record CaseDeadlinesDto(DeadlineDto? Intake, DeadlineDto? Promised, DeadlineDto? Statutory, DeadlineDto? Delivery, DateOnly? Supplement);
public sealed record CaseDocumentDto(string Kind, string Title, string DocumentNumber, string VerificationCode, string VerificationUrl, DateTimeOffset SignedAt, bool Revoked);
public sealed record CaseClockDto(string State, string Phase, int UsedDays, int PromisedRemaining, bool Paused);

/// <summary>One case as the API shows it. <see cref="WorkflowVersion"/> is the value to send back as
/// <c>expectedVersion</c>: an action built on an older version is refused with 409.</summary>
public sealed record CaseSummaryDto(
    string Number, string ItemCode, string ItemName, string Department, string Mode, string ProcessId,
    string Status, string? Outcome, IReadOnlyList<string> CurrentSteps, long WorkflowVersion,
    string ApplicantName, DateTimeOffset? ReceivedAt, DateOnly? IntakeDeadline, bool DeadlinesProvisional,
    CaseDeadlinesDto Deadlines, CaseClockDto Clock, IReadOnlyList<CaseDocumentDto> Documents,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CaseListItemDto(
    string Number, string ItemCode, string ItemName, string Department, string Mode, string Status, string? Outcome,
    IReadOnlyList<string> CurrentSteps, string ApplicantName, DateOnly? IntakeDeadline, DateOnly? PromisedDeadline,
    DateOnly? StatutoryDeadline, bool DeadlinesProvisional, string ClockState, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
