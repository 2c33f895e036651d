using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Unresolved;

/// <summary>The only writer of 办不成事 matters. Every operation loads the matter, checks that it
/// fits the matter's state, changes it, journals who/when/why, and commits with its timers and
/// 12345 hand-offs in one SaveChanges guarded by the row version.</summary>
public sealed partial class UnresolvedService(AppDbContext db, BusinessClock clock, CalendarProvider calendars, DurableTimers timers,
    IOptions<UnresolvedOptions> options, IOptions<ApprovalCenterOptions> app, IBackgroundJobClient jobs, Notifications.Notifier notifier)
{
    public const string TimerKind = "unresolved";
    public const string NumberPrefix = "BBCS";

    private UnresolvedOptions O => options.Value;
    private DateOnly Today => DateOnly.FromDateTime(ServiceHours.ToChinaTime(clock.GetUtcNow()).DateTime);

    public static string WarningKey(string number) => $"unresolved:{number}:warning";
    public static string OverdueKey(string number) => $"unresolved:{number}:overdue";
    /// <summary>A 12345 party's own limit (by work-order type): "unresolved:{number}:party-{id}".</summary>
    public static string PartyKey(string number, Guid partyId) => $"unresolved:{number}:party-{partyId:N}";

    /// <summary>Receives a matter. An excluded one (litigation, review, petition) is recorded and
    /// referred at once, with the reason; the others get the closing deadline and its timers.</summary>
    public async Task<UnresolvedMatter> IntakeAsync(MatterIntake input, MatterChannel channel, CaseActor actor, string? applicantUserId, CancellationToken ct)
    {
        var (intake, errors) = input.Validate(Today);
        if (intake is null) throw UnresolvedException.Invalid(errors);
        var now = clock.GetUtcNow();
        var matter = new UnresolvedMatter
        {
            Id = Guid.CreateVersion7(), Number = await NextNumberAsync(ServiceHours.ToChinaTime(now).Year, ct), Channel = channel,
            ApplicantUserId = applicantUserId, PersonName = intake.PersonName, Phone = intake.Phone, Email = intake.Email,
            WhatTried = intake.WhatTried, WhereFailed = intake.WhereFailed, FailedOn = intake.FailedOn,
            DepartmentsInvolved = intake.Departments.ToList(), Exclusion = intake.Exclusion, ExclusionNote = intake.ExclusionNote,
            ReceivedAt = now, ReceivedOn = Today, ReceivedBy = actor.UserName,
        };
        db.Add(matter);
        var via = UnresolvedTexts.Channel(channel);
        if (intake.Excluded)
        {
            matter.Status = MatterStatus.Referred;
            matter.ClosedAt = now;
            matter.ClosedOn = Today;
            Journal(matter, actor, "referred", $"经{via}反映；{UnresolvedTexts.Exclusion(intake.Exclusion)}，不属“办不成事”窗口受理范围，已告知并转出：{intake.ExclusionNote}");
        }
        else
        {
            var calendar = await calendars.GetAsync(ct);
            var deadline = UnresolvedLimits.ClosingDeadline(calendar, matter.ReceivedOn, O.ClosingWorkingDays);
            matter.ClosingDeadline = deadline;
            matter.WarningOn = UnresolvedLimits.WarningDay(calendar, matter.ReceivedOn, deadline, O.WarningWorkingDaysBefore);
            matter.Status = MatterStatus.Received;
            Journal(matter, actor, "received", $"经{via}受理；办结期限 {deadline:yyyy-MM-dd}（{O.ClosingWorkingDays} 个工作日）。");
            await SetTimersAsync(matter, ct);
        }
        await db.SaveChangesAsync(ct);
        await timers.FlushAsync(ct);
        return matter;
    }

    /// <summary>Dispatches to departments, outside bodies and/or 12345. A 12345 party gets its own
    /// limit by work-order type and a hand-off in the outbox, committed with the dispatch.</summary>
    public async Task<UnresolvedMatter> DispatchAsync(string number, DispatchInput input, CaseActor actor, uint? expectedVersion, CancellationToken ct)
    {
        var matter = await LoadForChangeAsync(number, expectedVersion, ct);
        if (matter.Status is not (MatterStatus.Received or MatterStatus.Dispatched))
            throw UnresolvedException.Conflict($"该反映当前为“{UnresolvedTexts.Status(matter.Status)}”，不能再分派。");
        var errors = new List<FieldError>();
        var departments = (input.Departments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct().ToList();
        foreach (var d in departments.Where(d => !Identity.Departments.IsKnown(d)))
            errors.Add(new("departments", $"部门“{d}”不存在，可选：{string.Join("、", Identity.Departments.All)}。"));
        var outside = (input.OutsideBodies ?? "").Split(['\n', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (outside.Any(o => o.Length > 100)) errors.Add(new("outsideBodies", "外部单位名称不能超过 100 字。"));
        HotlineCategory? category = null;
        if (!string.IsNullOrWhiteSpace(input.HotlineCategory))
        {
            if (Enum.TryParse<HotlineCategory>(input.HotlineCategory.Trim(), true, out var c) && Enum.IsDefined(c) && !int.TryParse(input.HotlineCategory, out _)) category = c;
            else errors.Add(new("hotlineCategory", $"12345 工单类型“{input.HotlineCategory}”无效，可选：{string.Join("、", Enum.GetNames<HotlineCategory>())}。"));
        }
        var note = input.Note?.Trim();
        if (note is { Length: > 1000 }) errors.Add(new("note", "分派说明不能超过 1000 字。"));
        if (errors.Count == 0 && departments.Count == 0 && outside.Count == 0 && category is null)
            errors.Add(new("departments", "请至少选择一个承办部门、外部单位或 12345 热线平台。"));
        var open = matter.Parties.Where(p => p.Status == PartyStatus.Dispatched).ToList();
        foreach (var d in departments.Where(d => open.Any(p => p.Kind == PartyKind.Department && p.Name == d)))
            errors.Add(new("departments", $"已分派给{d}，尚未答复，不能重复分派。"));
        if (category is not null && open.Any(p => p.Kind == PartyKind.Hotline12345))
            errors.Add(new("hotlineCategory", "已推送 12345 热线平台，尚未答复，不能重复推送。"));
        if (errors.Count > 0) throw UnresolvedException.Invalid(errors);

        var now = clock.GetUtcNow();
        var calendar = await calendars.GetAsync(ct);
        var added = new List<MatterParty>();
        MatterParty Add(PartyKind kind, string name, HotlineCategory? cat, DateOnly? due)
        {
            var p = new MatterParty { Id = Guid.CreateVersion7(), MatterId = matter.Id, Kind = kind, Name = name, Category = cat, DispatchedAt = now, DueOn = due };
            db.Add(p);
            matter.Parties.Add(p);
            added.Add(p);
            return p;
        }
        foreach (var d in departments) Add(PartyKind.Department, d, null, matter.ClosingDeadline);
        foreach (var o in outside) Add(PartyKind.OutsideBody, o, null, matter.ClosingDeadline);
        if (category is { } cat)
        {
            var party = Add(PartyKind.Hotline12345, UnresolvedTexts.HotlineName, cat, UnresolvedLimits.HotlineDeadline(calendar, Today, cat));
            await timers.SetAsync(PartyKey(matter.Number, party.Id), TimerKind, matter.Number, ClockTimer.StartOfDay(party.DueOn!.Value.AddDays(1)), ct);
            db.Add(new HotlineHandOff
            {
                MatterId = matter.Id, PartyId = party.Id, Status = HandOffStatus.Pending, CreatedAt = now, NextAttemptAt = now,
                PayloadJson = HotlinePayload.Build(matter, party, note, app.Value.PublicBaseUrl),
            });
        }
        matter.Status = MatterStatus.Dispatched;
        var names = string.Join("、", added.Select(p => p.Kind == PartyKind.Hotline12345
            ? $"{p.Name}（{UnresolvedTexts.Category(p.Category!.Value)}，{UnresolvedLimits.HotlineDays(p.Category.Value)} 个工作日，{p.DueOn:yyyy-MM-dd} 前）" : p.Name));
        Journal(matter, actor, "dispatched", $"分派至 {names}" + (string.IsNullOrEmpty(note) ? "。" : $"；说明：{note}"));
        await SaveAsync(ct);
        if (category is not null) jobs.Enqueue<HotlineDispatcher>(d => d.DispatchAsync(CancellationToken.None));
        return matter;
    }

    /// <summary>A coordination note about one party (or the matter as a whole): journaled, changes no state.</summary>
    public async Task NoteAsync(string number, Guid? partyId, string? text, CaseActor actor, CancellationToken ct)
    {
        var matter = await LoadForChangeAsync(number, null, ct);
        RequireOpen(matter);
        var party = partyId is { } id ? FindParty(matter, id, "partyId") : null;
        var t = RequireText(text, "noteText", "协调记录", 1000);
        Journal(matter, actor, "note", (party is null ? "" : $"【{party.Name}】") + t, party?.Id);
        await SaveAsync(ct);
    }

    /// <summary>A party's reply, recorded by staff or sent by the 12345 platform.</summary>
    public async Task<UnresolvedMatter> ReplyAsync(string number, Guid partyId, string? reply, CaseActor actor, CancellationToken ct)
    {
        var matter = await LoadForChangeAsync(number, null, ct);
        if (matter.Status != MatterStatus.Dispatched)
            throw UnresolvedException.Conflict($"该反映当前为“{UnresolvedTexts.Status(matter.Status)}”，不接收部门答复。");
        var party = FindParty(matter, partyId, "partyId");
        var text = RequireText(reply, "reply", "办理答复", MatterIntake.MaxText);
        if (party.Status == PartyStatus.Replied && party.Reply == text) return matter;   // a repeated delivery of the same reply
        var late = party.DueOn is { } due && Today > due ? $"（已超过 {due:yyyy-MM-dd} 的办理时限）" : "";
        party.Status = PartyStatus.Replied;
        party.Reply = text;
        party.RepliedAt = clock.GetUtcNow();
        party.RepliedBy = actor.UserName;
        if (party.Kind == PartyKind.Hotline12345) await timers.CancelAsync(PartyKey(matter.Number, party.Id), ct);
        Journal(matter, actor, "replied", $"【{party.Name}】答复{late}：{text}", party.Id);
        await SaveAsync(ct);
        return matter;
    }

    /// <summary>The answer to the person, once every party has replied.</summary>
    public async Task AnswerAsync(string number, string? answer, CaseActor actor, uint? expectedVersion, CancellationToken ct)
    {
        var matter = await LoadForChangeAsync(number, expectedVersion, ct);
        if (matter.Status != MatterStatus.Dispatched)
            throw UnresolvedException.Conflict($"该反映当前为“{UnresolvedTexts.Status(matter.Status)}”，尚不能答复反映人。");
        var waiting = matter.Parties.Where(p => p.Status != PartyStatus.Replied).Select(p => p.Name).ToList();
        if (waiting.Count > 0) throw UnresolvedException.Invalid("answer", $"尚待 {string.Join("、", waiting)} 答复，收齐后再答复反映人。");
        var text = RequireText(answer, "answer", "答复反映人的意见", MatterIntake.MaxText);
        matter.Answer = text;
        matter.AnsweredAt = clock.GetUtcNow();
        matter.Status = MatterStatus.Answered;
        Journal(matter, actor, "answered", $"答复反映人：{text}");
        await SaveAsync(ct);
    }

    /// <summary>The callback: satisfied closes the matter; not satisfied reopens it for more
    /// coordination (the deadline keeps running: reopening does not buy time).</summary>
    public async Task CallbackAsync(string number, bool? satisfied, string? note, CaseActor actor, uint? expectedVersion, CancellationToken ct)
    {
        var matter = await LoadForChangeAsync(number, expectedVersion, ct);
        if (matter.Status != MatterStatus.Answered)
            throw UnresolvedException.Conflict($"该反映当前为“{UnresolvedTexts.Status(matter.Status)}”，答复后才能回访。");
        if (satisfied is null) throw UnresolvedException.Invalid("satisfied", "请选择反映人是否满意。");
        var text = note?.Trim();
        if (satisfied == false && string.IsNullOrEmpty(text)) throw UnresolvedException.Invalid("callbackNote", "不满意的，请填写回访记录（不满意的原因）。");
        if (text is { Length: > 1000 }) throw UnresolvedException.Invalid("callbackNote", "回访记录不能超过 1000 字。");
        matter.Satisfied = satisfied;
        var now = clock.GetUtcNow();
        var handOff = false;
        if (satisfied == true)
        {
            var calendar = await calendars.GetAsync(ct);
            matter.Status = MatterStatus.Closed;
            matter.ClosedAt = now;
            matter.ClosedOn = Today;
            matter.DaysToClose = UnresolvedLimits.DaysToClose(calendar, matter.ReceivedOn, Today);
            Journal(matter, actor, "callback", "回访：反映人满意" + (string.IsNullOrEmpty(text) ? "。" : $"；{text}"));
            Journal(matter, actor, "closed", $"办结，用时 {matter.DaysToClose} 个工作日。");
            await timers.CancelAsync(WarningKey(matter.Number), ct);
            await timers.CancelAsync(OverdueKey(matter.Number), ct);
            foreach (var p in matter.Parties.Where(p => p.Kind == PartyKind.Hotline12345)) await timers.CancelAsync(PartyKey(matter.Number, p.Id), ct);
        }
        else
        {
            matter.Status = MatterStatus.Dispatched;
            matter.Reopens++;
            matter.Answer = null;
            matter.AnsweredAt = null;
            // Every party answers again: the person was not satisfied with what they said. The 12345
            // platform only learns that through a new hand-off, sent like the first one.
            foreach (var p in matter.Parties)
            {
                p.Status = PartyStatus.Dispatched;
                if (p.Kind != PartyKind.Hotline12345) continue;
                db.Add(new HotlineHandOff
                {
                    MatterId = matter.Id, PartyId = p.Id, Status = HandOffStatus.Pending, CreatedAt = now, NextAttemptAt = now,
                    PayloadJson = HotlinePayload.Build(matter, p, $"反映人不满意，请重新办理（第 {matter.Reopens} 次）：{text}", app.Value.PublicBaseUrl, matter.Reopens),
                });
                handOff = true;
            }
            Journal(matter, actor, "callback", $"回访：反映人不满意；{text}");
            Journal(matter, actor, "reopened", $"重新协调办理（第 {matter.Reopens} 次），请各承办单位重新答复。");
        }
        await SaveAsync(ct);
        if (handOff) jobs.Enqueue<HotlineDispatcher>(d => d.DispatchAsync(CancellationToken.None));
    }

    /// <summary>Fired by the durable timers: the warning or the escalation when the deadline passes.</summary>
    public async Task OnTimerAsync(string number, string which, CancellationToken ct)
    {
        var matter = await db.Set<UnresolvedMatter>().Include(m => m.Journal).Include(m => m.Parties).AsSplitQuery().FirstOrDefaultAsync(m => m.Number == number, ct);
        if (matter is null || matter.Status is MatterStatus.Closed or MatterStatus.Referred) return;   // nothing waits for it any more
        var system = new CaseActor("system", "系统", "System", null);
        if (which.StartsWith("party-", StringComparison.Ordinal))
        {
            // Only a party that still owes its reply is late; one that answered meanwhile is left alone.
            var party = matter.Parties.FirstOrDefault(p => p.Id.ToString("N") == which["party-".Length..]);
            if (party is null || party.Status != PartyStatus.Dispatched) return;
            Journal(matter, system, "party-overdue", $"【{party.Name}】{UnresolvedTexts.Category(party.Category ?? HotlineCategory.Complaint)}工单已超过 {party.DueOn:yyyy-MM-dd} 的办理时限，仍未答复，请督办。", party.Id);
            await NotifyStaffAsync(matter, [Identity.Roles.Supervisor], "12345工单超过办理时限", ct);
        }
        else if (which == "warning" && !matter.Warned)
        {
            matter.Warned = true;
            Journal(matter, system, "warning", $"预警：距办结期限 {matter.ClosingDeadline:yyyy-MM-dd} 不足 {O.WarningWorkingDaysBefore} 个工作日。");
            await NotifyStaffAsync(matter, [Identity.Roles.Supervisor, Identity.Roles.Clerk], "办不成事反映即将到期", ct);
        }
        else if (which == "overdue" && !matter.Escalated)
        {
            matter.Escalated = true;
            matter.Warned = true;
            Journal(matter, system, "escalated", $"逾期：已超过办结期限 {matter.ClosingDeadline:yyyy-MM-dd}，已报督查和局长。");
            await NotifyStaffAsync(matter, [Identity.Roles.Supervisor, Identity.Roles.BureauHead], "办不成事反映已逾期", ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task SetTimersAsync(UnresolvedMatter matter, CancellationToken ct)
    {
        if (matter.WarningOn is { } w) await timers.SetAsync(WarningKey(matter.Number), TimerKind, matter.Number, ClockTimer.StartOfDay(w), ct);
        if (matter.ClosingDeadline is { } d) await timers.SetAsync(OverdueKey(matter.Number), TimerKind, matter.Number, ClockTimer.StartOfDay(d.AddDays(1)), ct);
    }
}

public sealed record DispatchInput(IReadOnlyList<string>? Departments, string? OutsideBodies, string? HotlineCategory, string? Note);
