using System.Collections.Immutable;

namespace ApprovalCenter.Workflow;

/// <summary>What a step is: a task waiting for people, timers or events; an automatic route; a fork
/// or join of parallel branches; a wait for sub-cases; or an end.</summary>
public enum StepKind { Task, Auto, Fork, Join, SubCases, Final }

/// <summary>
/// The effect a step has on the case clock (rules.md §1c). The engine only reports it; the clock
/// module, written separately, applies it to the promised and statutory deadlines.
/// </summary>
public enum ClockEffectKind { Counts, Paused, Excluded, Stopped }

/// <summary>A side effect declared in a definition: issue a document, notify someone or write a credit record.</summary>
public sealed record EffectSpec(string Type, string Value, string? Message);

public sealed record StepClock(ClockEffectKind Effect, string? Reason);

/// <summary>A role-checked action a person takes on a step.</summary>
public sealed record ActionDef(
    string Name, IReadOnlyList<string> Roles, string? To, Condition? When, string? WhenReason,
    IReadOnlyList<string> Requires, ImmutableDictionary<string, object?> Set, IReadOnlyList<string> Stamp,
    IReadOnlyList<EffectSpec> Effects, string Path);

/// <summary>A timer started when a step is entered. <see cref="Due"/> is symbolic ("intake-lapse",
/// "promised-deadline", "5wd", "30nd"): the calendar module turns it into a date.</summary>
public sealed record TimerDef(string Name, string Due, string? To, ImmutableDictionary<string, object?> Set, IReadOnlyList<EffectSpec> Effects, string Path);

/// <summary>A system event a step waits for (land contract registered, verification result, ...).</summary>
public sealed record EventDef(string Name, string? To, Condition? When, ImmutableDictionary<string, object?> Set, IReadOnlyList<EffectSpec> Effects, string Path);

/// <summary>A conditional edge: used by automatic steps, fork branches and sub-case roll-ups.</summary>
public sealed record RouteDef(Condition? When, string To, string Path);

/// <summary>A sub-case a bundle step starts; the parent waits until every child completes.</summary>
public sealed record ChildDef(string Key, string Definition, string? Item, ImmutableDictionary<string, object?> Data, string Path);

/// <summary>A declared waiting point; <see cref="Resume"/> names the action or event a resume token fires.</summary>
public sealed record BookmarkDef(string WaitingFor, string? Resume);

public sealed record StepDef(
    string Id, string Name, StepKind Kind, string? Department, string? DepartmentFrom, StepClock? Clock,
    IReadOnlyList<EffectSpec> OnEnter, ImmutableDictionary<string, object?> OnEnterSet,
    IReadOnlyList<ActionDef> Actions, IReadOnlyList<TimerDef> Timers, IReadOnlyList<EventDef> Events,
    IReadOnlyList<RouteDef> Next, IReadOnlyList<RouteDef> Branches, string? JoinOf,
    IReadOnlyList<ChildDef> Children, BookmarkDef? Bookmark, string? Outcome, string Path)
{
    /// <summary>Every step this one can lead to, with the JSON path of the reference.</summary>
    public IEnumerable<(string To, string Path)> Edges =>
        Actions.Where(a => a.To is not null).Select(a => (a.To!, a.Path + ".to"))
            .Concat(Timers.Where(t => t.To is not null).Select(t => (t.To!, t.Path + ".to")))
            .Concat(Events.Where(e => e.To is not null).Select(e => (e.To!, e.Path + ".to")))
            .Concat(Next.Select(r => (r.To, r.Path + ".to")))
            .Concat(Branches.Select(r => (r.To, r.Path + ".to")));
}

/// <summary>
/// A process definition ("container"). Its <see cref="Version"/> is the SHA-256 of its canonical
/// JSON, so the same content always has the same version and any edit makes a new one; running
/// instances stay pinned to the version they started with.
/// </summary>
public sealed class ProcessDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Version { get; init; }
    public required string SourceFile { get; init; }
    public required string Start { get; init; }
    /// <summary>Limits the container imposes, e.g. joint handling: 45 wd statutory, one 15-wd extension (ALL Art. 42(2)).</summary>
    public int? StatutoryDays { get; init; }
    public int? ExtensionDays { get; init; }
    public required IReadOnlyDictionary<string, StepDef> Steps { get; init; }
    /// <summary>Steps in file order, for listing.</summary>
    public required IReadOnlyList<StepDef> StepList { get; init; }

    public StepDef Step(string id) => Steps[id];

    public bool HasAction(string name) => StepList.Any(s => s.Actions.Any(a => a.Name == name));
}
