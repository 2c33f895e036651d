using ApprovalCenter.Documents;
using System.Collections.Immutable;
using System.Globalization;

namespace ApprovalCenter.Workflow;

/// <summary>
/// The working state of one transition: tokens are moved, steps entered and effects collected
/// here, then frozen into a new instance. If anything fails the context is simply dropped.
/// </summary>
internal sealed class TransitionContext(WorkflowInstance start, ProcessDefinition def, IResumeTokenSource tokens, DateTimeOffset at)
{
    private const int MaxAutomaticSteps = 1000;
    private int _autoSteps;

    public List<Token> Tokens { get; } = [.. start.Tokens];
    public ImmutableDictionary<string, object?>.Builder Data { get; } = start.Data.ToBuilder();
    public List<Bookmark> Bookmarks { get; } = [.. start.Bookmarks];
    public List<ChildCase> Children { get; } = [.. start.Children];
    public List<Effect> Effects { get; } = [];
    public List<string> Entered { get; } = [];
    public int Sequence { get; set; } = start.Sequence;
    public string? Outcome { get; private set; }
    public WorkflowError? Error { get; private set; }
    public ProcessDefinition Definition => def;

    public void ApplySet(ImmutableDictionary<string, object?> set)
    {
        foreach (var (k, v) in set) Data[k] = v;
    }

    public void Stamp(IEnumerable<string> keys)
    {
        foreach (var k in keys) Data[k] = at.ToString("O", CultureInfo.InvariantCulture);
    }

    public void Emit(IEnumerable<EffectSpec> specs, string stepId)
    {
        foreach (var e in specs)
        {
            Effects.Add(e.Type switch
            {
                "issue" => new IssueDocument(Enum.Parse<DocumentKind>(e.Value), stepId),
                "notify" => new Notify(e.Value, e.Message!, stepId),
                _ => new RecordCredit(e.Value, stepId),
            });
        }
    }

    /// <summary>Removes a token from its step: cancels its timers and drops its bookmarks.</summary>
    public void Leave(Token token)
    {
        Tokens.Remove(token);
        foreach (var t in def.Steps[token.StepId].Timers) Effects.Add(new CancelTimer(t.Name, token.StepId, token.Id));
        Bookmarks.RemoveAll(b => b.TokenId == token.Id);
    }

    /// <summary>Moves a token out of its step into another step (or keeps it when <paramref name="to"/> is null).</summary>
    public void Move(Token token, string? to)
    {
        if (to is null) return;
        Leave(token);
        Enter(token with { StepId = to });
    }

    public Token NewToken(string stepId, ImmutableList<ForkFrame> forks) => new($"t{++Sequence}", stepId, forks);

    /// <summary>Enters a step and runs automatic steps, forks, joins and finals until the case waits again.</summary>
    public void Enter(Token token)
    {
        if (Outcome is not null || Error is not null) return;
        if (++_autoSteps > MaxAutomaticSteps) { Error = WorkflowError.Invalid("自动步骤形成循环，流程无法继续，请检查流程定义"); return; }
        var step = def.Steps[token.StepId];
        Entered.Add(step.Id);
        if (step.Clock is { } clock) Effects.Add(new ClockChange(clock.Effect, clock.Reason, step.Id));
        ApplySet(step.OnEnterSet);
        Emit(step.OnEnter, step.Id);
        switch (step.Kind)
        {
            case StepKind.Final: Finish(step); return;
            case StepKind.Auto: Route(token, step); return;
            case StepKind.Fork: Fork(token, step); return;
            case StepKind.Join: Join(token, step); return;
        }
        Tokens.Add(token);
        foreach (var t in step.Timers) Effects.Add(new ScheduleTimer(t.Name, t.Due, step.Id, token.Id));
        if (step.Kind == StepKind.SubCases) StartChildren(token, step);
        if (step.Bookmark is { } b) AddBookmark(token, step, b.WaitingFor, b.Resume);
    }

    public void AddBookmark(Token token, StepDef step, string waitingFor, string? resume)
    {
        var bookmark = new Bookmark(tokens.NewToken(), start.Id, step.Id, token.Id, waitingFor, resume);
        Bookmarks.Add(bookmark);
        Effects.Add(new BookmarkCreated(bookmark));
    }

    /// <summary>Follows the first route whose condition holds (the last route is always unconditional).</summary>
    public void Route(Token token, StepDef step)
    {
        var data = Data.ToImmutable();
        var route = step.Next.First(r => r.When is null || r.When.Evaluate(data));
        Enter(token with { StepId = route.To });
    }

    private void Fork(Token token, StepDef step)
    {
        var data = Data.ToImmutable();
        var taken = step.Branches.Where(b => b.When is null || b.When.Evaluate(data)).ToList();
        if (taken.Count == 0) { Error = WorkflowError.Invalid($"分支步骤“{step.Name}”没有任何分支满足条件"); return; }
        var frame = new ForkFrame(step.Id, $"g{++Sequence}", taken.Count);
        var forks = token.Forks.Add(frame);
        foreach (var b in taken) Enter(NewToken(b.To, forks));
    }

    private void Join(Token token, StepDef step)
    {
        if (token.Forks.IsEmpty || token.Forks[^1].ForkStepId != step.JoinOf)
        {
            Error = WorkflowError.Invalid($"汇合步骤“{step.Name}”收到了不属于其分支的流转");
            return;
        }
        var frame = token.Forks[^1];
        var arrived = Tokens.Where(t => t.StepId == step.Id && t.Forks.Count > 0 && t.Forks[^1].GroupId == frame.GroupId).ToList();
        if (arrived.Count + 1 < frame.Expected)
        {
            Tokens.Add(token);
            return;
        }
        foreach (var t in arrived) Tokens.Remove(t);
        Route(NewToken(step.Id, token.Forks.RemoveAt(token.Forks.Count - 1)), step);
    }

    private void StartChildren(Token token, StepDef step)
    {
        var parentData = Data.ToImmutable();
        foreach (var c in step.Children)
        {
            Children.RemoveAll(x => x.Key == c.Key);
            Children.Add(new ChildCase(c.Key, step.Id, token.Id, c.Definition, c.Item, null, ChildStatus.Pending, null));
            var data = parentData.SetItems(c.Data).SetItem("parentInstanceId", start.Id).SetItem("childKey", c.Key);
            if (c.Item is not null) data = data.SetItem("itemCode", c.Item);
            Effects.Add(new CreateSubCase(c.Key, c.Definition, c.Item, data));
        }
        Data["children.pending"] = (decimal)step.Children.Count;
        Data["children.completed"] = 0m;
        if (step.Bookmark is null) AddBookmark(token, step, "children", null);
    }

    private void Finish(StepDef step)
    {
        Outcome = step.Outcome!;
        foreach (var t in Tokens.ToList()) Leave(t);
        Bookmarks.Clear();
        Effects.Add(new CaseCompleted(Outcome));
        if (start.Parent is { } parent) Effects.Add(new ChildCaseCompleted(parent.InstanceId, parent.ChildKey, start.Id, Outcome));
    }

    public TransitionResult Commit(JournalEntry entry)
    {
        if (Error is not null) return TransitionResult.Fail(Error);
        var instance = start with
        {
            Version = start.Version + 1,
            Tokens = [.. Tokens],
            Data = Data.ToImmutable(),
            Bookmarks = [.. Bookmarks],
            Children = [.. Children],
            Sequence = Sequence,
            Status = Outcome is null ? start.Status : InstanceStatus.Completed,
            Outcome = Outcome ?? start.Outcome,
            Journal = start.Journal.Add(entry with { Sequence = start.Journal.Count + 1, To = Entered.Distinct().ToList() }),
        };
        return TransitionResult.Ok(instance, Effects);
    }
}
