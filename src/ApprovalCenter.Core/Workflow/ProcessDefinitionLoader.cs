namespace ApprovalCenter.Workflow;

/// <summary>
/// Loads process definitions from (file name, text) pairs. Everything is validated; if any file
/// has any error, nothing is returned, so a half-valid set never reaches the engine.
/// </summary>
public static class ProcessDefinitionLoader
{
    /// <summary>Loads one file; <paramref name="knownIds"/> are other published definitions its
    /// sub-cases may refer to.</summary>
    public static LoadResult<ProcessDefinition> Load(SourceFile file, IEnumerable<string>? knownIds = null, Func<ProcessDefinition, IEnumerable<LoadError>>? check = null)
    {
        var all = LoadAll([file], knownIds, check);
        return all.IsSuccess ? LoadResult<ProcessDefinition>.Success(all.Value![0]) : LoadResult<ProcessDefinition>.Failure(all.Errors);
    }

    /// <summary><paramref name="check"/> adds the product's own rules, e.g. that every action has a
    /// descriptor (<see cref="ApprovalCenter.Cases.Actions.ActionCatalog.Check"/>); the engine's tests load without it.</summary>
    public static LoadResult<IReadOnlyList<ProcessDefinition>> LoadAll(IEnumerable<SourceFile> files, IEnumerable<string>? knownIds = null, Func<ProcessDefinition, IEnumerable<LoadError>>? check = null)
    {
        var errors = new List<LoadError>();
        var defs = new List<ProcessDefinition>();
        foreach (var file in files)
        {
            var r = new JsonReading(file.Name);
            var d = DefinitionParser.Parse(file, r);
            if (d is not null) DefinitionValidator.Validate(d, r);
            errors.AddRange(r.Errors);
            if (d is not null && r.Errors.Count == 0 && check is not null)
            {
                var own = check(d).ToList();
                errors.AddRange(own);
                if (own.Count > 0) continue;
            }
            if (d is not null && r.Errors.Count == 0) defs.Add(d);
        }
        foreach (var dup in defs.GroupBy(d => d.Id).Where(g => g.Count() > 1))
            foreach (var d in dup.Skip(1))
                errors.Add(new LoadError(d.SourceFile, "$.id", $"流程编号“{d.Id}”重复（另见 {dup.First().SourceFile}）"));
        var ids = defs.Select(d => d.Id).Concat(knownIds ?? []).ToHashSet();
        foreach (var d in defs)
            foreach (var s in d.StepList)
                foreach (var c in s.Children.Where(c => !ids.Contains(c.Definition)))
                    errors.Add(new LoadError(d.SourceFile, $"{c.Path}.definition", $"子案件引用了不存在的流程“{c.Definition}”"));
        return LoadResult<IReadOnlyList<ProcessDefinition>>.From(() => defs, errors);
    }
}
