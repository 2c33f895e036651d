namespace ApprovalCenter.Workflow;

/// <summary>
/// A minimal in-memory edge: keeps instances in a dictionary, starts sub-cases and delivers child
/// completions to parents. Tests and the benchmark use it; the real edge does the same with a
/// database, durable timers and an outbox.
/// </summary>
public sealed class InMemoryWorkflowHost(WorkflowEngine engine)
{
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);

    public WorkflowEngine Engine => engine;
    public IReadOnlyDictionary<string, WorkflowInstance> Instances => _instances;
    /// <summary>Every effect produced so far, in order.</summary>
    public List<Effect> EffectLog { get; } = [];

    public WorkflowInstance this[string id] => _instances[id];

    public TransitionResult Start(string definitionId, string instanceId, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at, ParentLink? parent = null) =>
        Apply(engine.Start(definitionId, instanceId, actor, data, at, parent), at);

    public TransitionResult Act(string instanceId, string action, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at, string? stepId = null) =>
        Apply(engine.Act(_instances[instanceId], action, actor, data, at, stepId), at);

    public TransitionResult FireTimer(string instanceId, string timer, DateTimeOffset at) =>
        Apply(engine.FireTimer(_instances[instanceId], timer, at), at);

    public TransitionResult Raise(string instanceId, string eventName, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at) =>
        Apply(engine.Raise(_instances[instanceId], eventName, data, at), at);

    public TransitionResult Resume(string instanceId, string token, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at) =>
        Apply(engine.Resume(_instances[instanceId], token, actor, data, at), at);

    private TransitionResult Apply(TransitionResult result, DateTimeOffset at)
    {
        if (!result.IsSuccess) return result;
        var instance = result.Required;
        _instances[instance.Id] = instance;
        EffectLog.AddRange(result.Effects);
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case CreateSubCase c:
                    var childId = $"{instance.Id}/{c.ChildKey}";
                    var child = Apply(engine.Start(c.DefinitionId, childId, Actor.System, c.Data, at, new ParentLink(instance.Id, c.ChildKey)), at);
                    if (!child.IsSuccess) throw new InvalidOperationException($"子案件“{c.ChildKey}”无法启动：{child.Error!.Reason}");
                    break;
                case ChildCaseCompleted done:
                    var parent = Apply(engine.ChildCompleted(_instances[done.ParentInstanceId], done.ChildKey, done.ChildInstanceId, done.Outcome, at), at);
                    if (!parent.IsSuccess) throw new InvalidOperationException(parent.Error!.Reason);
                    break;
            }
        }
        return result;
    }
}
