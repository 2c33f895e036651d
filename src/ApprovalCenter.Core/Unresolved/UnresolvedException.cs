namespace ApprovalCenter.Unresolved;

/// <summary>A refused 办不成事 operation: 400 with the fields at fault (named in Chinese for the
/// error summary, keyed for ProblemDetails), 404, or 409 for a change that lost a race or does not
/// fit the matter's state.</summary>
public sealed class UnresolvedException(int status, string message, IReadOnlyList<FieldError>? errors = null) : Exception(message)
{
    public int Status { get; } = status;
    public IReadOnlyList<FieldError> Errors { get; } = errors ?? [];

    public static UnresolvedException Invalid(IReadOnlyList<FieldError> errors) => new(400, string.Join("；", errors.Select(e => e.Message)), errors);
    public static UnresolvedException Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
    public static UnresolvedException NotFound(string number) => new(404, $"未找到办不成事反映“{number}”。");
    public static UnresolvedException Conflict(string message) => new(409, message);
}

/// <summary>One field at fault: <see cref="Field"/> is the input's key (also the HTML id), the message names it in Chinese.</summary>
public sealed record FieldError(string Field, string Message);
