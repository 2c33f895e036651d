using System.Globalization;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Tests.Workflow;

/// <summary>
/// Runs a compact scenario script against the in-memory host. One step per ';':
/// <c>[childKey&gt;]Role[/部门]:action[#step] k=v ...</c>, <c>timer:name</c> or <c>event:name k=v</c>.
/// Reviewer and ChiefRepresentative default to 住建; Applicant acts as "app-1".
/// </summary>
public static class Scenario
{
    public const string ApplicantId = "app-1";

    public static TransitionResult Run(InMemoryWorkflowHost host, string instanceId, string script)
    {
        TransitionResult? last = null;
        var at = WorkflowFiles.T0;
        foreach (var raw in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            at = at.AddHours(1);
            var target = instanceId;
            var text = raw;
            var gt = text.IndexOf('>');
            if (gt > 0) { target = $"{instanceId}/{text[..gt]}"; text = text[(gt + 1)..]; }
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (who, name) = (parts[0][..parts[0].IndexOf(':')], parts[0][(parts[0].IndexOf(':') + 1)..]);
            var data = parts.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => Value(kv[1]));
            string? step = null;
            if (name.Contains('#')) { step = name[(name.IndexOf('#') + 1)..]; name = name[..name.IndexOf('#')]; }
            last = who switch
            {
                "timer" => host.FireTimer(target, name, at),
                "event" => host.Raise(target, name, data, at),
                _ => host.Act(target, name, ActorFor(who), data, at, step),
            };
            if (!last.IsSuccess) throw new AssertionException($"步骤“{raw}”失败：{last.Error!.Kind} {last.Error.Reason}");
        }
        return last!;
    }

    public static Actor ActorFor(string who)
    {
        var slash = who.IndexOf('/');
        var role = slash < 0 ? who : who[..slash];
        var dept = slash < 0 ? (Actor.IsDepartmentScoped(role) ? "住建" : null) : who[(slash + 1)..];
        return role == "Applicant" ? new Actor(ApplicantId, role) : new Actor($"u-{role}-{dept}", role, dept);
    }

    public static object? Value(string s) =>
        s switch
        {
            "true" => true,
            "false" => false,
            _ when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
            _ => s,
        };

    public static Dictionary<string, object?> Data(string spec) =>
        spec.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => Value(kv[1]));
}
