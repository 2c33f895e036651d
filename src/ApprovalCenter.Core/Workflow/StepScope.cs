namespace ApprovalCenter.Workflow;

/// <summary>
/// Which department works a step (并联审批: the lead's steps belong to the case's department, each co-review step to
/// the department it names). One rule for the engine's authorisation, the inboxes, case access and claims, so a
/// co-reviewing department sees and acts on its own task and never on the lead's.
/// </summary>
public static class StepScope
{
    /// <summary>The step's department: fixed in the definition, or read from the case data (<c>departmentFrom</c>); null for bureau-wide steps.</summary>
    public static string? Department(StepDef step, IReadOnlyDictionary<string, object?> data) =>
        step.Department ?? (step.DepartmentFrom is { } key && data.TryGetValue(key, out var v) ? v as string : null);

    /// <summary>The same, where the case data is not at hand: <c>departmentFrom</c> steps are the case's own department.</summary>
    public static string? Department(StepDef step, string caseDepartment) =>
        step.Department ?? (step.DepartmentFrom is not null ? caseDepartment : null);

    /// <summary>The departments working on a case now: its own, and those of its current co-review steps.</summary>
    public static IReadOnlySet<string> Working(ProcessDefinition? definition, IEnumerable<string> currentSteps, string caseDepartment)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { caseDepartment };
        if (definition is null) return set;
        foreach (var id in currentSteps)
            if (definition.Steps.TryGetValue(id, out var step) && step.Department is { } d) set.Add(d);
        return set;
    }

    /// <summary>Ids of the steps any definition gives to <paramref name="department"/> by name (the co-review steps).</summary>
    public static IReadOnlySet<string> StepsOf(DefinitionRegistry definitions, string department) =>
        definitions.Ids.SelectMany(definitions.Versions).SelectMany(d => d.Steps.Values)
            .Where(s => s.Department == department).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
}
