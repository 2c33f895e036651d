using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases.Actions;

/// <summary>
/// The one place where action, timer, event and role names become words: diagrams, the journal,
/// staff pages and the applicant's timeline all read them here. Actions come from their
/// descriptors; a name that is not listed is shown as written.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, (string Short, string Summary)> Timers = new(StringComparer.Ordinal)
    {
        ["intake-lapse"] = ("逾期视为受理", "五个工作日内未作出受理决定，依法视为受理（行政许可法第三十二条），自收到申请之日起计算时限"),
        ["supplement-period"] = ("补正期满", "补正期限届满未补正，不予受理"),
        ["tolerance-supplement-deadline"] = ("容缺补齐期满", "容缺材料补正期限届满，终止办理并退回"),
        ["verification-due"] = ("核查到期", "告知承诺核查期限届满"),
        ["closing-deadline"] = ("办结期限", "办结期限届满"),
        ["delivery-deadline"] = ("出件期限", "出件期限届满"),
        ["promised-deadline"] = ("承诺期限届满", "承诺期限届满"),
        ["hearing-request-period"] = ("听证申请期满", "被告知听证权利之日起五日内未申请听证，视为放弃听证，继续审查（行政许可法第四十七条）"),
    };

    private static readonly Dictionary<string, string> Events = new(StringComparer.Ordinal)
    {
        ["land-contract-registered"] = "土地出让合同登记",
        [RenewalEvent] = "许可有效期届满前未作决定，视为准予延续（行政许可法第五十条）",
    };

    private static readonly Dictionary<string, (string Zh, string En)> RoleNames = new(StringComparer.Ordinal)
    {
        [Roles.Applicant] = ("申请人", "Applicant"), [Roles.Clerk] = ("窗口人员", "Window clerk"), [Roles.Reviewer] = ("审查员", "Reviewer"),
        [Roles.ChiefRepresentative] = ("首席代表", "Chief representative"), [Roles.BureauHead] = ("局长", "Head of the bureau"),
        [Roles.Supervisor] = ("督查", "Supervisor"), [Roles.Administrator] = ("系统管理员", "Administrator"), [Actor.SystemRole] = ("系统", "System"),
    };

    /// <summary>The short label (buttons, diagrams), in English when <paramref name="english"/>.</summary>
    public static string Action(string name, bool english = false) =>
        ActionCatalog.Find(name) is { } d ? english ? d.LabelEn : d.Label : name;

    /// <summary>The timeline sentence for an action.</summary>
    public static string ActionSummary(string name) => ActionCatalog.Find(name)?.Summary ?? name;

    public static string Timer(string name) => Timers.TryGetValue(name, out var t) ? t.Short : name;

    public static string TimerSummary(string name) => Timers.TryGetValue(name, out var t) ? t.Summary : "定时任务：" + name;

    /// <summary>Raised by the licence-expiry timer of a renewal case still undecided (ALL Art. 50(2)).</summary>
    public const string RenewalEvent = "licence-expired-undecided";

    public static string Event(string name) => Events.GetValueOrDefault(name, name);

    public static string Role(string role, bool english = false) =>
        RoleNames.TryGetValue(role, out var r) ? english ? r.En : r.Zh : role;

    public static string Clock(ClockEffectKind kind) => kind switch
    {
        ClockEffectKind.Paused => "暂停计时",
        ClockEffectKind.Excluded => "不计入时限",
        ClockEffectKind.Stopped => "停止计时",
        _ => "计时",
    };
}
