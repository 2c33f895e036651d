using ApprovalCenter.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalCenter.Hall;

public sealed partial class HallOperations
{
    public Task<CounterSession?> SessionAsync(string userId, CancellationToken ct = default) =>
        db.Set<CounterSession>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct);

    /// <summary>Signs a clerk in to one counter (and out of any other). A counter held by another clerk is refused.</summary>
    public async Task SignInAsync(int counterId, HallActor actor, CancellationToken ct = default)
    {
        var counter = await db.Set<HallCounter>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == counterId && c.Active, ct)
            ?? throw HallException.NotFound("counter", $"没有 {counterId} 号窗口。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var held = await db.Set<CounterSession>().FromSql($"SELECT * FROM hall_counter_sessions WHERE \"CounterId\" = {counterId} FOR UPDATE").FirstOrDefaultAsync(ct);
        if (held is not null && held.UserId != actor.UserId) throw HallException.Conflict($"{counter.Name}已由{held.UserName}登录。", "counter");
        if (await CurrentTicketAsync(actor.UserId, ct) is { } busy) throw HallException.Conflict($"请先结束 {busy.Number} 的服务再换窗口。", "counter");
        await db.Set<CounterSession>().Where(s => s.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        db.Add(new CounterSession { CounterId = counterId, UserId = actor.UserId, UserName = actor.Name, Since = Now() });
        Journal(actor, "counter-sign-in", null, $"{actor.Name}登录{counter.Name}", $"counter:{counterId}");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw HallException.Conflict($"{counter.Name}刚被其他人登录，请选择其他窗口。", "counter");
        }
        await tx.CommitAsync(ct);
    }

    public async Task SignOutAsync(HallActor actor, CancellationToken ct = default)
    {
        if (await CurrentTicketAsync(actor.UserId, ct) is { } busy) throw HallException.Conflict($"请先结束 {busy.Number} 的服务。");
        var n = await db.Set<CounterSession>().Where(s => s.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        if (n > 0) { Journal(actor, "counter-sign-out", null, $"{actor.Name}退出窗口", "counter"); await db.SaveChangesAsync(ct); }
    }

    /// <summary>The ticket this clerk is calling or serving now.</summary>
    public async Task<HallTicket?> CurrentTicketAsync(string userId, CancellationToken ct = default)
    {
        var legTicket = await db.Set<VisitLeg>().Where(l => l.ClerkId == userId && l.Outcome == null && l.CalledAt != null)
            .OrderByDescending(l => l.CalledAt).Select(l => l.TicketId).FirstOrDefaultAsync(ct);
        return legTicket == Guid.Empty ? null : await db.Set<HallTicket>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == legTicket && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);
    }

    private async Task<(CounterSession Session, HallCounter Counter)> RequireCounterAsync(HallActor actor, CancellationToken ct)
    {
        var session = await SessionAsync(actor.UserId, ct) ?? throw HallException.Conflict("请先登录一个窗口。", "counter");
        var counter = await db.Set<HallCounter>().AsNoTracking().FirstAsync(c => c.Id == session.CounterId, ct);
        return (session, counter);
    }

    /// <summary>The queues this clerk's "call next" draws from, in order: the work profile's queues the
    /// counter may serve, or else the counter's own services.</summary>
    public async Task<string[]> QueueOrderAsync(HallActor actor, HallCounter counter, CancellationToken ct)
    {
        var queues = await db.Set<HallQueue>().AsNoTracking().Where(q => counter.ServiceIds.Contains(q.ServiceId)).ToListAsync(ct);
        var profile = await db.Set<StaffWorkProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        var byService = counter.ServiceIds.Select(s => queues.FirstOrDefault(q => q.ServiceId == s)?.Id).OfType<string>().ToList();
        if (profile is null || profile.QueueIds.Length == 0) return [.. byService];
        var fromProfile = profile.QueueIds.Where(byService.Contains).ToArray();
        return fromProfile.Length > 0 ? fromProfile : [.. byService];
    }

    /// <summary>Calls the next waiting ticket. The row is taken FOR UPDATE SKIP LOCKED: two clerks
    /// calling at once never get the same ticket; the second skips the first's and takes the next.</summary>
    public async Task<HallTicket> CallNextAsync(HallActor actor, CancellationToken ct = default)
    {
        var (_, counter) = await RequireCounterAsync(actor, ct);
        if (await CurrentTicketAsync(actor.UserId, ct) is { } busy) throw HallException.Conflict($"请先结束 {busy.Number} 的服务再叫下一位。");
        var queues = await QueueOrderAsync(actor, counter, ct);
        var day = DayOf(Now());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var id = (await db.Database.SqlQuery<Guid>($"""
            SELECT t."Id" AS "Value" FROM hall_tickets t
            JOIN unnest({queues}::text[]) WITH ORDINALITY AS q(id, ord) ON t."QueueId" = q.id
            WHERE t."Day" = {day} AND t."Status" = 0 AND (t."ForCounterId" IS NULL OR t."ForCounterId" = {counter.Id})
            ORDER BY q.ord, t."SortSlot", t."Priority", t."IssuedAt"
            LIMIT 1 FOR UPDATE OF t SKIP LOCKED
            """).ToListAsync(ct)).FirstOrDefault();
        if (id == Guid.Empty) throw HallException.NotFound("queue", "队列中没有等候的号。");
        var ticket = await db.Set<HallTicket>().FirstAsync(t => t.Id == id, ct);
        await CallAsync(ticket, counter, actor, "call", ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>Calls a chosen waiting or parked ticket out of order.</summary>
    public async Task<HallTicket> CallChosenAsync(string? number, HallActor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number)) throw HallException.Invalid("number", "请输入要呼叫的号码。");
        var (_, counter) = await RequireCounterAsync(actor, ct);
        if (await CurrentTicketAsync(actor.UserId, ct) is { } busy) throw HallException.Conflict($"请先结束 {busy.Number} 的服务再呼叫其他号。");
        var day = DayOf(Now());
        var key = number.Trim().ToUpperInvariant();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ticket = await db.Set<HallTicket>().FromSql($"SELECT *, xmin FROM hall_tickets WHERE \"Day\" = {day} AND \"Number\" = {key} FOR UPDATE").FirstOrDefaultAsync(ct)
            ?? throw HallException.NotFound("number", $"今天没有 {key} 号。");
        if (ticket.Status is not (TicketStatus.Waiting or TicketStatus.Parked)) throw HallException.Conflict($"{key} 号不在等候中。", "number");
        if (!counter.ServiceIds.Contains(ticket.ServiceId)) throw HallException.Conflict($"{counter.Name}不办理 {key} 号的业务。", "number");
        await CallAsync(ticket, counter, actor, "call-chosen", ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    private async Task CallAsync(HallTicket ticket, HallCounter counter, HallActor actor, string action, CancellationToken ct)
    {
        var now = Now();
        var leg = await OpenLegAsync(ticket, ct);
        if (ticket.Status == TicketStatus.Parked)
        {
            // A parked visitor is called back: a new leg at the same queue, waiting since the park.
            leg = NewLeg(ticket, leg.Seq + 1, ticket.WaitingSince);
        }
        ticket.Status = TicketStatus.Called;
        ticket.CounterId = counter.Id;
        ticket.CalledAt = now;
        ticket.Recalls = 0;
        leg.CalledAt = now;
        leg.CounterId = counter.Id;
        leg.CounterHours = counter.Hours;
        leg.ClerkId = actor.UserId;
        leg.ClerkName = actor.Name;
        Journal(actor, action, ticket, $"{counter.Name}呼叫 {ticket.Number}");
        await AnnounceAsync(ticket, counter, ct);
    }

    private async Task AnnounceAsync(HallTicket ticket, HallCounter counter, CancellationToken ct)
    {
        var text = CallText.Speech(ticket.Number, counter.Id);
        db.Add(new HallCall { At = Now(), TicketNumber = ticket.Number, CounterId = counter.Id, CounterName = counter.Name, Text = text });
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("call", ticket.Number, counter.Id, text), ct);
    }

    private VisitLeg NewLeg(HallTicket ticket, int seq, DateTimeOffset waitFrom)
    {
        var leg = new VisitLeg { Id = Guid.NewGuid(), TicketId = ticket.Id, Seq = seq, QueueId = ticket.QueueId, WaitFrom = waitFrom };
        db.Add(leg);
        return leg;
    }

    private async Task<VisitLeg> OpenLegAsync(HallTicket ticket, CancellationToken ct) =>
        await db.Set<VisitLeg>().Where(l => l.TicketId == ticket.Id).OrderByDescending(l => l.Seq).FirstAsync(ct);

    /// <summary>Loads this clerk's current ticket, locked, with its open leg.</summary>
    private async Task<(HallTicket Ticket, VisitLeg Leg, HallCounter Counter)> CurrentLockedAsync(HallActor actor, CancellationToken ct)
    {
        var (_, counter) = await RequireCounterAsync(actor, ct);
        var current = await CurrentTicketAsync(actor.UserId, ct) ?? throw HallException.Conflict("当前没有正在呼叫或办理的号。");
        var ticket = await db.Set<HallTicket>().FromSql($"SELECT *, xmin FROM hall_tickets WHERE \"Id\" = {current.Id} FOR UPDATE").FirstAsync(ct);
        return (ticket, await OpenLegAsync(ticket, ct), counter);
    }

    public async Task<HallTicket> RecallAsync(HallActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, _, counter) = await CurrentLockedAsync(actor, ct);
        if (ticket.Status != TicketStatus.Called) throw HallException.Conflict($"{ticket.Number} 已在办理中，无需重呼。");
        var max = (await SettingsAsync(ct)).MaxRecalls;
        if (ticket.Recalls >= max) throw HallException.Conflict($"{ticket.Number} 已重呼 {max} 次，可登记为过号。");
        ticket.Recalls++;
        Journal(actor, "recall", ticket, $"{counter.Name}第 {ticket.Recalls} 次重呼 {ticket.Number}");
        await AnnounceAsync(ticket, counter, ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>The visitor came to the counter: service time starts now.</summary>
    public async Task<HallTicket> StartAsync(HallActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, leg, counter) = await CurrentLockedAsync(actor, ct);
        if (ticket.Status == TicketStatus.Serving) return ticket;
        ticket.Status = TicketStatus.Serving;
        leg.ServiceStart = Now();
        Journal(actor, "start", ticket, $"{counter.Name}开始办理 {ticket.Number}");
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("update", ticket.Number, counter.Id, null), ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>No-show: only after the configured number of recalls.</summary>
    public async Task<HallTicket> NoShowAsync(HallActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, leg, counter) = await CurrentLockedAsync(actor, ct);
        var max = (await SettingsAsync(ct)).MaxRecalls;
        if (ticket.Status != TicketStatus.Called) throw HallException.Conflict($"{ticket.Number} 已在办理中，不能登记过号。");
        if (ticket.Recalls < max) throw HallException.Conflict($"请先重呼 {max} 次（已重呼 {ticket.Recalls} 次）再登记过号。");
        ticket.Status = TicketStatus.NoShow;
        End(leg, LegOutcome.NoShow, null);
        if (ticket.AppointmentId is { } a)
            await db.Set<HallAppointment>().Where(x => x.Id == a).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AppointmentStatus.NoShow), ct);
        Journal(actor, "no-show", ticket, $"{ticket.Number} 重呼 {ticket.Recalls} 次未到，登记过号（{counter.Name}）");
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("update", ticket.Number, counter.Id, null), ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    private void End(VisitLeg leg, LegOutcome outcome, string? note)
    {
        var now = Now();
        leg.ServiceStart ??= leg.CalledAt ?? now;
        leg.EndedAt = now;
        leg.Outcome = outcome;
        leg.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public async Task<HallTicket> EndAsync(HallActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, leg, counter) = await CurrentLockedAsync(actor, ct);
        ticket.Status = TicketStatus.Done;
        End(leg, LegOutcome.Served, null);
        await LinkCasesOpenedDuringVisitAsync(ticket, actor, ct);
        Journal(actor, "end", ticket, $"{counter.Name}办结 {ticket.Number}");
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("update", ticket.Number, counter.Id, null), ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    public async Task<HallTicket> ParkAsync(string? note, HallActor actor, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, leg, counter) = await CurrentLockedAsync(actor, ct);
        ticket.Status = TicketStatus.Parked;
        ticket.WaitingSince = Now();
        End(leg, LegOutcome.Parked, note);
        Journal(actor, "park", ticket, $"{counter.Name}暂挂 {ticket.Number}" + (leg.Note is null ? "" : $"：{leg.Note}"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>Sends the visitor to another queue (or one counter of it), with a note. It keeps its place in the order.</summary>
    public async Task<HallTicket> TransferAsync(string? toQueue, int? toCounter, string? note, HallActor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(toQueue) && toCounter is null) throw HallException.Invalid("toQueue", "请选择转往的队列或窗口。");
        HallQueue? queue = null;
        if (!string.IsNullOrWhiteSpace(toQueue))
            queue = await db.Set<HallQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == toQueue, ct)
                ?? throw HallException.Invalid("toQueue", $"没有“{toQueue}”这个队列，不能转办。");
        HallCounter? target = null;
        if (toCounter is { } c)
            target = await db.Set<HallCounter>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c && x.Active, ct)
                ?? throw HallException.Invalid("toCounter", $"没有 {c} 号窗口，不能转办。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, leg, counter) = await CurrentLockedAsync(actor, ct);
        if (queue is null)
        {
            var serviceId = ticket.ServiceId;
            if (!target!.ServiceIds.Contains(serviceId)) serviceId = target.ServiceIds.First();
            queue = await db.Set<HallQueue>().AsNoTracking().FirstAsync(q => q.ServiceId == serviceId, ct);
        }
        if (target is not null && !target.ServiceIds.Contains(queue.ServiceId)) throw HallException.Invalid("toCounter", $"{target.Name}不办理该队列的业务。");
        End(leg, LegOutcome.Transferred, note);
        ticket.Status = TicketStatus.Waiting;
        ticket.QueueId = queue.Id;
        ticket.ServiceId = queue.ServiceId;
        ticket.ForCounterId = target?.Id;
        ticket.WaitingSince = Now();
        ticket.CounterId = null;
        NewLeg(ticket, leg.Seq + 1, ticket.WaitingSince);
        Journal(actor, "transfer", ticket, $"{counter.Name}将 {ticket.Number} 转至{(target?.Name ?? queue.Id)}" + (leg.Note is null ? "" : $"：{leg.Note}"));
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("update", ticket.Number, counter.Id, null), ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    /// <summary>A visitor served without a ticket: a ticket and a leg already at this counter.</summary>
    public async Task<HallTicket> WalkInAsync(string? serviceId, string? idNumber, HallActor actor, CancellationToken ct = default)
    {
        var (_, counter) = await RequireCounterAsync(actor, ct);
        if (await CurrentTicketAsync(actor.UserId, ct) is { } busy) throw HallException.Conflict($"请先结束 {busy.Number} 的服务。");
        serviceId = string.IsNullOrWhiteSpace(serviceId) ? counter.ServiceIds.FirstOrDefault() : serviceId;
        if (serviceId is null || !counter.ServiceIds.Contains(serviceId)) throw HallException.Invalid("service", $"{counter.Name}不办理该业务。");
        var ticket = await IssueAsync(serviceId, TicketSource.WalkIn, actor, idNumber: HallIds.NormaliseId(idNumber), forCounterId: counter.Id, ct: ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var t = await db.Set<HallTicket>().FirstAsync(x => x.Id == ticket.Id, ct);
        await CallAsync(t, counter, actor, "walk-in", ct);
        t.Status = TicketStatus.Serving;
        (await OpenLegAsync(t, ct)).ServiceStart = Now();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return t;
    }

    /// <summary>Records the visitor's ID number so the counter can show their cases and drafts.</summary>
    public async Task IdentifyAsync(string? idNumber, HallActor actor, CancellationToken ct = default)
    {
        var id = HallIds.NormaliseId(idNumber) ?? throw HallException.Invalid("idNumber", "请输入 18 位公民身份号码。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, _, _) = await CurrentLockedAsync(actor, ct);
        ticket.IdNumber = id;
        Journal(actor, "identify", ticket, $"登记办事人身份证号（尾号 {id[^4..]}）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Links a case handled or opened during the current visit.</summary>
    public async Task LinkCaseAsync(string? caseNumber, HallActor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(caseNumber)) throw HallException.Invalid("caseNumber", "请输入办件编号。");
        var number = caseNumber.Trim().ToUpperInvariant();
        if (!await db.Set<CaseRecord>().AsNoTracking().AnyAsync(c => c.Number == number, ct)) throw HallException.NotFound("caseNumber", $"没有办件 {number}。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (ticket, _, _) = await CurrentLockedAsync(actor, ct);
        if (await db.Set<VisitCase>().AnyAsync(v => v.TicketId == ticket.Id && v.CaseNumber == number, ct)) return;
        db.Add(new VisitCase { TicketId = ticket.Id, CaseNumber = number, LinkedAt = Now(), LinkedBy = actor.Name });
        Journal(actor, "link-case", ticket, $"{ticket.Number} 关联办件 {number}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Cases the identified visitor submitted since the visit was first called (at the window's
    /// terminal or with the clerk's help) belong to the visit: linked when the service ends.</summary>
    private async Task LinkCasesOpenedDuringVisitAsync(HallTicket ticket, HallActor actor, CancellationToken ct)
    {
        var firstCall = await db.Set<VisitLeg>().Where(l => l.TicketId == ticket.Id && l.CalledAt != null).MinAsync(l => l.CalledAt, ct);
        if (firstCall is null) return;
        var userIds = await VisitorIdsAsync(ticket, ct);
        if (userIds.Count == 0) return;
        var linked = await db.Set<VisitCase>().Where(v => v.TicketId == ticket.Id).Select(v => v.CaseNumber).ToListAsync(ct);
        var opened = await db.Set<CaseRecord>().AsNoTracking().Where(c => userIds.Contains(c.ApplicantId) && c.CreatedAt > firstCall && !linked.Contains(c.Number))
            .Select(c => c.Number).ToListAsync(ct);
        foreach (var number in opened)
        {
            db.Add(new VisitCase { TicketId = ticket.Id, CaseNumber = number, LinkedAt = Now(), LinkedBy = actor.Name });
            Journal(actor, "link-case", ticket, $"{ticket.Number} 关联本次到访期间提交的办件 {number}");
        }
    }

    private async Task<List<string>> VisitorIdsAsync(HallTicket ticket, CancellationToken ct)
    {
        var userIds = new List<string>();
        if (ticket.ApplicantUserId is { } u) userIds.Add(u);
        if (ticket.IdNumber is { } idn)
            userIds.AddRange(await db.Set<ApprovalCenter.Identity.AppUser>().Where(x => x.IdNumber == idn).Select(x => x.Id).ToListAsync(ct));
        return userIds;
    }

    /// <summary>The visitor's open cases and drafts: by the online user, or by the ID number recorded.</summary>
    public async Task<(List<CaseRecord> Cases, List<ApplicationDraft> Drafts)> VisitorWorkAsync(HallTicket ticket, CancellationToken ct = default)
    {
        var userIds = await VisitorIdsAsync(ticket, ct);
        if (userIds.Count == 0 && ticket.IdNumber is null) return ([], []);
        var cases = await db.Set<CaseRecord>().AsNoTracking()
            .Where(c => c.Status != CaseStatus.Completed && (userIds.Contains(c.ApplicantId) || (ticket.IdNumber != null && c.ApplicantCode == ticket.IdNumber)))
            .OrderByDescending(c => c.CreatedAt).Take(20).ToListAsync(ct);
        var drafts = await db.Set<ApplicationDraft>().AsNoTracking().Where(d => userIds.Contains(d.ApplicantId)).OrderByDescending(d => d.UpdatedAt).Take(20).ToListAsync(ct);
        return (cases, drafts);
    }
}

/// <summary>ID numbers as the hall stores them.</summary>
public static class HallIds
{
    public static string? NormaliseId(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var v = s.Trim().ToUpperInvariant();
        return v.Length == 18 && v[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(v[17]) || v[17] == 'X') ? v : null;
    }
}
