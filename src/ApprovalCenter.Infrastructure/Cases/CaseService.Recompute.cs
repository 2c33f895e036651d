using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Workflow;

namespace ApprovalCenter.Cases;

/// <summary>Carrying a calendar change through to a running case (issue 10, defect 6).</summary>
public sealed partial class CaseService
{
    /// <summary>
    /// Recomputes a case's deadlines on the current calendar and moves every timer that depends on
    /// them: the clock's (warning, breaches, pause overrun, delivery) and the workflow's (intake
    /// lapse, supplement period, tolerance supplement deadline, verification, closing). A breach
    /// timer that fired before its corrected deadline is armed again; a state the new calendar
    /// reveals is reported like a breach timer reports it, and a state it withdraws is journaled.
    /// The recorded events stand even where the corrected calendar would refuse them today.
    /// </summary>
    public async Task RecomputeDeadlinesAsync(string number, CancellationToken ct = default)
    {
        var record = await LoadAsync(number, ct);
        if (record.Status != CaseStatus.Running) return;
        var calendar = await calendars.GetAsync(ct);
        var clock = BuildClock(record, ClockEventJson.Deserialize(record.ClockEventsJson), calendar);
        var before = (record.IntakeDeadline, record.PromisedDeadline, record.StatutoryDeadline, record.DeliveryDeadline);
        var previousState = record.ClockState;
        UpdateDerivedDeadlines(record, clock);
        var after = (record.IntakeDeadline, record.PromisedDeadline, record.StatutoryDeadline, record.DeliveryDeadline);
        if (before != after)
        {
            record.UpdatedAt = time.GetUtcNow();
            Journal(record, CaseActor.System, "recompute-deadlines", "工作日历变更，期限重新计算：" + DescribeMoves(before, after),
                null, record.CurrentSteps, record.CurrentSteps, null);
        }
        _depth++;
        try
        {
            await RescheduleClockTimersAsync(record, clock, ct);
            await RescheduleWorkflowTimersAsync(record, clock, calendar, ct);
            await ReportRecomputedStateAsync(record, clock, previousState, ct);
            await SaveAsync(ct);
        }
        finally { _depth--; }
    }

    /// <summary>Sets every workflow timer of the case's current steps to its instant on this
    /// calendar. A pending timer simply moves (nothing happens when it stays). One that already
    /// fired is armed again only when its corrected instant is still ahead: it fired early, and its
    /// effect (a notice to the supervisors, say) belongs to the corrected day. An incident is left to
    /// the administrators.</summary>
    private async Task RescheduleWorkflowTimersAsync(CaseRecord record, CaseClock clock, WorkingCalendar calendar, CancellationToken ct)
    {
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        var definition = (await catalogs.GetAsync(ct)).Definitions.Get(instance.DefinitionId, instance.DefinitionVersion);
        if (definition is null) return;
        foreach (var planned in WorkflowTimerPlan.For(instance, definition, clock, calendar))
        {
            if (planned.DueAt is not { } due) continue;
            var key = WorkflowTimerKey(record.Number, planned.TimerName, planned.TokenId);
            var row = await timers.FindAsync(key, ct);
            var rearm = row is null || row.Status == TimerStatus.Pending
                || (row.Status is TimerStatus.Fired or TimerStatus.Cancelled && row.DueAt != due.ToUniversalTime() && due > time.GetUtcNow());
            if (rearm) await timers.SetAsync(key, TimerKindWorkflow, record.Number, due, ct);
        }
    }

    /// <summary>A worse state than was reported is reported now (journal, handlers, supervisors),
    /// since its timer may lie in the past; a better one is journaled, and the re-armed timers
    /// report the breach again if and when it comes.</summary>
    private async Task ReportRecomputedStateAsync(CaseRecord record, CaseClock clock, string previous, CancellationToken ct)
    {
        if (!Enum.TryParse<ClockState>(previous, out var before)) return;
        var now = Enum.Parse<ClockState>(record.ClockState);
        if (now > before) await ReportStateChangeAsync(record, clock, previous, ct);
        else if (now < before)
            Journal(record, CaseActor.System, "clock:" + now,
                $"按变更后的工作日历，办件状态由“{StateName(before)}”改为“{StateName(now)}”（承诺时限 {clock.PromisedDeadline?.Date:yyyy-MM-dd}，法定时限 {clock.StatutoryDeadline?.Date:yyyy-MM-dd}）",
                null, record.CurrentSteps, record.CurrentSteps, null);
    }

    private static string StateName(ClockState s) => s switch
    {
        ClockState.Warning => "预警",
        ClockState.PromisedExceeded => "超承诺时限",
        ClockState.StatutoryExceeded => "超法定时限",
        _ => "正常",
    };

    private static string DescribeMoves((DateOnly?, DateOnly?, DateOnly?, DateOnly?) before, (DateOnly?, DateOnly?, DateOnly?, DateOnly?) after)
    {
        var parts = new List<string>();
        void Add(string name, DateOnly? a, DateOnly? b)
        {
            if (a != b) parts.Add($"{name} {a:yyyy-MM-dd} → {b:yyyy-MM-dd}");
        }
        Add("受理期限", before.Item1, after.Item1);
        Add("承诺时限", before.Item2, after.Item2);
        Add("法定时限", before.Item3, after.Item3);
        Add("送达期限", before.Item4, after.Item4);
        return string.Join("，", parts);
    }
}
