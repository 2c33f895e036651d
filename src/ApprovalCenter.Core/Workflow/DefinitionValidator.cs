namespace ApprovalCenter.Workflow;

/// <summary>
/// Graph checks on a parsed definition: references, reachability, dead ends, cycles without an
/// exit, fork/join pairing and per-kind shape. A definition that fails any check is not loaded,
/// because a case stuck in a step nobody can leave is a case the bureau cannot lawfully finish.
/// </summary>
internal static class DefinitionValidator
{
    public static void Validate(ProcessDefinition d, JsonReading r)
    {
        if (!d.Steps.ContainsKey(d.Start)) r.Error("$.start", $"起始步骤“{d.Start}”不存在");
        foreach (var s in d.StepList) CheckShape(d, s, r);

        var refsOk = true;
        foreach (var s in d.StepList)
            foreach (var (to, path) in s.Edges)
                if (!d.Steps.ContainsKey(to)) { r.Error(path, $"引用了不存在的步骤“{to}”"); refsOk = false; }
        if (!refsOk || !d.Steps.ContainsKey(d.Start)) return;

        var reachable = Reach([d.Start], id => d.Steps[id].Edges.Select(x => x.To));
        foreach (var s in d.StepList.Where(s => !reachable.Contains(s.Id)))
            r.Error(s.Path, $"步骤“{s.Id}”从起始步骤无法到达");

        var finals = d.StepList.Where(s => s.Kind == StepKind.Final).Select(s => s.Id).ToList();
        if (finals.Count == 0) r.Error("$.steps", "流程没有任何结束步骤（kind 为 final）");
        var reverse = d.StepList.SelectMany(s => s.Edges.Select(x => (From: s.Id, x.To))).ToLookup(x => x.To, x => x.From);
        var canFinish = Reach(finals, id => reverse[id]);
        foreach (var s in d.StepList.Where(s => s.Kind != StepKind.Final && reachable.Contains(s.Id)))
        {
            if (!s.Edges.Any()) r.Error(s.Path, $"步骤“{s.Id}”不是结束步骤，却没有任何出口（死路）");
            else if (!canFinish.Contains(s.Id)) r.Error(s.Path, $"步骤“{s.Id}”处于没有出口的循环中，无法到达任何结束步骤");
        }
        CheckForkJoin(d, r);
    }

    private static void CheckShape(ProcessDefinition d, StepDef s, JsonReading r)
    {
        var p = s.Path;
        var hasWaits = s.Actions.Count + s.Timers.Count + s.Events.Count > 0;
        switch (s.Kind)
        {
            case StepKind.Final:
                if (s.Edges.Any() || hasWaits) r.Error(p, $"结束步骤“{s.Id}”不能有出口或操作");
                if (string.IsNullOrWhiteSpace(s.Outcome)) r.Error($"{p}.outcome", $"结束步骤“{s.Id}”必须写明办理结果（outcome）");
                break;
            case StepKind.Auto:
            case StepKind.Join:
            case StepKind.SubCases:
                if (hasWaits && s.Kind != StepKind.SubCases) r.Error(p, $"{KindName(s.Kind)}“{s.Id}”不能有操作、计时器或事件");
                if (s.Next.Count == 0) r.Error($"{p}.next", $"{KindName(s.Kind)}“{s.Id}”必须有去向（next）");
                else if (s.Next[^1].When is not null) r.Error(s.Next[^1].Path, $"{KindName(s.Kind)}“{s.Id}”的最后一个去向必须是无条件的默认去向");
                if (s.Kind == StepKind.SubCases && s.Children.Count == 0) r.Error($"{p}.children", $"子案件步骤“{s.Id}”至少要有一个子案件");
                if (s.Kind == StepKind.Join && s.JoinOf is null) r.Error($"{p}.join", $"汇合步骤“{s.Id}”必须写明对应的分支步骤（join）");
                break;
            case StepKind.Fork:
                if (s.Branches.Count < 2) r.Error($"{p}.branches", $"分支步骤“{s.Id}”至少要有两个分支");
                if (hasWaits || s.Next.Count > 0) r.Error(p, $"分支步骤“{s.Id}”只能有 branches");
                break;
            case StepKind.Task:
                if (s.Next.Count > 0 || s.Branches.Count > 0) r.Error(p, $"办理步骤“{s.Id}”不能有 next 或 branches，请使用操作、计时器或事件");
                break;
        }
        if (s.Kind != StepKind.Join && s.JoinOf is not null) r.Error($"{p}.join", $"只有汇合步骤（kind 为 join）可以写 join");
        if (s.Kind != StepKind.SubCases && s.Children.Count > 0) r.Error($"{p}.children", $"只有子案件步骤（kind 为 subcases）可以有 children");
        if (s.Department is not null && s.DepartmentFrom is not null) r.Error(p, "department 与 departmentFrom 只能写一个");
        Duplicates(s.Actions.Select(a => (a.Name, a.Path)), "操作", r);
        Duplicates(s.Timers.Select(a => (a.Name, a.Path)), "计时器", r);
        Duplicates(s.Events.Select(a => (a.Name, a.Path)), "事件", r);
        Duplicates(s.Children.Select(a => (a.Key, a.Path)), "子案件", r);
        if (s.Bookmark is { Resume: { } resume } && s.Actions.All(a => a.Name != resume) && s.Events.All(e => e.Name != resume))
            r.Error($"{p}.bookmark.resume", $"书签的恢复动作“{resume}”不是本步骤的操作或事件");
        if (s.Bookmark is { WaitingFor: var w } && w is not ("applicant" or "timer" or "children" or "event" or "staff"))
            r.Error($"{p}.bookmark.waitingFor", $"未知的等待类型“{w}”（可用：applicant、staff、timer、event、children）");
    }

    private static void CheckForkJoin(ProcessDefinition d, JsonReading r)
    {
        var joins = d.StepList.Where(s => s.Kind == StepKind.Join).ToList();
        foreach (var j in joins)
        {
            if (j.JoinOf is null) continue;
            if (!d.Steps.TryGetValue(j.JoinOf, out var fork) || fork.Kind != StepKind.Fork)
                r.Error($"{j.Path}.join", $"汇合步骤“{j.Id}”没有对应的分支步骤“{j.JoinOf}”");
        }
        foreach (var f in d.StepList.Where(s => s.Kind == StepKind.Fork))
        {
            var matching = joins.Count(j => j.JoinOf == f.Id);
            if (matching == 0) r.Error(f.Path, $"分支步骤“{f.Id}”没有对应的汇合步骤");
            else if (matching > 1) r.Error(f.Path, $"分支步骤“{f.Id}”对应了多个汇合步骤");
        }
    }

    private static void Duplicates(IEnumerable<(string Name, string Path)> items, string what, JsonReading r)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, path) in items)
            if (!seen.Add(name)) r.Error($"{path}.name", $"{what}“{name}”在同一步骤中重复");
    }

    private static HashSet<string> Reach(IEnumerable<string> from, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(from, StringComparer.Ordinal);
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
            foreach (var n in next(queue.Dequeue()))
                if (seen.Add(n)) queue.Enqueue(n);
        return seen;
    }

    private static string KindName(StepKind k) => k switch
    {
        StepKind.Auto => "自动步骤", StepKind.Join => "汇合步骤", StepKind.SubCases => "子案件步骤", _ => "步骤",
    };
}
