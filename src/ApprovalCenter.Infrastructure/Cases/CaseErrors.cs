namespace ApprovalCenter.Cases;

/// <summary>A case operation that cannot be done, with the HTTP status it maps to and a Chinese
/// reason; <see cref="Field"/> names the input at fault when there is one.</summary>
public sealed class CaseException(int status, string message, string? field = null) : Exception(message)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;

    public static CaseException NotFound(string number) => new(404, $"办件“{number}”不存在。");
    public static CaseException Forbidden(string reason) => new(403, reason);
    public static CaseException Conflict(string reason) => new(409, reason);
    public static CaseException Invalid(string reason, string? field = null) => new(400, reason, field);

    public const string ConcurrentChange = "该办件刚刚已被其他人处理，当前操作未生效。请刷新页面查看最新状态后再操作。";
}

/// <summary>Who is acting on a case, from where.</summary>
public sealed record CaseActor(string UserId, string UserName, string Role, string? Department, string? Ip = null)
{
    public static readonly CaseActor System = new("system", "系统", ApprovalCenter.Workflow.Actor.SystemRole, null);
    public ApprovalCenter.Workflow.Actor ToEngineActor() => new(UserId, Role, Department);
}
