using ApprovalCenter.Cases.Actions;

namespace ApprovalCenter.Cases;

/// <summary>A case operation that cannot be done, with the HTTP status it maps to and a Chinese
/// reason; <see cref="Errors"/> names each input at fault, so the page's error summary and the
/// API's ProblemDetails show the same fields and messages.</summary>
public sealed class CaseException(int status, string message, IReadOnlyList<InputError>? errors = null) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyList<InputError> Errors { get; } = errors ?? [];
    public string? Field => Errors.Count > 0 ? Errors[0].Key : null;

    public static CaseException NotFound(string number) => new(404, $"办件“{number}”不存在。");
    public static CaseException Forbidden(string reason) => new(403, reason);
    public static CaseException Conflict(string reason) => new(409, reason);
    public static CaseException Invalid(string reason, string? field = null) => new(400, reason, field is null ? null : [new InputError(field, reason)]);
    public static CaseException Invalid(IReadOnlyList<InputError> errors) => new(400, string.Join("；", errors.Select(e => e.Message)), errors);

    public const string ConcurrentChange = "该办件刚刚已被其他人处理，当前操作未生效。请刷新页面查看最新状态后再操作。";
    public const string ClaimTaken = "该办件刚刚已被他人认领，当前操作未生效。请刷新页面查看认领人。";
}

/// <summary>Who is acting on a case, from where. Built from the signed-in user in one place
/// (<c>ApprovalCenter.Web.Cases.CaseActors</c>); timers act as <see cref="System"/>.</summary>
public sealed record CaseActor(string UserId, string UserName, string Role, string? Department, string? Ip = null)
{
    public static readonly CaseActor System = new("system", "系统", ApprovalCenter.Workflow.Actor.SystemRole, null);
    public ApprovalCenter.Workflow.Actor ToEngineActor() => new(UserId, Role, Department);
}

/// <summary>One action on a case as either adapter (page or API) hands it to <see cref="CaseService"/>.
/// <paramref name="Input"/> holds only what the client sent; facts are added by the server.</summary>
public sealed record CaseCommand(
    string Number, string Action, IReadOnlyDictionary<string, object?>? Input = null, long? ExpectedVersion = null,
    string? StepId = null, IReadOnlyList<AttachedMaterial>? Files = null);

/// <summary>A stored upload (POST /api/v1/files) offered as one of the item's materials.</summary>
public sealed record AttachedMaterial(string Material, Guid FileId);

/// <summary>An application as either adapter hands it over: the form's answers, the materials and
/// the version of the declaration or commitment letter the applicant signed. <see cref="RenewsLicence"/>
/// names a licence of the register to renew (ALL Art. 50); its term is looked up, never taken from the client.</summary>
public sealed record CaseApplication(
    string ItemCode, CaseMode Mode, IReadOnlyDictionary<string, object?>? Answers, IReadOnlyList<AttachedMaterial> Materials,
    string? SignedVersion, DateTimeOffset? SignedAt = null, string? RenewsLicence = null);
