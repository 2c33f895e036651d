using System.Collections.Immutable;

namespace ApprovalCenter.Workflow;

public enum InstanceStatus { Running, Completed }

/// <summary>
/// One running case of a process definition. Immutable: every transition returns a new instance
/// with <see cref="Version"/> incremented, so the edge can store it with an optimistic-concurrency
/// check and a failed transition leaves nothing half-changed.
/// </summary>
public sealed record WorkflowInstance
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    /// <summary>The content hash of the definition this instance is pinned to.</summary>
    public required string DefinitionVersion { get; init; }
    public long Version { get; init; }
    public InstanceStatus Status { get; init; }
    public string? Outcome { get; init; }
    public required ImmutableList<Token> Tokens { get; init; }
    public required ImmutableDictionary<string, object?> Data { get; init; }
    public required ImmutableList<JournalEntry> Journal { get; init; }
    public required ImmutableList<Bookmark> Bookmarks { get; init; }
    public required ImmutableList<ChildCase> Children { get; init; }
    public ParentLink? Parent { get; init; }
    /// <summary>Sequence for token and fork-group ids, so ids are deterministic per instance.</summary>
    public int Sequence { get; init; }

    /// <summary>The steps where the case currently is (several while parallel branches run).</summary>
    public IReadOnlyList<string> CurrentSteps => Tokens.Select(t => t.StepId).ToList();
}

/// <summary>A position in the process. Fork frames let a join count the branches of its own fork.</summary>
public sealed record Token(string Id, string StepId, ImmutableList<ForkFrame> Forks);

public sealed record ForkFrame(string ForkStepId, string GroupId, int Expected);

/// <summary>An append-only record of one transition: who, when, what, from where, to where, with what data.</summary>
public sealed record JournalEntry(
    long Sequence, DateTimeOffset At, string UserId, string Role, string Kind, string Name,
    IReadOnlyList<string> From, IReadOnlyList<string> To, ImmutableDictionary<string, object?> Data, string? Reason = null);

/// <summary>
/// A waiting point with a resume token that cannot be guessed (128 random bits, base64url), so a
/// link sent to an applicant can resume exactly this step of this case and nothing else.
/// </summary>
public sealed record Bookmark(string ResumeToken, string InstanceId, string StepId, string TokenId, string WaitingFor, string? Resume);

public enum ChildStatus { Pending, Completed }

/// <summary>A sub-case of a bundle; the parent step waits until every child of that step completes.</summary>
public sealed record ChildCase(string Key, string StepId, string TokenId, string DefinitionId, string? ItemCode, string? ChildInstanceId, ChildStatus Status, string? Outcome);

public sealed record ParentLink(string InstanceId, string ChildKey);
