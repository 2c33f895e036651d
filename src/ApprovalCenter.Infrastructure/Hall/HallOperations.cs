using System.Security.Cryptography;
using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Hall;

/// <summary>
/// Everything that changes hall state: tickets, counter sign-in, calling, transfers, outcomes.
/// Each operation is one transaction with its journal line; a call also sends a NOTIFY on
/// <see cref="HallEvents.Channel"/>, which PostgreSQL delivers to every node only after the commit,
/// so a display never shows a call that was rolled back. Nothing here is node-local.
/// </summary>
public sealed partial class HallOperations(AppDbContext db, BusinessClock clock, CalendarProvider calendars)
{
    public DateTimeOffset Now() => clock.GetUtcNow();
    public static DateOnly DayOf(DateTimeOffset t) => HallHours.China(t).Date;

    public async Task<HallSettings> SettingsAsync(CancellationToken ct = default) =>
        await db.Set<HallSettings>().AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? new HallSettings();

    public async Task<HallHours> HoursAsync(CancellationToken ct = default) => (await SettingsAsync(ct)).ToHours();
    public Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) => calendars.GetAsync(ct);

    public Task<List<HallService>> ServicesAsync(CancellationToken ct = default) =>
        db.Set<HallService>().AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);
    public Task<List<HallCounter>> CountersAsync(CancellationToken ct = default) =>
        db.Set<HallCounter>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
    public Task<List<HallQueue>> QueuesAsync(CancellationToken ct = default) => db.Set<HallQueue>().AsNoTracking().ToListAsync(ct);

    /// <summary>Whether a service takes tickets now: some active counter serving it is open.
    /// Returns the hours kind that serves it, or the next opening time when none does.</summary>
    public async Task<(bool Open, HoursKind Kind, DateTimeOffset? NextOpening)> ServiceOpenAsync(string serviceId, DateTimeOffset at, CancellationToken ct = default)
    {
        var hours = await HoursAsync(ct);
        var calendar = await CalendarAsync(ct);
        var counters = (await CountersAsync(ct)).Where(c => c.Active && c.ServiceIds.Contains(serviceId)).ToList();
        foreach (var kind in new[] { HoursKind.Normal, HoursKind.AfterHours, HoursKind.Saturday })
            if (counters.Any(c => c.Hours == kind) && hours.IsOpen(kind, at, calendar)) return (true, kind, at);
        var next = counters.Select(c => c.Hours).Distinct().Select(k => hours.NextOpening(k, at, calendar)).Where(n => n is not null).Min();
        return (false, HoursKind.Normal, next);
    }

    public static string WhenText(DateTimeOffset t)
    {
        var local = ServiceHours.ToChinaTime(t);
        var week = "日一二三四五六"[(int)local.DayOfWeek];
        return $"{local:yyyy-MM-dd}（星期{week}）{local:HH:mm}";
    }

    /// <summary>Issues a ticket for a service now. Refused with the next opening time when no counter serving it is open.</summary>
    public async Task<HallTicket> IssueAsync(string? serviceId, TicketSource source, HallActor actor, string? applicantUserId = null,
        string? idNumber = null, HallAppointment? appointment = null, int? forCounterId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(serviceId)) throw HallException.Invalid("service", "请选择要办理的业务。");
        var service = await db.Set<HallService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw HallException.NotFound("service", $"没有“{serviceId}”这项业务。");
        var queue = await db.Set<HallQueue>().AsNoTracking().FirstAsync(q => q.ServiceId == service.Id, ct);
        var now = Now();
        var (open, kind, next) = await ServiceOpenAsync(service.Id, now, ct);
        if (!open)
            throw HallException.Closed("service", next is { } n
                ? $"“{service.Name}”现在不在服务时间，下次服务时间：{WhenText(n)}。"
                : $"“{service.Name}”近期没有服务时间。");
        var day = DayOf(now);
        if (source == TicketSource.Online && applicantUserId is not null
            && await db.Set<HallTicket>().AnyAsync(t => t.Day == day && t.ApplicantUserId == applicantUserId && t.ServiceId == service.Id
                && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct))
            throw HallException.Conflict($"您今天已取了“{service.Name}”的号，请勿重复取号。", "service");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var seq = (await db.Database.SqlQuery<int>($"""
            INSERT INTO hall_ticket_numbers ("Day", "QueueId", "Last") VALUES ({day}, {queue.Id}, 1)
            ON CONFLICT ("Day", "QueueId") DO UPDATE SET "Last" = hall_ticket_numbers."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct)).Single();
        var (slot, priority) = QueueOrder.Key(now, appointment?.Slot, queue.SlotMinutes);
        var ticket = new HallTicket
        {
            Id = Guid.NewGuid(), Code = NewCode(), Number = $"{queue.Prefix}{seq:000}", Day = day, ServiceId = service.Id, QueueId = queue.Id,
            Status = TicketStatus.Waiting, Source = source, IssuedAt = now, SortSlot = slot, Priority = priority, WaitingSince = now,
            ApplicantUserId = applicantUserId ?? appointment?.UserId, IdNumber = idNumber ?? appointment?.IdNumber, AppointmentId = appointment?.Id, IssuedIn = kind, ForCounterId = forCounterId,
        };
        db.Add(ticket);
        db.Add(new VisitLeg { Id = Guid.NewGuid(), TicketId = ticket.Id, Seq = 1, QueueId = queue.Id, WaitFrom = now });
        Journal(actor, "issue", ticket, $"取号 {ticket.Number}（{service.Name}，{SourceName(source)}，{HallHours.KindName(kind)}）");
        await db.SaveChangesAsync(ct);
        await NotifyAsync(new HallEvent("ticket", ticket.Number, null, null), ct);
        await tx.CommitAsync(ct);
        return ticket;
    }

    public static string SourceName(TicketSource s) => s switch
    {
        TicketSource.Online => "网上取号",
        TicketSource.Appointment => "预约签到",
        TicketSource.WalkIn => "窗口直接办理",
        _ => "自助取号",
    };

    private static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(10)).ToLowerInvariant();

    public Task<HallTicket?> TicketByCodeAsync(string code, CancellationToken ct = default) =>
        db.Set<HallTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct);

    /// <summary>How many waiting tickets come before this one in its queue.</summary>
    public async Task<int> PeopleAheadAsync(HallTicket t, CancellationToken ct = default)
    {
        if (t.Status != TicketStatus.Waiting) return 0;
        return await db.Set<HallTicket>().CountAsync(o => o.Day == t.Day && o.QueueId == t.QueueId && o.Status == TicketStatus.Waiting && o.Id != t.Id
            && (o.SortSlot < t.SortSlot || (o.SortSlot == t.SortSlot && (o.Priority < t.Priority || (o.Priority == t.Priority && o.IssuedAt < t.IssuedAt)))), ct);
    }

    public async Task<TimeSpan> EstimatedWaitAsync(HallTicket t, int ahead, CancellationToken ct = default)
    {
        var queue = await db.Set<HallQueue>().AsNoTracking().FirstAsync(q => q.Id == t.QueueId, ct);
        var serving = await db.Set<CounterSession>().Join(db.Set<HallCounter>(), s => s.CounterId, c => c.Id, (s, c) => c)
            .CountAsync(c => c.ServiceIds.Contains(t.ServiceId), ct);
        return WaitEstimate.For(ahead + 1, serving, TimeSpan.FromMinutes(queue.TypicalServiceMinutes));
    }

    /// <summary>Waiting tickets per service today.</summary>
    public async Task<Dictionary<string, int>> WaitingCountsAsync(CancellationToken ct = default)
    {
        var day = DayOf(Now());
        return await db.Set<HallTicket>().Where(t => t.Day == day && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }

    public Task<List<HallCall>> LatestCallsAsync(int count, CancellationToken ct = default)
    {
        var since = HallHours.At(DayOf(Now()), TimeOnly.MinValue);
        return db.Set<HallCall>().AsNoTracking().Where(c => c.At >= since).OrderByDescending(c => c.Id).Take(count).ToListAsync(ct);
    }

    public Task<List<HallJournalEntry>> JournalAsync(Guid ticketId, CancellationToken ct = default) =>
        db.Set<HallJournalEntry>().AsNoTracking().Where(j => j.TicketId == ticketId).OrderBy(j => j.Id).ToListAsync(ct);

    public Task<List<VisitLeg>> LegsAsync(Guid ticketId, CancellationToken ct = default) =>
        db.Set<VisitLeg>().AsNoTracking().Where(l => l.TicketId == ticketId).OrderBy(l => l.Seq).ToListAsync(ct);

    public Task<List<VisitCase>> CasesAsync(Guid ticketId, CancellationToken ct = default) =>
        db.Set<VisitCase>().AsNoTracking().Where(l => l.TicketId == ticketId).OrderBy(l => l.Id).ToListAsync(ct);

    private void Journal(HallActor actor, string action, HallTicket? ticket, string summary, string? subject = null) =>
        db.Add(new HallJournalEntry
        {
            At = Now(), Actor = actor.Name, Action = action, TicketId = ticket?.Id,
            Subject = subject ?? (ticket is null ? "" : $"{ticket.Day:yyyy-MM-dd} {ticket.Number}"), Summary = summary,
        });

    private async Task NotifyAsync(HallEvent e, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(e, HallEvents.Json);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({HallEvents.Channel}, {payload})", ct);
    }
}
