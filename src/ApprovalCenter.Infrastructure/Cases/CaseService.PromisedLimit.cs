using System.Globalization;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>
    /// rules.md §1d: exceeding the promised limit needs a supervisor's approval and a notice to the
    /// applicant before the limit is reached. The handler's request and the supervisor's refusal are
    /// recorded on the case; the approval is a clock event (the promised deadline moves, bounded by
    /// the statutory one) with a sealed notice, through <see cref="ApplyAsync"/> like every act.
    /// Each is one commit with its journal line and its messages.
    /// </summary>
    private async Task<CaseRecord> PromisedLimitAsync(CaseRecord record, ActionDescriptor descriptor, Dictionary<string, object?> input, CaseActor actor, CancellationToken ct)
    {
        if (record.Status != CaseStatus.Running) throw CaseException.Conflict("办件已办结，不能再调整承诺时限。");
        if (actor.Role != Roles.Supervisor && actor.Department != record.Department)
            throw CaseException.Forbidden($"只有{record.Department}的办件承办人可以申请超过承诺时限。");
        var calendar = await calendars.GetAsync(ct);
        var events = ClockEventJson.Deserialize(record.ClockEventsJson).ToList();
        var clock = BuildClock(record, events, calendar);
        if (clock.Phase is not (ClockPhase.InProgress or ClockPhase.Paused) || clock.PromisedDeadline is not { } promised)
            throw CaseException.Conflict("办件尚未受理或已作出决定，不能调整承诺时限。");
        var today = Today();
        if (today > promised.Date)
            throw CaseException.Conflict($"承诺时限已于 {promised.Date:yyyy-MM-dd} 届满。超过承诺时限须在届满前经督查批准并告知申请人，届满后不能再申请或批准。");
        var pending = await db.Set<PromisedLimitRequest>().FirstOrDefaultAsync(r => r.CaseId == record.Id && r.Status == PromisedLimitRequestStatus.Pending, ct);
        _depth++;
        try
        {
            switch (descriptor.Id)
            {
                case ActionCatalog.RequestPromisedLimit:
                    if (pending is not null) throw CaseException.Conflict($"已有一份待督查审批的申请（{pending.RequestedAt.ToOffset(Calendar.ServiceHours.ChinaStandardTime):yyyy-MM-dd HH:mm}，{pending.RequestedByName}）。");
                    var wanted = DateOnly.ParseExact((string)input["newPromisedDeadline"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    var reason = (string)input["promisedLimitReason"]!;
                    ExtraDays(clock, promised.Date, wanted, today, actor, reason);
                    db.Add(new PromisedLimitRequest
                    {
                        Id = Guid.CreateVersion7(), CaseId = record.Id, CaseNumber = record.Number, Status = PromisedLimitRequestStatus.Pending,
                        Reason = reason, CurrentDeadline = promised.Date, RequestedDeadline = wanted,
                        RequestedBy = actor.UserId, RequestedByName = actor.UserName, RequestedAt = time.GetUtcNow(),
                    });
                    Journal(record, actor, descriptor.Id, $"{descriptor.Summary}：承诺办结日期由 {promised.Date:yyyy-MM-dd} 调整为 {wanted:yyyy-MM-dd}", reason, record.CurrentSteps, record.CurrentSteps, null);
                    await sideEffects.NotifyRoleAsync(record, Roles.Supervisor, "超承诺时限待审批",
                        $"{record.Number} {record.ItemName}：申请将承诺办结日期由 {promised.Date:yyyy-MM-dd} 调整为 {wanted:yyyy-MM-dd}，须在届满前审批", ct);
                    record.UpdatedAt = time.GetUtcNow();
                    await SaveAsync(ct);
                    return record;

                case ActionCatalog.RefusePromisedLimit:
                    var refused = pending ?? throw CaseException.Conflict("没有待审批的超承诺时限申请。");
                    Decide(refused, PromisedLimitRequestStatus.Refused, actor, input);
                    Journal(record, actor, descriptor.Id, $"{descriptor.Summary}（申请日期 {refused.RequestedDeadline:yyyy-MM-dd}）", refused.DecisionReason, record.CurrentSteps, record.CurrentSteps, null);
                    await sideEffects.NotifyStaffAsync(record, record.Department, "超承诺时限未获批准",
                        $"{record.Number} {record.ItemName}：督查不批准超过承诺时限，请于 {promised.Date:yyyy-MM-dd} 前办结", ct);
                    record.UpdatedAt = time.GetUtcNow();
                    await SaveAsync(ct);
                    return record;

                default:
                    var request = pending ?? throw CaseException.Conflict("没有待审批的超承诺时限申请。");
                    // Counted from the promised deadline as it stands now: a pause since the request may have moved it.
                    var days = ExtraDays(clock, promised.Date, request.RequestedDeadline, today, actor, request.Reason);
                    Decide(request, PromisedLimitRequestStatus.Approved, actor, input);
                    var data = new Dictionary<string, object?> { ["promisedExtraDays"] = days.ToString(CultureInfo.InvariantCulture), ["promisedLimitReason"] = request.Reason };
                    events.Add(descriptor.Clock!(new ClockInput(ClockDating.ChinaDate(Now()), data, actor.UserName, ClockDating.ChinaDate(Now())))!);
                    var instance = WorkflowInstanceJson.Deserialize(record.InstanceJson);
                    var result = TransitionResult.Ok(instance, [new IssueDocument(descriptor.Document!.Value, instance.CurrentSteps.FirstOrDefault() ?? "")]);
                    await ApplyAsync(record, result, events, actor, descriptor.Id,
                        $"{descriptor.Summary}：承诺办结日期由 {promised.Date:yyyy-MM-dd} 调整为 {request.RequestedDeadline:yyyy-MM-dd}", request.DecisionReason ?? request.Reason, calendar, ct);
                    await sideEffects.NotifyStaffAsync(record, record.Department, "超承诺时限已批准",
                        $"{record.Number} {record.ItemName}：承诺办结日期调整为 {request.RequestedDeadline:yyyy-MM-dd}，已告知申请人", ct);
                    await SaveAsync(ct);
                    return record;
            }
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Working days from the promised deadline to the wanted date, checked by the clock
    /// itself (later than now, not beyond the statutory deadline, before the limit is reached).</summary>
    private static int ExtraDays(CaseClock clock, DateOnly promised, DateOnly wanted, DateOnly today, CaseActor actor, string reason)
    {
        const string field = "newPromisedDeadline";
        if (wanted <= promised) throw CaseException.Invalid($"新的承诺办结日期应晚于现承诺办结日期 {promised:yyyy-MM-dd}。", field);
        if (clock.StatutoryDeadline is { } statutory && wanted > statutory.Date)
            throw CaseException.Invalid($"新的承诺办结日期不得晚于法定期限 {statutory.Date:yyyy-MM-dd}。", field);
        if (!clock.Calendar.IsWorkingDay(wanted).Value) throw CaseException.Invalid($"{wanted:yyyy-MM-dd} 不是工作日，请选择工作日。", field);
        var days = clock.Calendar.CountWorkingDays(promised, wanted).Value;
        var check = clock.Append(new ClockEvent.PromisedLimitExtended(today, days, actor.UserName, reason));
        if (!check.IsValid) throw CaseException.Invalid(check.Error!.Message, field);
        return days;
    }

    private void Decide(PromisedLimitRequest request, PromisedLimitRequestStatus status, CaseActor actor, Dictionary<string, object?> input)
    {
        request.Status = status;
        request.DecidedBy = actor.UserId;
        request.DecidedByName = actor.UserName;
        request.DecidedAt = time.GetUtcNow();
        request.DecisionReason = input.GetValueOrDefault("decisionReason") as string;
    }

    /// <summary>The pending requests for the supervisors' inbox, oldest first.</summary>
    public Task<List<PromisedLimitRequest>> PendingPromisedLimitRequestsAsync(CancellationToken ct = default) =>
        db.Set<PromisedLimitRequest>().AsNoTracking().Where(r => r.Status == PromisedLimitRequestStatus.Pending).OrderBy(r => r.RequestedAt).ToListAsync(ct);

    /// <summary>The requests of one case, newest first, for the staff case page.</summary>
    public Task<List<PromisedLimitRequest>> PromisedLimitRequestsAsync(Guid caseId, CancellationToken ct = default) =>
        db.Set<PromisedLimitRequest>().AsNoTracking().Where(r => r.CaseId == caseId).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);

    /// <summary>A request still pending when its promised limit ran out, or when the case left the running limits
    /// (decided, refused, completed), can no longer be approved (rules.md §1d: only before the limit is reached):
    /// it is closed as lapsed, with the reason, journaled on the case and told to the handler.</summary>
    private async Task LapseMootPromisedLimitRequestAsync(CaseRecord record, CaseClock clock, CancellationToken ct)
    {
        var stillRunning = record.Status == CaseStatus.Running && clock.Phase is ClockPhase.InProgress or ClockPhase.Paused;
        var exceeded = Enum.TryParse<ClockState>(record.ClockState, out var state) && state >= ClockState.PromisedExceeded;
        if (stillRunning && !exceeded) return;
        var pending = db.Set<PromisedLimitRequest>().Local.FirstOrDefault(r => r.CaseId == record.Id && r.Status == PromisedLimitRequestStatus.Pending)
            ?? await db.Set<PromisedLimitRequest>().FirstOrDefaultAsync(r => r.CaseId == record.Id && r.Status == PromisedLimitRequestStatus.Pending, ct);
        if (pending is null) return;
        pending.Status = PromisedLimitRequestStatus.Lapsed;
        pending.DecidedAt = time.GetUtcNow();
        pending.DecidedBy = CaseActor.System.UserId;
        pending.DecidedByName = CaseActor.System.UserName;
        pending.DecisionReason = stillRunning
            ? $"承诺时限已于 {clock.PromisedDeadline?.Date:yyyy-MM-dd} 届满，申请未在届满前获督查批准，自动失效"
            : "办件已作出决定或办结，无需再调整承诺时限，申请自动失效";
        Journal(record, CaseActor.System, "promised-limit-lapsed", $"超承诺时限申请（拟调整为 {pending.RequestedDeadline:yyyy-MM-dd}）{pending.DecisionReason}", null, record.CurrentSteps, record.CurrentSteps, null);
        await sideEffects.NotifyStaffAsync(record, record.Department, "超承诺时限申请已失效", $"{record.Number} {record.ItemName}：{pending.DecisionReason}", ct);
    }
}
