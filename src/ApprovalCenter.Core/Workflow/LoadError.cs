namespace ApprovalCenter.Workflow;

/// <summary>
/// One problem found while loading a data file. File and JSON path are kept apart so an
/// administrator can find the exact spot; the reason is Chinese because it is shown to them.
/// </summary>
public sealed record LoadError(string File, string Path, string Reason)
{
    public override string ToString() => $"{File} {Path}: {Reason}";
}

/// <summary>
/// All-or-nothing result of loading: either a value and no errors, or every error and no value.
/// A catalog or definition set is never half-loaded, because a partly loaded catalog would let
/// cases start against rules nobody checked.
/// </summary>
public sealed class LoadResult<T> where T : class
{
    private LoadResult(T? value, IReadOnlyList<LoadError> errors) { Value = value; Errors = errors; }

    public T? Value { get; }
    public IReadOnlyList<LoadError> Errors { get; }
    public bool IsSuccess => Value is not null;

    public static LoadResult<T> Success(T value) => new(value, []);
    public static LoadResult<T> Failure(IReadOnlyList<LoadError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("a failure needs at least one error") : new(null, errors);

    /// <summary>Success when no errors were collected, otherwise failure with all of them.</summary>
    public static LoadResult<T> From(Func<T> build, IReadOnlyList<LoadError> errors) =>
        errors.Count == 0 ? Success(build()) : Failure(errors);
}

/// <summary>A data file handed in by the caller: the core never reads files itself.</summary>
public sealed record SourceFile(string Name, string Text);
