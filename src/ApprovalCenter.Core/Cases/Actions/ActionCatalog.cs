using System.Collections.Frozen;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases.Actions;

/// <summary>
/// Every case action the product knows, by id. The process definitions may only name these
/// (<see cref="Check"/> runs when definitions load), and pages, the API, the journal and the
/// diagrams take an action's meaning and labels from here and nowhere else.
/// </summary>
public static partial class ActionCatalog
{
    // Lazy: static fields of a partial class initialise in no guaranteed order across its files.
    private static readonly Lazy<FrozenDictionary<string, ActionDescriptor>> Lazy = new(() => Build().ToFrozenDictionary(d => d.Id, StringComparer.Ordinal));
    private static FrozenDictionary<string, ActionDescriptor> ById => Lazy.Value;

    public static IReadOnlyCollection<ActionDescriptor> All => ById.Values;

    public static ActionDescriptor? Find(string? id) => id is not null && ById.TryGetValue(id, out var d) ? d : null;

    /// <summary>A definition may only name actions with a descriptor, give them roles the descriptor
    /// allows, and require data the action's inputs or facts provide. Errors carry the JSON path.</summary>
    public static IEnumerable<LoadError> Check(ProcessDefinition definition)
    {
        foreach (var step in definition.StepList)
            foreach (var action in step.Actions)
            {
                var d = Find(action.Name);
                if (d is null)
                {
                    yield return new LoadError(definition.SourceFile, action.Path + ".name", $"操作“{action.Name}”没有操作说明（ActionCatalog），不能使用");
                    continue;
                }
                foreach (var role in action.Roles.Where(r => !d.Roles.Contains(r)))
                    yield return new LoadError(definition.SourceFile, action.Path + ".roles", $"操作“{action.Name}”不允许角色“{role}”（操作说明允许：{string.Join("、", d.Roles)}）");
                foreach (var key in action.Requires.Where(k => d.Input(k) is null && !d.FactKeys.Contains(k)))
                    yield return new LoadError(definition.SourceFile, action.Path + ".requires", $"操作“{action.Name}”要求的数据“{key}”既不是它的输入项也不是系统核定的事实");
            }
    }

    public const string RequestPromisedLimit = "request-promised-limit";
    public const string ApprovePromisedLimit = "approve-promised-limit";
    public const string RefusePromisedLimit = "refuse-promised-limit";

    /// <summary>The rules.md §1d actions on the promised limit, handled on the case rather than by the engine.</summary>
    public static bool IsPromisedLimit(string id) => id is RequestPromisedLimit or ApprovePromisedLimit or RefusePromisedLimit;

    // The clock mappings shared by several actions.
    private static ClockEvent Accepted(ClockInput c) => new ClockEvent.Accepted(c.Date);
    private static ClockEvent Decided(ClockInput c) => new ClockEvent.Decided(c.Date, c.CertificateWithheld);
    private static ClockEvent Delivered(ClockInput c) => new ClockEvent.Delivered(c.Date);

    private static string[] ClerkOnly => [Roles.Clerk];
    private static string[] ReviewerOnly => [Roles.Reviewer];
    private static string[] ChiefOnly => [Roles.ChiefRepresentative];
    private static string[] ApplicantOnly => [Roles.Applicant];
    private static string[] HeadOnly => [Roles.BureauHead];
    private static string[] SupervisorOnly => [Roles.Supervisor];
}
