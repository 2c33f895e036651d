using System.Collections.Immutable;
using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Cases;

/// <summary>
/// The case command handler: the only writer of case state (an architecture test and
/// <see cref="CaseWriteScope"/> hold everything else to that). The workflow engine, the legal clock,
/// durable timers, documents, notifications, claims, supplements, the delivery choice and the
/// journal meet here. Every command is all or nothing: its inputs pass the action's descriptor, the
/// server adds the facts, the engine and the clock both accept it, then the case, its journal line,
/// its claim, timers, documents and messages commit in one transaction guarded by the row version.
/// </summary>
public sealed partial class CaseService(
    AppDbContext db, CatalogProvider catalogs, CalendarProvider calendars, ServiceHours hours, DurableTimers timers,
    CaseSideEffects sideEffects, BusinessClock time, IEnumerable<ICaseActionGuard> guards, ILogger<CaseService> log)
{
    public const string TimerKindWorkflow = "workflow";
    public const string TimerKindClock = "clock";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A workflow timer fired (called inside the timer's transaction). Its legal effect
    /// happens at the due instant even when a node processes it later, so business time is taken
    /// as at least the due date.</summary>
    public async Task FireWorkflowTimerAsync(string number, string timerName, string? tokenId, DateTimeOffset dueAt, CancellationToken ct)
    {
        _notBefore = dueAt;
        var record = await LoadAsync(number, ct);
        if (record.Status != CaseStatus.Running) return;
        var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
        var engine = new WorkflowEngine((await catalogs.GetAsync(ct)).Definitions);
        var result = engine.FireTimer(instance, timerName, Now(), tokenId);
        if (!result.IsSuccess)
        {
            log.LogInformation("Timer {Timer} on {Case} no longer applies: {Reason}", timerName, number, result.Error!.Reason);
            return;
        }
        var events = ClockEventJson.Deserialize(record.ClockEventsJson).ToList();
        // A deemed acceptance is recorded (dated now, counting from the receipt), so that a calendar
        // corrected later with a longer intake window cannot reopen it.
        if (IsIntakeLapse(engine, instance, timerName, tokenId)) events.Add(new ClockEvent.IntakeLapsed(Today()));
        await ApplyAsync(record, result, events, CaseActor.System, "timer:" + timerName, Labels.TimerSummary(timerName), null, await calendars.GetAsync(ct), ct);
    }

    private static bool IsIntakeLapse(WorkflowEngine engine, WorkflowInstance instance, string timerName, string? tokenId)
    {
        var definition = engine.Registry.Get(instance.DefinitionId, instance.DefinitionVersion);
        return definition is not null && instance.Tokens.Where(t => tokenId is null || t.Id == tokenId)
            .Any(t => definition.Steps.TryGetValue(t.StepId, out var step) && step.Timers.Any(x => x.Name == timerName && x.Due == DueRules.IntakeLapse));
    }

    /// <summary>A clock timer fired: the case entered warning or exceeded a limit. Journal it,
    /// tell the handlers, escalate a promised-limit breach to the supervisors.</summary>
    public async Task OnClockTimerAsync(string number, ClockTimerKind kind, DateTimeOffset dueAt, CancellationToken ct)
    {
        _notBefore = dueAt;
        var record = await LoadAsync(number, ct);
        if (record.Status != CaseStatus.Running) return;
        var calendar = await calendars.GetAsync(ct);
        var clock = BuildClock(record, ClockEventJson.Deserialize(record.ClockEventsJson), calendar);
        var previous = record.ClockState;
        record.ClockState = clock.StateAt(Today()).ToString();
        record.UpdatedAt = time.GetUtcNow();
        if (kind is ClockTimerKind.PauseOverrun or ClockTimerKind.DeliveryOverdue)
        {
            var summary = kind == ClockTimerKind.PauseOverrun
                ? "特别程序已超过告知申请人的期限"
                : $"超过送达期限（{clock.DeliveryDeadline?.Date:yyyy-MM-dd}，行政许可法第四十四条）";
            Journal(record, CaseActor.System, "clock:" + kind, summary, null, record.CurrentSteps, record.CurrentSteps, null);
            await sideEffects.NotifyStaffAsync(record, record.Department, "办件时限提醒", $"{record.Number} {record.ItemName}：{summary}", ct);
        }
        else
        {
            await ReportStateChangeAsync(record, clock, previous, ct);
        }
        using (CaseWriteScope.Open()) await db.SaveChangesAsync(ct);
    }

    /// <summary>Journals a move up the escalation ladder (warning, promised, statutory), tells the
    /// department's handlers and escalates a breach to the supervisors. Overdue timers may fire
    /// together in any order, so a breach, once reported, stays; a warning ends when the deadline
    /// moved later (an Art. 45 pause, an approved new promised date) or the case was decided on time
    /// (rules.md §1d), and that change is journaled too.</summary>
    private async Task ReportStateChangeAsync(CaseRecord record, CaseClock clock, string previous, CancellationToken ct)
    {
        await LapseMootPromisedLimitRequestAsync(record, clock, ct);
        var state = Enum.Parse<ClockState>(record.ClockState);
        if (Enum.TryParse<ClockState>(previous, out var before) && state <= before)
        {
            if (before == ClockState.Warning && state == ClockState.Normal)
            {
                Journal(record, CaseActor.System, "clock:" + state, clock.DecidedOn is { } d
                    ? $"已于 {d:yyyy-MM-dd} 在承诺时限内作出决定，解除预警"
                    : $"承诺时限顺延至 {clock.PromisedDeadline?.Date:yyyy-MM-dd}，解除预警", null, record.CurrentSteps, record.CurrentSteps, null);
                return;
            }
            record.ClockState = previous;
            return;
        }
        var summary = state switch
        {
            ClockState.Warning => $"进入预警：承诺时限将于 {clock.PromisedDeadline?.Date:yyyy-MM-dd} 届满",
            ClockState.PromisedExceeded => $"已超过承诺时限（{clock.PromisedDeadline?.Date:yyyy-MM-dd}），已上报督查",
            ClockState.StatutoryExceeded => $"已超过法定时限（{clock.StatutoryDeadline?.Date:yyyy-MM-dd}），已上报督查",
            _ => null,
        };
        if (summary is null) return;
        Journal(record, CaseActor.System, "clock:" + state, summary, null, record.CurrentSteps, record.CurrentSteps, null);
        await sideEffects.NotifyStaffAsync(record, record.Department, "办件时限提醒", $"{record.Number} {record.ItemName}：{summary}", ct);
        if (state is ClockState.PromisedExceeded or ClockState.StatutoryExceeded)
            await sideEffects.NotifyRoleAsync(record, Roles.Supervisor, "超期督办", $"{record.Number} {record.ItemName}：{summary}", ct);
    }

    /// <summary>The case with its clock evaluated today, for pages and the API.</summary>
    public async Task<(CaseRecord Record, WorkflowInstance Instance, CaseClock Clock)> GetAsync(string number, CancellationToken ct = default)
    {
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct) ?? throw CaseException.NotFound(number);
        var calendar = await calendars.GetAsync(ct);
        return (record, WorkflowInstanceJson.Deserialize(record.InstanceJson), BuildClock(record, ClockEventJson.Deserialize(record.ClockEventsJson), calendar));
    }

    /// <summary>The clock of stored events: they are history, so a calendar corrected since never
    /// makes them invalid (and a case page never fails on them).</summary>
    public CaseClock BuildClock(CaseRecord record, IReadOnlyList<ClockEvent> events, WorkingCalendar calendar) =>
        CaseClock.Create(LimitsOf(record), events, calendar, Today(), recorded: events.Count);

    /// <summary>The case's limits with the item's settings it was submitted under: the one source
    /// of the warning, verification and tolerance periods for timers, pages and documents alike.</summary>
    public static ClockLimits LimitsOf(CaseRecord r) =>
        (r.JointHandling ? ClockLimits.Joint(r.PromisedDays) : ClockLimits.Standard(r.PromisedDays, r.StatutoryDays)).With(r.TimeRules);

    /// <summary>容缺: working days from acceptance to hand in the tolerated materials (the promised limit by default).</summary>
    public static int ToleranceDaysOf(CaseRecord r) => r.ToleranceSupplementDays ?? r.PromisedDays;

    private DateTimeOffset? _notBefore;

    /// <summary>Business time now; while a timer is handled, never earlier than its due instant.</summary>
    private DateTimeOffset Now() => _notBefore is { } due && due > time.GetUtcNow() ? due : time.GetUtcNow();

    private DateOnly Today() => DateOnly.FromDateTime(Now().ToOffset(ServiceHours.ChinaStandardTime).DateTime);

    private async Task<CaseRecord> LoadAsync(string number, CancellationToken ct) =>
        await db.Set<CaseRecord>().FirstOrDefaultAsync(c => c.Number == number, ct) ?? throw CaseException.NotFound(number);

    private static CaseException ToCaseException(WorkflowError e) => new(e.HttpStatus, e.Reason);
}
