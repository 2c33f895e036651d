using ApprovalCenter.Documents;
using System.Collections.Immutable;

namespace ApprovalCenter.Workflow;

/// <summary>
/// What a transition asks the outside world to do. The engine is pure, so timers, clocks,
/// notifications, documents and sub-cases are all returned as effects for the edges to carry out.
/// </summary>
public abstract record Effect;

/// <summary>Schedule a durable timer; <see cref="Due"/> is symbolic (see <see cref="DueRules"/>).</summary>
public sealed record ScheduleTimer(string TimerName, string Due, string StepId, string TokenId) : Effect;
public sealed record CancelTimer(string TimerName, string StepId, string TokenId) : Effect;
/// <summary>The case clock should count, pause (with reason), exclude time or stop from now on.</summary>
public sealed record ClockChange(ClockEffectKind Kind, string? Reason, string StepId) : Effect;
public sealed record Notify(string Recipient, string MessageKey, string StepId) : Effect;
public sealed record IssueDocument(DocumentKind Kind, string StepId) : Effect;
/// <summary>Write a credit record (e.g. a false commitment, rules.md §2b).</summary>
public sealed record RecordCredit(string Reason, string StepId) : Effect;
public sealed record CreateSubCase(string ChildKey, string DefinitionId, string? ItemCode, ImmutableDictionary<string, object?> Data) : Effect;
public sealed record BookmarkCreated(Bookmark Bookmark) : Effect;
/// <summary>This instance finished; when it is a child, the edge delivers <see cref="ChildCaseCompleted"/> to the parent.</summary>
public sealed record CaseCompleted(string Outcome) : Effect;
public sealed record ChildCaseCompleted(string ParentInstanceId, string ChildKey, string ChildInstanceId, string Outcome) : Effect;
