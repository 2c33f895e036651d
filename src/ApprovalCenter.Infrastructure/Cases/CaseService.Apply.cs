using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    private static readonly ClockTimerKind[] ClockFamily =
        [ClockTimerKind.Warning, ClockTimerKind.PromisedExceeded, ClockTimerKind.StatutoryExceeded, ClockTimerKind.PauseOverrun, ClockTimerKind.DeliveryOverdue];

    private int _depth;

    public static string WorkflowTimerKey(string number, string timer, string tokenId) => $"wf:{number}:{timer}:{tokenId}";
    public static string ClockTimerKey(string number, ClockTimerKind kind) => $"clock:{number}:{kind}";

    /// <summary>Checks the clock, carries out the engine's effects, updates the derived columns,
    /// reschedules the clock's timers and journals; the outermost call saves everything at once.</summary>
    private async Task ApplyAsync(CaseRecord record, TransitionResult result, List<ClockEvent> events, CaseActor actor,
        string action, string summary, string? reason, WorkingCalendar calendar, CancellationToken ct, DateOnly? stepDate = null)
    {
        // The stored events are history; only the ones this command adds are held to today's calendar.
        var recorded = ClockEventJson.Deserialize(record.ClockEventsJson).Count;
        await AddStepClockEventsAsync(record, result, events, calendar, stepDate ?? (events.Count > 0 && events[^1].Date > Today() ? events[^1].Date : Today()), recorded, ct);
        var built = CaseClock.Build(LimitsOf(record), events, calendar, Today(), recorded);
        // A hearing date outside the law's range is bad input on its field, not a conflict.
        if (!built.IsValid && built.Error!.Code == ClockErrorCodes.HearingDate) throw CaseException.Invalid(built.Error.Message, Cases.Actions.ActionCatalog.HearingDate);
        if (!built.IsValid) throw CaseException.Conflict(built.Error!.Message);
        var clock = built.Clock!;
        var instance = result.Instance!;
        var from = record.CurrentSteps;

        record.InstanceJson = WorkflowInstanceJson.Serialize(instance);
        record.ClockEventsJson = ClockEventJson.Serialize(events);
        record.CurrentSteps = string.Join(',', instance.CurrentSteps);
        record.UpdatedAt = time.GetUtcNow();
        var previousState = record.ClockState;
        UpdateDerivedDeadlines(record, clock);
        Journal(record, actor, action, summary, reason, from, record.CurrentSteps, result.Effects.Count == 0 ? null : DescribeEffects(result.Effects));
        // A transition can itself reveal a worse state (e.g. a late deemed acceptance whose promised
        // limit has already run out): report it now, since no timer lies ahead for it.
        if (record.Status == CaseStatus.Running) await ReportStateChangeAsync(record, clock, previousState, ct);
        else await LapseMootPromisedLimitRequestAsync(record, clock, ct);

        _depth++;
        try
        {
            foreach (var effect in result.Effects)
                await ApplyEffectAsync(record, instance, clock, calendar, effect, actor, ct);
            await RescheduleClockTimersAsync(record, clock, ct);
            await DropFinishedClaimsAsync(record, ct);
            if (_depth == 1) await SaveAsync(ct);
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>The clock events implied by the steps this transition entered (see <see cref="StepClockRules"/>).</summary>
    private async Task AddStepClockEventsAsync(CaseRecord record, TransitionResult result, List<ClockEvent> events, WorkingCalendar calendar, DateOnly date, int recorded, CancellationToken ct)
    {
        var changes = result.Effects.OfType<ClockChange>().ToList();
        if (changes.Count == 0 || events.Count == 0) return;
        var definition = (await catalogs.GetAsync(ct)).Definitions.Get(result.Instance!.DefinitionId, result.Instance.DefinitionVersion);
        foreach (var change in changes)
        {
            var phase = CaseClock.Build(LimitsOf(record), events, calendar, null, recorded).Clock?.Phase;
            if (phase is null) return;   // the events are already invalid: the caller reports why
            var final = definition?.Steps.TryGetValue(change.StepId, out var step) == true && step!.Kind == StepKind.Final;
            if (StepClockRules.For(change, phase.Value, final, date) is { } e) events.Add(e);
        }
    }

    private async Task ApplyEffectAsync(CaseRecord record, WorkflowInstance instance, CaseClock clock, WorkingCalendar calendar, Effect effect, CaseActor actor, CancellationToken ct)
    {
        switch (effect)
        {
            case ScheduleTimer t when DueResolution.CoveredByClock.Contains(t.Due):
                break;   // the clock's own warning and breach timers cover these
            case ScheduleTimer t:
                var due = DueResolution.Resolve(t.Due, clock, calendar, Today());
                if (due is { } at) await timers.SetAsync(WorkflowTimerKey(record.Number, t.TimerName, t.TokenId), TimerKindWorkflow, record.Number, at, ct);
                else log.LogWarning("Timer {Timer} of {Case}: due rule {Due} has no date yet", t.TimerName, record.Number, t.Due);
                break;
            case CancelTimer c:
                await timers.CancelAsync(WorkflowTimerKey(record.Number, c.TimerName, c.TokenId), ct);
                break;
            case Notify n:
                await sideEffects.NotifyAsync(record, n.Recipient, n.MessageKey, ct);
                break;
            case IssueDocument d:
                await sideEffects.IssueDocumentAsync(record, instance, clock, d.Kind, actor, ct);
                break;
            case RecordCredit credit:
                db.Add(new CreditRecord
                {
                    ApplicantId = record.ApplicantId, CaseNumber = record.Number, Reason = credit.Reason,
                    CreatedAt = time.GetUtcNow(), CreatedBy = actor.UserId,
                });
                break;
            case CreateSubCase sub:
                await StartChildAsync(record, sub, actor, calendar, ct);
                break;
            case CaseCompleted done:
                record.Status = CaseStatus.Completed;
                record.Outcome = done.Outcome;
                foreach (var kind in ClockFamily) await timers.CancelAsync(ClockTimerKey(record.Number, kind), ct);
                await EndRenewalAsync(record, renewed: false, ct);   // a decided renewal was settled at its decision
                break;
            case ChildCaseCompleted child:
                await CompleteChildAsync(child, calendar, ct);
                break;
        }
    }

    private async Task StartChildAsync(CaseRecord parent, CreateSubCase sub, CaseActor actor, WorkingCalendar calendar, CancellationToken ct)
    {
        var snapshot = await catalogs.GetAsync(ct);
        var item = sub.ItemCode is { } code ? snapshot.Catalog.Find(code) : null;
        var now = time.GetUtcNow();
        var child = new CaseRecord
        {
            Id = Guid.NewGuid(), Number = await CaseNumbers.NextAsync(db, now.ToOffset(ServiceHours.ChinaStandardTime).Year, ct),
            ItemCode = item?.Code ?? parent.ItemCode, ItemName = item?.Name ?? $"{parent.ItemName}（{sub.ChildKey}）",
            Department = item?.Department ?? parent.Department, Mode = CaseMode.Normal, ProcessId = sub.DefinitionId,
            Status = CaseStatus.Running, ApplicantId = parent.ApplicantId, ApplicantName = parent.ApplicantName, ApplicantCode = parent.ApplicantCode,
            PromisedDays = item?.PromisedDays ?? parent.PromisedDays, StatutoryDays = item?.StatutoryDays ?? parent.StatutoryDays,
            TimeRules = item?.Rules ?? parent.TimeRules, DataJson = parent.DataJson, ReceivedAt = now, CreatedAt = now, UpdatedAt = now, ParentCaseId = parent.Id, ChildKey = sub.ChildKey,
        };
        var data = new Dictionary<string, object?>(sub.Data) { ["department"] = child.Department, ["caseNumber"] = child.Number };
        var started = new WorkflowEngine(snapshot.Definitions).Start(sub.DefinitionId, child.Number, Workflow.Actor.System, data, now, new ParentLink(parent.Number, sub.ChildKey));
        if (!started.IsSuccess) throw ToCaseException(started.Error!);
        db.Add(child);
        // A sub-case inherits the parent's receipt: its clock counts from the same day.
        var events = ClockEventJson.Deserialize(parent.ClockEventsJson).Take(1).ToList();
        await ApplyAsync(child, started, events, CaseActor.System, "start-subcase", $"子案件“{sub.ChildKey}”开始办理（主案 {parent.Number}）", null, calendar, ct);
    }

    private async Task CompleteChildAsync(ChildCaseCompleted done, WorkingCalendar calendar, CancellationToken ct)
    {
        var parent = db.Set<CaseRecord>().Local.FirstOrDefault(c => c.Number == done.ParentInstanceId)
            ?? await db.Set<CaseRecord>().FirstAsync(c => c.Number == done.ParentInstanceId, ct);
        var engine = new WorkflowEngine((await catalogs.GetAsync(ct)).Definitions);
        var result = engine.ChildCompleted(WorkflowInstanceJson.Deserialize(parent.InstanceJson), done.ChildKey, done.ChildInstanceId, done.Outcome, time.GetUtcNow());
        if (!result.IsSuccess) throw ToCaseException(result.Error!);
        var events = ClockEventJson.Deserialize(parent.ClockEventsJson).ToList();
        await ApplyAsync(parent, result, events, CaseActor.System, "child-completed", $"子案件“{done.ChildKey}”（{done.ChildInstanceId}）办结：{done.Outcome}", null, calendar, ct);
    }

    /// <summary>One durable timer per clock state change still ahead; the ones no longer ahead are cancelled.</summary>
    private async Task RescheduleClockTimersAsync(CaseRecord record, CaseClock clock, CancellationToken ct)
    {
        await timers.PreloadAsync(record.Number, ct);
        var ahead = record.Status == CaseStatus.Running
            ? clock.Timers.Where(t => ClockFamily.Contains(t.Kind)).GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Min(t => t.FireAt))
            : [];
        foreach (var kind in ClockFamily)
        {
            if (ahead.TryGetValue(kind, out var at)) await timers.SetAsync(ClockTimerKey(record.Number, kind), TimerKindClock, record.Number, at, ct);
            else await timers.CancelAsync(ClockTimerKey(record.Number, kind), ct);
        }
    }

    private void UpdateDerivedDeadlines(CaseRecord record, CaseClock clock)
    {
        record.IntakeDeadline = clock.IntakeDeadline?.Date;
        record.PromisedDeadline = clock.PromisedDeadline?.Date;
        record.StatutoryDeadline = clock.StatutoryDeadline?.Date;
        record.DeliveryDeadline = clock.DeliveryDeadline?.Date;
        record.ClockState = clock.StateAt(Today()).ToString();
        record.DeadlinesProvisional = new[] { clock.IntakeDeadline, clock.PromisedDeadline, clock.StatutoryDeadline, clock.DeliveryDeadline }.Any(d => d?.Provisional == true);
        record.CalendarFingerprint = clock.CalendarVersion.Fingerprint;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            using (CaseWriteScope.Open()) await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw CaseException.Conflict(CaseException.ConcurrentChange);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The claim this action took was taken by someone else a moment earlier.
            db.ChangeTracker.Clear();
            throw CaseException.Conflict(CaseException.ClaimTaken);
        }
        // Outside a timer's transaction the timers go to Hangfire now; inside one, the timer job flushes after its commit.
        if (ownTransaction) await timers.FlushAsync(ct);
    }

    private void Journal(CaseRecord record, CaseActor actor, string action, string summary, string? reason, string? from, string? to, string? dataJson) =>
        db.Add(new CaseJournalEntry
        {
            CaseId = record.Id, At = time.GetUtcNow(), Actor = actor.UserId, ActorName = actor.UserName, ActorRole = actor.Role, Ip = actor.Ip,
            Action = action, FromStep = from, ToStep = to, Summary = summary, Reason = reason, DataJson = dataJson,
        });

    private static string DescribeEffects(IReadOnlyList<Effect> effects) =>
        JsonSerializer.Serialize(effects.Select(e => e.GetType().Name + ":" + e switch
        {
            ScheduleTimer t => t.TimerName, CancelTimer c => c.TimerName, Notify n => n.MessageKey, IssueDocument d => d.Kind.ToString(),
            CaseCompleted c => c.Outcome, CreateSubCase s => s.ChildKey, _ => "",
        }));
}
