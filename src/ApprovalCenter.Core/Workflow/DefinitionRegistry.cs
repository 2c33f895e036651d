namespace ApprovalCenter.Workflow;

/// <summary>
/// Published definition versions by id. Publishing adds a version and makes it the one new cases
/// start with; old versions stay so running instances keep working on the version they pinned.
/// </summary>
public sealed class DefinitionRegistry
{
    private readonly Dictionary<(string Id, string Version), ProcessDefinition> _byVersion = [];
    private readonly Dictionary<string, List<ProcessDefinition>> _history = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DefinitionRegistry(IEnumerable<ProcessDefinition>? initial = null)
    {
        foreach (var d in initial ?? []) Publish(d);
    }

    /// <summary>Publishes a version; publishing identical content again changes nothing.</summary>
    public void Publish(ProcessDefinition definition)
    {
        lock (_lock)
        {
            if (_byVersion.ContainsKey((definition.Id, definition.Version))) return;
            _byVersion[(definition.Id, definition.Version)] = definition;
            if (!_history.TryGetValue(definition.Id, out var list)) _history[definition.Id] = list = [];
            list.Add(definition);
        }
    }

    public ProcessDefinition? Latest(string id)
    {
        lock (_lock) return _history.TryGetValue(id, out var list) ? list[^1] : null;
    }

    public ProcessDefinition? Get(string id, string version)
    {
        lock (_lock) return _byVersion.GetValueOrDefault((id, version));
    }

    public IReadOnlyList<ProcessDefinition> Versions(string id)
    {
        lock (_lock) return _history.TryGetValue(id, out var list) ? list.ToList() : [];
    }

    public IReadOnlyCollection<string> Ids
    {
        get { lock (_lock) return _history.Keys.ToList(); }
    }
}
