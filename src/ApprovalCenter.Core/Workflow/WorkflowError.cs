namespace ApprovalCenter.Workflow;

public enum WorkflowErrorKind { Forbidden, NotCurrent, Invalid }

/// <summary>A refused transition. Kinds map to HTTP 403 / 409 / 400 at the edge; the reason is shown to users.</summary>
public sealed record WorkflowError(WorkflowErrorKind Kind, string Reason)
{
    public int HttpStatus => Kind switch { WorkflowErrorKind.Forbidden => 403, WorkflowErrorKind.NotCurrent => 409, _ => 400 };

    public static WorkflowError Forbidden(string reason) => new(WorkflowErrorKind.Forbidden, reason);
    public static WorkflowError NotCurrent(string reason) => new(WorkflowErrorKind.NotCurrent, reason);
    public static WorkflowError Invalid(string reason) => new(WorkflowErrorKind.Invalid, reason);
}

/// <summary>The result of a transition: the new instance and its effects, or an error and nothing changed.</summary>
public sealed class TransitionResult
{
    private TransitionResult(WorkflowInstance? instance, IReadOnlyList<Effect> effects, WorkflowError? error)
    { Instance = instance; Effects = effects; Error = error; }

    public WorkflowInstance? Instance { get; }
    public IReadOnlyList<Effect> Effects { get; }
    public WorkflowError? Error { get; }
    public bool IsSuccess => Error is null;

    public static TransitionResult Ok(WorkflowInstance instance, IReadOnlyList<Effect> effects) => new(instance, effects, null);
    public static TransitionResult Fail(WorkflowError error) => new(null, [], error);

    /// <summary>The new instance, or an exception naming the error (for callers that have already checked).</summary>
    public WorkflowInstance Required => Instance ?? throw new InvalidOperationException($"{Error!.Kind}: {Error.Reason}");
}
