using ApprovalCenter.Documents;
using System.Collections.Immutable;
using System.Text.Json;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Workflow;

/// <summary>Reads one process-definition JSON file into the model, collecting every error with its path.</summary>
internal static class DefinitionParser
{
    public static ProcessDefinition? Parse(SourceFile file, JsonReading r)
    {
        using var doc = r.Parse(file.Text);
        if (doc is null) return null;
        var root = doc.RootElement;
        if (!r.RequireObject(root, "$")) return null;
        var id = r.String(root, "id", "$");
        var name = r.String(root, "name", "$");
        var start = r.String(root, "start", "$");
        var statutory = r.Int(root, "statutoryDays", "$", required: false);
        var extension = r.Int(root, "extensionDays", "$", required: false);
        var steps = new List<StepDef>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (e, p) in r.Array(root, "steps", "$", required: true))
        {
            if (!r.RequireObject(e, p)) continue;
            var step = ParseStep(e, p, r);
            if (step is null) continue;
            if (!ids.Add(step.Id)) r.Error($"{p}.id", $"步骤编号“{step.Id}”重复");
            else steps.Add(step);
        }
        if (root.TryGetProperty("steps", out var st) && st.ValueKind == JsonValueKind.Array && st.GetArrayLength() == 0)
            r.Error("$.steps", "流程至少需要一个步骤");
        if (id is null || name is null || start is null) return null;
        return new ProcessDefinition
        {
            Id = id, Name = name, Description = r.String(root, "description", "$", required: false),
            Version = CanonicalJson.Sha256(file.Text), SourceFile = file.Name, Start = start,
            StatutoryDays = statutory, ExtensionDays = extension,
            Steps = steps.ToDictionary(s => s.Id, StringComparer.Ordinal), StepList = steps,
        };
    }

    private static StepDef? ParseStep(JsonElement e, string p, JsonReading r)
    {
        var id = r.String(e, "id", p);
        var name = r.String(e, "name", p, required: false) ?? id;
        var kindText = r.String(e, "kind", p, required: false) ?? "task";
        if (!TryKind(kindText, out var kind)) r.Error($"{p}.kind", $"未知的步骤类型“{kindText}”（可用：task、auto、fork、join、subcases、final）");
        StepClock? clock = null;
        if (e.TryGetProperty("clock", out var c) && r.RequireObject(c, $"{p}.clock"))
        {
            var effect = r.String(c, "effect", $"{p}.clock");
            if (effect is not null && Enum.TryParse<ClockEffectKind>(effect, out var ck) && Enum.IsDefined(ck))
                clock = new StepClock(ck, r.String(c, "reason", $"{p}.clock", required: false));
            else if (effect is not null) r.Error($"{p}.clock.effect", $"未知的计时效果“{effect}”（可用：Counts、Paused、Excluded、Stopped）");
            if (clock is { Effect: ClockEffectKind.Paused, Reason: null }) r.Error($"{p}.clock.reason", "暂停计时必须写明原因");
        }
        var actions = r.Array(e, "actions", p).Where(x => r.RequireObject(x.Element, x.Path)).Select(x => ParseAction(x.Element, x.Path, r)).ToList();
        var timers = r.Array(e, "timers", p).Where(x => r.RequireObject(x.Element, x.Path)).Select(x => ParseTimer(x.Element, x.Path, r)).ToList();
        var events = r.Array(e, "events", p).Where(x => r.RequireObject(x.Element, x.Path)).Select(x => new EventDef(
            r.String(x.Element, "name", x.Path) ?? "", r.String(x.Element, "to", x.Path, required: false),
            r.ConditionField(x.Element, "when", x.Path), r.Scalars(x.Element, "set", x.Path), Effects(x.Element, "effects", x.Path, r), x.Path)).ToList();
        BookmarkDef? bookmark = null;
        if (e.TryGetProperty("bookmark", out var b) && r.RequireObject(b, $"{p}.bookmark"))
            bookmark = new BookmarkDef(r.String(b, "waitingFor", $"{p}.bookmark") ?? "", r.String(b, "resume", $"{p}.bookmark", required: false));
        var children = r.Array(e, "children", p).Where(x => r.RequireObject(x.Element, x.Path)).Select(x => new ChildDef(
            r.String(x.Element, "key", x.Path) ?? "", r.String(x.Element, "definition", x.Path) ?? "",
            r.String(x.Element, "item", x.Path, required: false), r.Scalars(x.Element, "data", x.Path), x.Path)).ToList();
        if (id is null) return null;
        return new StepDef(id, name!, kind, r.String(e, "department", p, required: false), r.String(e, "departmentFrom", p, required: false),
            clock, Effects(e, "onEnter", p, r), r.Scalars(e, "set", p), actions, timers, events,
            Routes(e, "next", p, r), Routes(e, "branches", p, r), r.String(e, "join", p, required: false),
            children, bookmark, r.String(e, "outcome", p, required: false), p);
    }

    private static ActionDef ParseAction(JsonElement e, string p, JsonReading r)
    {
        var roles = r.Strings(e, "roles", p, required: true);
        for (var i = 0; i < roles.Count; i++)
            if (!Roles.All.Contains(roles[i])) r.Error($"{p}.roles[{i}]", $"未知的角色“{roles[i]}”");
        if (roles.Count == 0 && e.TryGetProperty("roles", out _)) r.Error($"{p}.roles", "操作至少要允许一个角色");
        return new ActionDef(r.String(e, "name", p) ?? "", roles, r.String(e, "to", p, required: false),
            r.ConditionField(e, "when", p), r.String(e, "whenReason", p, required: false), r.Strings(e, "requires", p),
            r.Scalars(e, "set", p), r.Strings(e, "stamp", p), Effects(e, "effects", p, r), p);
    }

    private static TimerDef ParseTimer(JsonElement e, string p, JsonReading r)
    {
        var due = r.String(e, "due", p) ?? "";
        if (due.Length > 0 && !DueRules.IsValid(due))
            r.Error($"{p}.due", $"未知的期限规则“{due}”（可用：{string.Join("、", DueRules.Symbolic)}，或如“5wd”“30nd”的天数）");
        return new TimerDef(r.String(e, "name", p) ?? "", due, r.String(e, "to", p, required: false), r.Scalars(e, "set", p), Effects(e, "effects", p, r), p);
    }

    private static List<RouteDef> Routes(JsonElement e, string name, string p, JsonReading r) =>
        r.Array(e, name, p).Where(x => r.RequireObject(x.Element, x.Path))
            .Select(x => new RouteDef(r.ConditionField(x.Element, "when", x.Path), r.String(x.Element, "to", x.Path) ?? "", x.Path)).ToList();

    private static List<EffectSpec> Effects(JsonElement e, string name, string p, JsonReading r)
    {
        var list = new List<EffectSpec>();
        foreach (var (x, xp) in r.Array(e, name, p))
        {
            if (!r.RequireObject(x, xp)) continue;
            if (r.String(x, "issue", xp, required: false) is { } doc)
            {
                if (Enum.TryParse<DocumentKind>(doc, out var k) && Enum.IsDefined(k)) list.Add(new EffectSpec("issue", doc, null));
                else r.Error($"{xp}.issue", $"未知的文书类型“{doc}”");
            }
            else if (r.String(x, "notify", xp, required: false) is { } who)
            {
                if (!Roles.All.Contains(who)) r.Error($"{xp}.notify", $"未知的通知对象角色“{who}”");
                var msg = r.String(x, "message", xp);
                if (msg is not null) list.Add(new EffectSpec("notify", who, msg));
            }
            else if (r.String(x, "credit", xp, required: false) is { } reason) list.Add(new EffectSpec("credit", reason, null));
            else r.Error(xp, "效果必须是 issue、notify 或 credit 之一");
        }
        return list;
    }

    private static bool TryKind(string text, out StepKind kind)
    {
        kind = text switch
        {
            "task" => StepKind.Task, "auto" => StepKind.Auto, "fork" => StepKind.Fork, "join" => StepKind.Join,
            "subcases" => StepKind.SubCases, "final" => StepKind.Final, _ => (StepKind)(-1),
        };
        return kind >= 0;
    }
}
