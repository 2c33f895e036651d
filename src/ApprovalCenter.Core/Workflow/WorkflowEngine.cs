using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Workflow;

/// <summary>
/// The pure workflow engine: it takes an instance and a trigger (action, timer, event, resume
/// token, child completion, migration) and returns a new instance plus effects, or a typed error.
/// It does no I/O and keeps no state of its own beyond the published definitions.
/// </summary>
public sealed class WorkflowEngine(DefinitionRegistry registry, IResumeTokenSource? resumeTokens = null)
{
    private readonly IResumeTokenSource _tokens = resumeTokens ?? RandomResumeTokens.Instance;

    public DefinitionRegistry Registry => registry;

    /// <summary>Starts a case on the latest published version of a definition.</summary>
    public TransitionResult Start(string definitionId, string instanceId, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at, ParentLink? parent = null)
    {
        var def = registry.Latest(definitionId);
        if (def is null) return TransitionResult.Fail(WorkflowError.Invalid($"流程“{definitionId}”不存在或尚未发布"));
        if (string.IsNullOrWhiteSpace(instanceId)) return TransitionResult.Fail(WorkflowError.Invalid("案件编号不能为空"));
        var bag = CaseData.Merge(CaseData.Empty, data, out var error);
        if (error is not null) return TransitionResult.Fail(WorkflowError.Invalid(error));
        var instance = new WorkflowInstance
        {
            Id = instanceId, DefinitionId = def.Id, DefinitionVersion = def.Version, Version = 0,
            Tokens = [], Data = bag, Journal = [], Bookmarks = [], Children = [], Parent = parent,
        };
        var ctx = new TransitionContext(instance, def, _tokens, at);
        ctx.Enter(ctx.NewToken(def.Start, []));
        return ctx.Commit(Entry(at, actor, "start", def.Id, [], bag));
    }

    /// <summary>
    /// A person takes an action. <paramref name="stepId"/> is needed only when several current steps
    /// offer the same action to the same person; otherwise the engine finds the step.
    /// </summary>
    public TransitionResult Act(WorkflowInstance instance, string action, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at, string? stepId = null)
    {
        if (Pinned(instance, out var def) is { } fail) return fail;
        if (instance.Status == InstanceStatus.Completed) return TransitionResult.Fail(WorkflowError.NotCurrent($"案件已办结（{instance.Outcome}），不能再执行“{action}”"));
        if (stepId is not null && instance.Tokens.All(t => t.StepId != stepId))
            return TransitionResult.Fail(WorkflowError.NotCurrent($"步骤“{StepName(def, stepId)}”当前不在办理中"));
        var candidates = instance.Tokens
            .Where(t => stepId is null || t.StepId == stepId)
            .Select(t => (Token: t, Step: def.Steps[t.StepId], Action: def.Steps[t.StepId].Actions.FirstOrDefault(a => a.Name == action)))
            .Where(x => x.Action is not null).ToList();
        if (candidates.Count == 0)
            return TransitionResult.Fail(def.HasAction(action)
                ? WorkflowError.NotCurrent($"案件当前所在步骤（{string.Join("、", instance.Tokens.Select(t => StepName(def, t.StepId)))}）不能执行“{action}”")
                : WorkflowError.Invalid($"流程中没有名为“{action}”的操作"));

        var allowed = candidates.Where(c => c.Action!.Roles.Contains(actor.Role)).ToList();
        if (allowed.Count == 0)
            return TransitionResult.Fail(WorkflowError.Forbidden($"{ApprovalCenter.Cases.Actions.Labels.Role(actor.Role)}无权执行“{action}”（允许：{string.Join("、", candidates[0].Action!.Roles.Select(r => ApprovalCenter.Cases.Actions.Labels.Role(r)))}）"));
        var scoped = allowed.Where(c => Authorised(c.Step, actor, instance.Data) is null).ToList();
        if (scoped.Count == 0) return TransitionResult.Fail(WorkflowError.Forbidden(Authorised(allowed[0].Step, actor, instance.Data)!));
        if (scoped.Count > 1) return TransitionResult.Fail(WorkflowError.Invalid($"多个当前步骤都可以执行“{action}”，请指明步骤"));
        var (token, step, act) = scoped[0];

        var merged = CaseData.Merge(instance.Data, data, out var error);
        if (error is not null) return TransitionResult.Fail(WorkflowError.Invalid(error));
        var missing = act!.Requires.Where(k => !merged.TryGetValue(k, out var v) || v is null || v is "").ToList();
        if (missing.Count > 0) return TransitionResult.Fail(WorkflowError.Invalid($"缺少必填数据：{string.Join("、", missing)}"));
        if (act.When is { } when && !when.Evaluate(merged))
            return TransitionResult.Fail(WorkflowError.Invalid(act.WhenReason ?? $"当前不满足执行“{action}”的条件（{when.Text}）"));

        var ctx = new TransitionContext(instance with { Data = merged }, def, _tokens, at);
        ctx.ApplySet(act.Set);
        ctx.Stamp(act.Stamp);
        ctx.Emit(act.Effects, step.Id);
        ctx.Move(token, act.To);
        return ctx.Commit(Entry(at, actor, "action", action, [step.Id], Supplied(data)));
    }

    /// <summary>A durable timer fired. A timer of a step the case has left is refused as NotCurrent, which makes late or repeated firing harmless.</summary>
    public TransitionResult FireTimer(WorkflowInstance instance, string timerName, DateTimeOffset at, string? tokenId = null)
    {
        if (Pinned(instance, out var def) is { } fail) return fail;
        var hit = instance.Tokens.Where(t => tokenId is null || t.Id == tokenId)
            .Select(t => (Token: t, Step: def.Steps[t.StepId], Timer: def.Steps[t.StepId].Timers.FirstOrDefault(x => x.Name == timerName)))
            .FirstOrDefault(x => x.Timer is not null);
        if (hit.Timer is null) return TransitionResult.Fail(WorkflowError.NotCurrent($"计时器“{timerName}”已失效：案件已离开对应步骤"));
        var ctx = new TransitionContext(instance, def, _tokens, at);
        ctx.ApplySet(hit.Timer.Set);
        ctx.Emit(hit.Timer.Effects, hit.Step.Id);
        ctx.Move(hit.Token, hit.Timer.To);
        return ctx.Commit(Entry(at, Actor.System, "timer", timerName, [hit.Step.Id], CaseData.Empty));
    }

    /// <summary>A system event (e.g. "land-contract-registered") reached the case.</summary>
    public TransitionResult Raise(WorkflowInstance instance, string eventName, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at, Actor? actor = null, string? stepId = null)
    {
        if (Pinned(instance, out var def) is { } fail) return fail;
        var hits = instance.Tokens.Where(t => stepId is null || t.StepId == stepId)
            .Select(t => (Token: t, Step: def.Steps[t.StepId], Event: def.Steps[t.StepId].Events.FirstOrDefault(x => x.Name == eventName)))
            .Where(x => x.Event is not null).ToList();
        if (hits.Count == 0) return TransitionResult.Fail(WorkflowError.NotCurrent($"案件当前不在等待事件“{eventName}”"));
        var merged = CaseData.Merge(instance.Data, data, out var error);
        if (error is not null) return TransitionResult.Fail(WorkflowError.Invalid(error));
        var hit = hits.FirstOrDefault(h => h.Event!.When is null || h.Event.When.Evaluate(merged));
        if (hit.Event is null) return TransitionResult.Fail(WorkflowError.Invalid($"事件“{eventName}”的条件不满足（{hits[0].Event!.When!.Text}）"));
        var ctx = new TransitionContext(instance with { Data = merged }, def, _tokens, at);
        ctx.ApplySet(hit.Event.Set);
        ctx.Emit(hit.Event.Effects, hit.Step.Id);
        ctx.Move(hit.Token, hit.Event.To);
        var who = actor ?? Actor.System;
        return ctx.Commit(Entry(at, who, "event", eventName, [hit.Step.Id], Supplied(data)));
    }

    /// <summary>Resumes a bookmark by its token: fires the bookmark's resume action (role-checked) or event.</summary>
    public TransitionResult Resume(WorkflowInstance instance, string resumeToken, Actor actor, IReadOnlyDictionary<string, object?>? data, DateTimeOffset at)
    {
        var given = Encoding.UTF8.GetBytes(resumeToken ?? "");
        var bookmark = instance.Bookmarks.FirstOrDefault(b => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(b.ResumeToken), given));
        if (bookmark is null) return TransitionResult.Fail(WorkflowError.NotCurrent("恢复令牌无效或已失效"));
        if (bookmark.Resume is null) return TransitionResult.Fail(WorkflowError.Invalid("该等待点不能通过令牌恢复"));
        if (Pinned(instance, out var def) is { } fail) return fail;
        return def.Steps[bookmark.StepId].Actions.Any(a => a.Name == bookmark.Resume)
            ? Act(instance, bookmark.Resume, actor, data, at, bookmark.StepId)
            : Raise(instance, bookmark.Resume, data, at, actor, bookmark.StepId);
    }

    /// <summary>Records that a sub-case finished; when all children of the step are done the parent moves on.</summary>
    public TransitionResult ChildCompleted(WorkflowInstance parent, string childKey, string childInstanceId, string outcome, DateTimeOffset at)
    {
        if (Pinned(parent, out var def) is { } fail) return fail;
        var child = parent.Children.FirstOrDefault(c => c.Key == childKey && c.Status == ChildStatus.Pending);
        var token = child is null ? null : parent.Tokens.FirstOrDefault(t => t.Id == child.TokenId);
        if (child is null || token is null) return TransitionResult.Fail(WorkflowError.NotCurrent($"父案件没有在等待子案件“{childKey}”"));
        var ctx = new TransitionContext(parent, def, _tokens, at);
        ctx.Children[ctx.Children.IndexOf(child)] = child with { Status = ChildStatus.Completed, Outcome = outcome, ChildInstanceId = childInstanceId };
        ctx.Data[$"child.{childKey}"] = outcome;
        var siblings = ctx.Children.Where(c => c.TokenId == token.Id).ToList();
        ctx.Data["children.completed"] = (decimal)siblings.Count(c => c.Status == ChildStatus.Completed);
        ctx.Data["children.pending"] = (decimal)siblings.Count(c => c.Status == ChildStatus.Pending);
        if (siblings.All(c => c.Status == ChildStatus.Completed))
        {
            var step = def.Steps[token.StepId];
            ctx.Leave(token);
            ctx.Route(token, step);
        }
        return ctx.Commit(Entry(at, Actor.System, "child-completed", childKey, [token.StepId], CaseData.Empty.SetItem("childInstanceId", childInstanceId).SetItem("outcome", outcome)));
    }

    /// <summary>
    /// Moves a running instance to another version of its definition. Publishing never does this by
    /// itself; an administrator must ask, give a reason and map every current step that no longer
    /// exists. Timers of the old steps are cancelled and those of the new steps scheduled.
    /// </summary>
    public TransitionResult Migrate(WorkflowInstance instance, ProcessDefinition toDefinition, IReadOnlyDictionary<string, string>? stateMapping, Actor actor, string reason, DateTimeOffset at)
    {
        if (actor.Role != Roles.Administrator) return TransitionResult.Fail(WorkflowError.Forbidden("只有系统管理员可以迁移案件的流程版本"));
        if (string.IsNullOrWhiteSpace(reason)) return TransitionResult.Fail(WorkflowError.Invalid("迁移流程版本必须填写原因"));
        if (toDefinition.Id != instance.DefinitionId) return TransitionResult.Fail(WorkflowError.Invalid($"只能迁移到同一流程“{instance.DefinitionId}”的其他版本"));
        if (registry.Get(toDefinition.Id, toDefinition.Version) is null) return TransitionResult.Fail(WorkflowError.Invalid("目标版本尚未发布"));
        if (instance.Status == InstanceStatus.Completed) return TransitionResult.Fail(WorkflowError.NotCurrent("案件已办结，不能迁移"));
        if (Pinned(instance, out var from) is { } fail) return fail;
        var mapping = stateMapping ?? new Dictionary<string, string>();
        foreach (var t in instance.Tokens)
        {
            var target = mapping.GetValueOrDefault(t.StepId, t.StepId);
            if (!toDefinition.Steps.TryGetValue(target, out var s))
                return TransitionResult.Fail(WorkflowError.Invalid($"当前步骤“{t.StepId}”在新版本中不存在，请在迁移映射中指定对应步骤"));
            if (s.Kind is not (StepKind.Task or StepKind.SubCases or StepKind.Join))
                return TransitionResult.Fail(WorkflowError.Invalid($"不能迁移到自动流转的步骤“{target}”"));
        }
        var ctx = new TransitionContext(instance with { DefinitionVersion = toDefinition.Version }, toDefinition, _tokens, at);
        ctx.Bookmarks.Clear();
        foreach (var t in instance.Tokens)
        {
            foreach (var timer in from.Steps[t.StepId].Timers) ctx.Effects.Add(new CancelTimer(timer.Name, t.StepId, t.Id));
            var moved = t with { StepId = mapping.GetValueOrDefault(t.StepId, t.StepId) };
            ctx.Tokens[ctx.Tokens.IndexOf(t)] = moved;
            var step = toDefinition.Steps[moved.StepId];
            foreach (var timer in step.Timers) ctx.Effects.Add(new ScheduleTimer(timer.Name, timer.Due, step.Id, moved.Id));
            if (step.Bookmark is { } b) ctx.AddBookmark(moved, step, b.WaitingFor, b.Resume);
            else if (step.Kind == StepKind.SubCases) ctx.AddBookmark(moved, step, "children", null);
            ctx.Entered.Add(step.Id);
        }
        var data = CaseData.Empty.SetItem("fromVersion", instance.DefinitionVersion).SetItem("toVersion", toDefinition.Version);
        return ctx.Commit(Entry(at, actor, "migrate", toDefinition.Id, instance.CurrentSteps, data, reason));
    }

    /// <summary>Null when the actor may work on the step; otherwise the Chinese reason for refusing.</summary>
    private static string? Authorised(StepDef step, Actor actor, IReadOnlyDictionary<string, object?> data)
    {
        if (actor.Role == Roles.Applicant && data.TryGetValue("applicantId", out var applicant) && applicant is string id && id != actor.UserId)
            return "只有本案申请人可以办理此操作";
        if (!Actor.IsDepartmentScoped(actor.Role)) return null;
        var scope = StepScope.Department(step, data);
        if (scope is null || scope == actor.Department) return null;
        return $"步骤“{step.Name}”由{scope}办理，{actor.Department ?? "未指定部门"}的{ApprovalCenter.Cases.Actions.Labels.Role(actor.Role)}无权办理";
    }

    private TransitionResult? Pinned(WorkflowInstance instance, out ProcessDefinition def)
    {
        def = registry.Get(instance.DefinitionId, instance.DefinitionVersion)!;
        return def is null ? TransitionResult.Fail(WorkflowError.Invalid($"案件所用的流程版本 {instance.DefinitionVersion} 未加载")) : null;
    }

    private static string StepName(ProcessDefinition def, string stepId) => def.Steps.TryGetValue(stepId, out var s) ? s.Name : stepId;

    private static ImmutableDictionary<string, object?> Supplied(IReadOnlyDictionary<string, object?>? data) =>
        CaseData.Merge(CaseData.Empty, data, out _);

    private static JournalEntry Entry(DateTimeOffset at, Actor actor, string kind, string name, IReadOnlyList<string> from, ImmutableDictionary<string, object?> data, string? reason = null) =>
        new(0, at, actor.UserId, actor.Role, kind, name, from, [], data, reason);
}
