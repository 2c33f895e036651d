using ApprovalCenter.Clock;
using ApprovalCenter.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>The process container for an item handled in a mode (rules.md §2).</summary>
    public static string ProcessFor(CatalogItem item, CaseMode mode) => mode switch
    {
        CaseMode.Normal => item.Process,
        CaseMode.Tolerance when item.Modes.Tolerance => "tolerance",
        CaseMode.Commitment when item.Modes.Commitment && !item.HighRisk => "commitment",
        CaseMode.Joint when item.Modes.JointReview => "joint-review",
        CaseMode.Tolerance => throw CaseException.Invalid($"事项“{item.Name}”不适用容缺受理。", "mode"),
        CaseMode.Commitment => throw CaseException.Invalid($"事项“{item.Name}”不适用告知承诺制（涉及高风险事项或未列入告知承诺清单）。", "mode"),
        _ => throw CaseException.Invalid($"事项“{item.Name}”不适用并联审批。", "mode"),
    };

    /// <summary>An applicant with a credit record (e.g. a false commitment) may not use the
    /// tolerance or commitment modes (rules.md §2a, §2b).</summary>
    public async Task CheckModeEligibleAsync(CatalogItem item, CaseMode mode, string applicantId, CancellationToken ct)
    {
        if (mode is not (CaseMode.Tolerance or CaseMode.Commitment)) return;
        if (await IsBlockedFromSpecialModesAsync(applicantId, ct))
            throw CaseException.Forbidden("您有失信记录（虚假承诺等），暂不能选择容缺受理或告知承诺方式，请按一般程序申请。");
    }

    public Task<bool> IsBlockedFromSpecialModesAsync(string applicantId, CancellationToken ct = default) =>
        db.Set<CreditRecord>().AnyAsync(c => c.ApplicantId == applicantId && c.BlocksSpecialModes, ct);

    private static string? ReasonFrom(IReadOnlyDictionary<string, object?>? data)
    {
        if (data is null) return null;
        foreach (var key in new[] { "reason", "refusalReason", "denialReason", "extensionReason", "findings", "opinion", "supplementProblem" })
            if (data.TryGetValue(key, out var v) && v is string s && !string.IsNullOrWhiteSpace(s)) return s;
        return null;
    }

    /// <summary>Plain-Chinese timeline text for an action.</summary>
    public static string ActionSummary(string action) => action switch
    {
        "accept" or "accept-complete" => "受理",
        "accept-with-tolerance" => "容缺受理",
        "supplement-notice" => "一次性告知需补正的材料",
        "supplement" => "申请人提交补正材料",
        "refuse" => "不予受理",
        "offer-commitment" => "告知承诺事项及要求",
        "sign" => "申请人签署告知承诺书",
        "submit-opinion" => "提出审查意见",
        "start-excluded-procedure" => "启动特别程序（不计入审批时限）",
        "end-excluded-procedure" => "特别程序结束，恢复计时",
        "request-extension" => "申请延长审批期限",
        "approve-extension" => "局长批准延长审批期限",
        "reject-extension" => "局长不批准延期",
        "approve" => "作出准予行政许可决定",
        "deny" => "作出不予行政许可决定",
        "return-to-review" => "退回审查",
        "deliver" or "hand-out" => "统一窗口送达结果",
        "submit-supplements" => "申请人提交容缺材料",
        "verify" => "容缺材料核验通过",
        "reject-supplements" => "容缺材料核验不通过",
        "verify-true" => "承诺核查属实",
        "verify-false" => "承诺核查不实",
        "revoke" => "撤销行政许可",
        _ => action,
    };

    public static string TimerSummary(string timer) => timer switch
    {
        "intake-lapse" => "五个工作日内未作出受理决定，依法视为受理（行政许可法第三十二条），自收到申请之日起计算时限",
        "supplement-period" => "补正期限届满未补正，不予受理",
        "tolerance-supplement-deadline" => "容缺材料补正期限届满，终止办理并退回",
        "verification-due" => "告知承诺核查期限届满",
        "closing-deadline" => "办结期限届满",
        _ => "定时任务：" + timer,
    };
}

public sealed partial class CaseService
{
    /// <summary>Recomputes a case's deadlines on the current calendar and moves its timers.</summary>
    public async Task RecomputeDeadlinesAsync(string number, CancellationToken ct = default)
    {
        var record = await LoadAsync(number, ct);
        var calendar = await calendars.GetAsync(ct);
        var clock = BuildClock(record, ClockEventJson.Deserialize(record.ClockEventsJson), calendar);
        var before = (record.PromisedDeadline, record.StatutoryDeadline);
        UpdateDerivedDeadlines(record, clock);
        if (before != (record.PromisedDeadline, record.StatutoryDeadline))
            Journal(record, CaseActor.System, "recompute-deadlines",
                $"载入新的年度日历，期限重新计算：承诺时限 {before.PromisedDeadline:yyyy-MM-dd} → {record.PromisedDeadline:yyyy-MM-dd}，法定时限 {before.StatutoryDeadline:yyyy-MM-dd} → {record.StatutoryDeadline:yyyy-MM-dd}",
                null, record.CurrentSteps, record.CurrentSteps, null);
        _depth++;
        try
        {
            await RescheduleClockTimersAsync(record, clock, ct);
            await SaveAsync(ct);
        }
        finally { _depth--; }
    }
}
