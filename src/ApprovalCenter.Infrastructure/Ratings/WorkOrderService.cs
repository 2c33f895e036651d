using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Ratings;

/// <summary>What a step of a work order takes, raw from page or API.</summary>
public sealed record WorkOrderStepInput(string? Outcome = null, bool? ComplaintValid = null, string? Note = null, string? RaterView = null);

/// <summary>
/// Bad-rating work orders (差评工单, rules.md §4): opened with the bad rating, assigned to the
/// handler, the department's chief representatives and the supervisors; steps callback →
/// verification → rectification → report back, only in that order; the callback warns at the start
/// of its last working day and escalates when overdue, rectification is flagged at 5 wd and escalated
/// at the 15 wd cap, each by a durable timer on business time.
/// </summary>
public sealed class WorkOrderService(AppDbContext db, BusinessClock clock, DurableTimers timers, Notifier notifier, CalendarProvider calendars)
{
    public const string TimerKind = "rating-workorder";
    public enum Alarm { CallbackWarning, CallbackOverdue, RectificationOverdue, RectificationCap }
    public static string TimerKey(Guid ratingId, Alarm alarm) => $"workorder:{ratingId:N}:{alarm}";

    /// <summary>Stages a work order for a bad rating on the caller's context (commits with the rating).</summary>
    public async Task<WorkOrder> OpenAsync(Rating rating, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var d = WorkOrderDeadlines.For(await calendars.GetAsync(ct), now);
        var order = new WorkOrder
        {
            RatingId = rating.Id, CaseNumber = rating.CaseNumber, Department = rating.Department, HandlerId = rating.HandlerId, HandlerName = rating.HandlerName,
            Step = WorkOrderStep.Callback, OpenedAt = now.ToUniversalTime(), CallbackDueAt = d.CallbackDueAt.ToUniversalTime(), RectificationDueAt = d.RectificationDueAt.ToUniversalTime(),
            RectificationCapAt = d.RectificationCapAt.ToUniversalTime(),   // PostgreSQL timestamptz takes UTC only
        };
        db.Add(order);
        Journal(rating.Id, CaseActor.System, "workorder-open", $"差评工单已生成：{WorkOrderFlow.CallbackWorkingDays} 个工作日内（{d.CallbackDueAt.AddMinutes(-1).ToChinaText()} 前）回访评价人，{WorkOrderFlow.RectificationWorkingDays} 个工作日内整改", null);
        var subject = rating.CaseNumber ?? rating.Id.ToString("N");
        await timers.SetAsync(TimerKey(rating.Id, Alarm.CallbackWarning), TimerKind, subject, d.CallbackWarningAt, ct);
        await timers.SetAsync(TimerKey(rating.Id, Alarm.CallbackOverdue), TimerKind, subject, d.CallbackDueAt, ct);
        await timers.SetAsync(TimerKey(rating.Id, Alarm.RectificationOverdue), TimerKind, subject, d.RectificationDueAt, ct);
        await timers.SetAsync(TimerKey(rating.Id, Alarm.RectificationCap), TimerKind, subject, d.RectificationCapAt, ct);
        await NotifyAssigneesAsync(order, "新的差评工单", $"{(rating.CaseNumber is { } n ? $"办件 {n}（{rating.ItemName}）" : $"{rating.Counter}的“{rating.ItemName}”窗口服务")}收到“{RatingLevels.Label(rating.Level)}”评价，请在 {d.CallbackDueAt.AddMinutes(-1).ToChinaText()} 前回访评价人。", ct);
        return order;
    }

    /// <summary>May this user see and work the order: its handler, the department's chief representatives, supervisors and administrators.</summary>
    public static bool IsAssignee(WorkOrder order, CaseActor actor) =>
        actor.Role is Roles.Supervisor or Roles.Administrator
        || (order.HandlerId is not null && order.HandlerId == actor.UserId)
        || (actor.Role == Roles.ChiefRepresentative && actor.Department == order.Department);

    /// <summary>Does one step. A step out of order is a 409 saying which step is due.</summary>
    public async Task<WorkOrder> ActAsync(long id, string? stepText, WorkOrderStepInput input, CaseActor actor, CancellationToken ct = default)
    {
        var order = await db.Set<WorkOrder>().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new CaseException(404, $"差评工单 {id} 不存在。");
        if (!IsAssignee(order, actor)) throw CaseException.Forbidden("您不是该差评工单的承办人、部门负责人或督查人员。");
        if (!WorkOrderFlow.TryParse(stepText, out var step)) throw CaseException.Invalid($"工单环节“{stepText}”无效，可选：callback、verification、rectification、reportBack。", "step");
        if (WorkOrderFlow.Refusal(order.Step, step) is { } refusal) throw CaseException.Conflict(refusal);
        var now = clock.GetUtcNow();
        var text = string.IsNullOrWhiteSpace(input.Outcome) ? null : input.Outcome.Trim();
        string summary;
        switch (step)
        {
            case WorkOrderStep.Callback:
                Require(text, "outcome", "请填写回访结果（与评价人通话的情况）。");
                order.CallbackAt = now; order.CallbackOutcome = text;
                await timers.CancelAsync(TimerKey(order.RatingId, Alarm.CallbackWarning), ct);
                await timers.CancelAsync(TimerKey(order.RatingId, Alarm.CallbackOverdue), ct);
                summary = now > order.CallbackDueAt ? "已回访评价人（超期）" : "已回访评价人";
                break;
            case WorkOrderStep.Verification:
                if (input.ComplaintValid is null) throw CaseException.Invalid("请选择核实结论：反映的问题是否属实。", "complaintValid");
                Require(text, "outcome", "请填写核实情况。");
                order.VerifiedAt = now; order.ComplaintValid = input.ComplaintValid; order.VerificationNote = text;
                summary = input.ComplaintValid == true ? "核实：反映问题属实" : "核实：反映问题不属实";
                break;
            case WorkOrderStep.Rectification:
                Require(text, "outcome", "请填写整改措施（做了什么）。");
                order.RectifiedAt = now; order.RectificationText = text;
                await timers.CancelAsync(TimerKey(order.RatingId, Alarm.RectificationOverdue), ct);
                await timers.CancelAsync(TimerKey(order.RatingId, Alarm.RectificationCap), ct);
                summary = now > order.RectificationDueAt ? "已整改（超过 5 个工作日）" : "已整改";
                break;
            default:
                Require(text, "outcome", "请填写向评价人反馈的内容。");
                if (string.IsNullOrWhiteSpace(input.RaterView)) throw CaseException.Invalid("请记录评价人对整改结果的意见。", "raterView");
                order.ReportedAt = now; order.ReportText = text; order.RaterView = input.RaterView.Trim(); order.ClosedAt = now;
                summary = "已向评价人反馈整改结果，工单办结";
                break;
        }
        order.Step = WorkOrderFlow.Next(step);
        Journal(order.RatingId, actor, "workorder:" + step, summary, step == WorkOrderStep.ReportBack ? $"{text}（评价人意见：{order.RaterView}）" : text, workOrderId: order.Id);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw CaseException.Conflict("该工单刚刚已被他人办理，请刷新后查看。"); }
        await timers.FlushAsync(ct);
        return order;
    }

    private static void Require(string? text, string field, string message)
    {
        if (text is null) throw CaseException.Invalid(message, field);
        if (text.Length > 2000) throw CaseException.Invalid("内容不能超过 2000 字。", field);
    }

    /// <summary>A work-order timer fired (inside its transaction); an alarm whose step is done does nothing.</summary>
    public async Task OnTimerAsync(Guid ratingId, Alarm alarm, DateTimeOffset dueAt, CancellationToken ct)
    {
        var order = await db.Set<WorkOrder>().FirstOrDefaultAsync(w => w.RatingId == ratingId, ct);
        if (order is null) return;
        switch (alarm)
        {
            case Alarm.CallbackWarning when order.Step == WorkOrderStep.Callback:
                order.CallbackWarned = true;
                Journal(ratingId, CaseActor.System, "workorder:callback-warning", $"回访将于 {order.CallbackDueAt.AddMinutes(-1).ToChinaText()} 到期（预警）", null, dueAt, order.Id);
                await NotifyAssigneesAsync(order, "差评回访即将到期", $"差评工单 {order.Id}（办件 {order.CaseNumber}）须在今日内回访评价人。", ct, supervisors: false);
                break;
            case Alarm.CallbackOverdue when order.Step == WorkOrderStep.Callback:
                order.CallbackEscalated = true;
                Journal(ratingId, CaseActor.System, "workorder:callback-escalated", "回访超过 1 个工作日未完成，已上报督查人员和部门负责人", null, dueAt, order.Id);
                await NotifyAssigneesAsync(order, "差评回访超期督办", $"差评工单 {order.Id}（办件 {order.CaseNumber}）超期未回访评价人，请督办。", ct);
                break;
            case Alarm.RectificationOverdue when order.Step <= WorkOrderStep.Rectification:
                order.RectificationOverdue = true;
                Journal(ratingId, CaseActor.System, "workorder:rectification-overdue", "整改超过 5 个工作日未完成", null, dueAt, order.Id);
                await NotifyAssigneesAsync(order, "差评整改超期", $"差评工单 {order.Id}（办件 {order.CaseNumber}）整改已超过 5 个工作日，最迟须在 15 个工作日内完成。", ct);
                break;
            case Alarm.RectificationCap when order.Step <= WorkOrderStep.Rectification:
                order.CapEscalated = true;
                Journal(ratingId, CaseActor.System, "workorder:cap-escalated", "整改超过 15 个工作日上限，已上报督查人员", null, dueAt, order.Id);
                await NotifyAssigneesAsync(order, "差评整改超过时限上限", $"差评工单 {order.Id}（办件 {order.CaseNumber}）整改超过 15 个工作日上限，请督办。", ct);
                break;
            default:
                return;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task NotifyAssigneesAsync(WorkOrder order, string title, string body, CancellationToken ct, bool supervisors = true)
    {
        var link = "/Ratings/WorkOrders/" + (order.Id == 0 ? "" : order.Id.ToString());
        var ids = await (from u in db.Users
                         join ur in db.UserRoles on u.Id equals ur.UserId
                         join r in db.Roles on ur.RoleId equals r.Id
                         where (supervisors && r.Name == Roles.Supervisor) || (r.Name == Roles.ChiefRepresentative && u.Department == order.Department)
                         select u.Id).ToListAsync(ct);
        // The handler is told only while their account exists (a departed clerk's work orders still reach the lead and supervisors).
        if (order.HandlerId is { } handler && await db.Users.AnyAsync(u => u.Id == handler, ct)) ids.Add(handler);
        foreach (var id in ids.Distinct()) await notifier.NotifyAsync(id, title, body, order.Id == 0 ? "/Ratings" : link, order.CaseNumber, ct);
    }

    private void Journal(Guid ratingId, CaseActor actor, string action, string summary, string? reason, DateTimeOffset? at = null, long? workOrderId = null) =>
        db.Add(new RatingJournalEntry
        {
            RatingId = ratingId, WorkOrderId = workOrderId, At = at ?? clock.GetUtcNow(),
            Actor = actor.UserId, ActorName = actor.UserName, Action = action, Summary = summary, Reason = reason,
        });
}
