namespace ApprovalCenter.Workflow.Diagram;

/// <summary>
/// Chinese captions for the action, timer, event and role names used in the shipped definitions,
/// so a diagram reads in Chinese. A name not listed is shown as written in the definition.
/// </summary>
public static class DiagramLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["accept"] = "受理", ["accept-complete"] = "材料齐全受理", ["accept-with-tolerance"] = "容缺受理",
        ["answer"] = "答复", ["apply-next-phase"] = "申请下一阶段", ["approve"] = "准予许可",
        ["approve-extension"] = "批准延期", ["approve-phase"] = "本阶段准予", ["check-and-forward"] = "核验转交",
        ["complete"] = "办结", ["coordinate"] = "协调", ["decline"] = "不接受", ["deliver"] = "出件",
        ["deny"] = "不予许可", ["dispatch"] = "分派", ["end-excluded-procedure"] = "特别程序结束",
        ["fail"] = "不通过", ["hand-out"] = "出件", ["issue-all"] = "统一发证", ["object"] = "不同意",
        ["offer-commitment"] = "告知承诺", ["pass"] = "通过", ["refuse"] = "不予受理", ["register"] = "登记",
        ["reject-extension"] = "不批准延期", ["reject-form"] = "退回", ["reject-supplements"] = "材料不合格",
        ["request-extension"] = "申请延期", ["request-supplement"] = "要求补正", ["respond"] = "提出意见",
        ["return-to-review"] = "退回审查", ["revoke"] = "撤销许可", ["satisfied"] = "满意", ["sign"] = "签署承诺",
        ["start-excluded-procedure"] = "启动特别程序", ["stop-phases"] = "不再申请", ["submit-opinion"] = "提交审查意见",
        ["submit-supplements"] = "提交容缺材料", ["supplement"] = "补正", ["supplement-notice"] = "一次性告知补正",
        ["unsatisfied"] = "不满意", ["verify"] = "核验通过", ["verify-false"] = "承诺不实", ["verify-true"] = "核查属实",
        ["withdraw"] = "撤回",
    };

    private static readonly Dictionary<string, string> Timers = new(StringComparer.Ordinal)
    {
        ["closing-deadline"] = "办结期限", ["delivery-deadline"] = "出件期限", ["intake-lapse"] = "逾期视为受理",
        ["promised-deadline"] = "承诺期限届满", ["supplement-period"] = "补正期满",
        ["tolerance-supplement-deadline"] = "容缺补齐期满", ["verification-due"] = "核查到期",
    };

    private static readonly Dictionary<string, string> Events = new(StringComparer.Ordinal)
    {
        ["land-contract-registered"] = "土地出让合同登记",
    };

    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.Ordinal)
    {
        ["Applicant"] = "申请人", ["Clerk"] = "窗口", ["Reviewer"] = "审查员", ["ChiefRepresentative"] = "首席代表",
        ["BureauHead"] = "局长", ["Supervisor"] = "督查", ["Administrator"] = "管理员",
    };

    public static string Action(string name) => Actions.GetValueOrDefault(name, name);
    public static string Timer(string name) => Timers.GetValueOrDefault(name, name);
    public static string Event(string name) => Events.GetValueOrDefault(name, name);
    public static string Role(string name) => RoleNames.GetValueOrDefault(name, name);

    public static string Clock(ClockEffectKind kind) => kind switch
    {
        ClockEffectKind.Paused => "暂停计时",
        ClockEffectKind.Excluded => "不计入时限",
        ClockEffectKind.Stopped => "停止计时",
        _ => "计时",
    };
}
