using System.Security.Cryptography;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Hall;

/// <summary>
/// Appointments (issue 11 item 5): book a slot of a service on a day, with capacity from the hours
/// and the counters serving it; confirm in the inbox and by mail (the notifier's outbox); cancel,
/// reschedule; remind the day before (a Hangfire recurring job); check in at the kiosk. Repeated
/// no-shows block online booking (<see cref="NoShowRule"/>).
/// </summary>
public sealed class HallAppointments(AppDbContext db, HallOperations hall, Notifier notifier)
{
    public const string ReminderJobId = "hall-appointment-reminders";
    public const string ReminderCron = "*/15 * * * *";

    public sealed record SlotInfo(DateTimeOffset Start, int Capacity, int Booked)
    {
        public int Free => Math.Max(0, Capacity - Booked);
    }

    /// <summary>The slots of a day for a service with their capacity and bookings.</summary>
    public async Task<List<SlotInfo>> SlotsAsync(string serviceId, DateOnly day, CancellationToken ct = default)
    {
        var hours = await hall.HoursAsync(ct);
        var calendar = await hall.CalendarAsync(ct);
        var queue = await db.Set<HallQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.ServiceId == serviceId, ct);
        if (queue is null) return [];
        var counters = (await hall.CountersAsync(ct)).Where(c => c.Active && c.ServiceIds.Contains(serviceId)).ToList();
        var booked = await db.Set<HallAppointment>().Where(a => a.ServiceId == serviceId && a.Day == day && a.Status != AppointmentStatus.Cancelled)
            .GroupBy(a => a.Slot).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var result = new Dictionary<DateTimeOffset, int>();
        foreach (var kind in counters.Select(c => c.Hours).Distinct())
            foreach (var slot in hours.Slots(kind, day, calendar, queue.SlotMinutes))
                result[slot] = result.GetValueOrDefault(slot) + SlotCapacity.For(counters.Count(c => c.Hours == kind), queue.SlotMinutes, queue.TypicalServiceMinutes);
        return result.OrderBy(x => x.Key).Select(x => new SlotInfo(x.Key, x.Value, booked.GetValueOrDefault(x.Key))).ToList();
    }

    /// <summary>Up to <paramref name="count"/> free slots from <paramref name="from"/> on, over the next two weeks.</summary>
    public async Task<List<DateTimeOffset>> AlternativesAsync(string serviceId, DateTimeOffset from, int count = 3, CancellationToken ct = default)
    {
        var list = new List<DateTimeOffset>();
        var day = HallOperations.DayOf(from);
        for (var i = 0; i < 14 && list.Count < count; i++)
            list.AddRange((await SlotsAsync(serviceId, day.AddDays(i), ct)).Where(s => s.Free > 0 && s.Start > hall.Now() && s.Start >= from).Take(count - list.Count).Select(s => s.Start));
        return list;
    }

    public async Task<DateTimeOffset?> BlockedUntilAsync(string userId, CancellationToken ct = default)
    {
        var s = await hall.SettingsAsync(ct);
        var since = hall.Now().AddDays(-(s.NoShowWindowDays + s.NoShowBlockDays));
        var noShows = await db.Set<HallAppointment>().Where(a => a.UserId == userId && a.Status == AppointmentStatus.NoShow && a.Slot >= since)
            .Select(a => a.Slot).ToListAsync(ct);
        return NoShowRule.BlockedUntil(noShows, hall.Now(), s.NoShowThreshold, s.NoShowWindowDays, s.NoShowBlockDays);
    }

    private static string Alternatives(IEnumerable<DateTimeOffset> alts)
    {
        var l = alts.Select(HallOperations.WhenText).ToList();
        return l.Count == 0 ? "近两周没有可预约的时段。" : "可预约：" + string.Join("；", l) + "。";
    }

    /// <summary>Books (or, with <paramref name="replacing"/>, reschedules) a slot. Refused outside the hours or over capacity, with alternatives.</summary>
    public async Task<HallAppointment> BookAsync(string userId, string? serviceId, DateTimeOffset? slot, Guid? replacing = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(serviceId)) throw HallException.Invalid("service", "请选择要预约的业务。");
        var service = await db.Set<HallService>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct)
            ?? throw HallException.Invalid("service", $"没有“{serviceId}”这项业务。");
        if (slot is null) throw HallException.Invalid("slot", "请选择预约时段。");
        slot = slot.Value.ToUniversalTime();
        if (await BlockedUntilAsync(userId, ct) is { } until)
            throw HallException.Conflict($"您近期多次预约未到，网上预约暂停至 {HallOperations.WhenText(until)}；可现场取号办理。", "slot");
        if (slot <= hall.Now()) throw HallException.Invalid("slot", "预约时段已过，请选择以后的时段。" + Alternatives(await AlternativesAsync(service.Id, hall.Now(), ct: ct)));
        var day = HallOperations.DayOf(slot.Value);
        var slots = await SlotsAsync(service.Id, day, ct);
        var chosen = slots.FirstOrDefault(s => s.Start == slot.Value);
        if (chosen is null)
            throw HallException.Closed("slot", $"{HallOperations.WhenText(slot.Value)} 不在“{service.Name}”的服务时间内。" + Alternatives(await AlternativesAsync(service.Id, slot.Value, ct: ct)));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialise bookings of one slot, so two applicants never take its last place together.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({service.Id + slot.Value.ToUnixTimeSeconds()}))", ct);
        var taken = await db.Set<HallAppointment>().CountAsync(a => a.ServiceId == service.Id && a.Slot == slot.Value && a.Status != AppointmentStatus.Cancelled && a.Id != replacing, ct);
        if (taken >= chosen.Capacity)
            throw HallException.Conflict($"{HallOperations.WhenText(slot.Value)} 已约满。" + Alternatives(await AlternativesAsync(service.Id, slot.Value, ct: ct)), "slot");
        if (await db.Set<HallAppointment>().AnyAsync(a => a.UserId == userId && a.Day == day && a.ServiceId == service.Id && a.Status == AppointmentStatus.Booked && a.Id != replacing, ct))
            throw HallException.Conflict($"您在 {day:yyyy-MM-dd} 已预约“{service.Name}”。", "slot");
        HallAppointment appt;
        if (replacing is { } rid)
        {
            appt = await db.Set<HallAppointment>().FirstOrDefaultAsync(a => a.Id == rid && a.UserId == userId, ct) ?? throw HallException.NotFound("appointment", "没有这条预约。");
            if (appt.Status != AppointmentStatus.Booked) throw HallException.Conflict("这条预约已不能改约。");
            appt.ServiceId = service.Id; appt.Slot = slot.Value; appt.Day = day; appt.ReminderSentAt = null;
        }
        else
        {
            var idNumber = await db.Set<ApprovalCenter.Identity.AppUser>().Where(u => u.Id == userId).Select(u => u.IdNumber).FirstOrDefaultAsync(ct);
            appt = new HallAppointment
            {
                Id = Guid.NewGuid(), Code = NewCode(), UserId = userId, IdNumber = idNumber, ServiceId = service.Id, Slot = slot.Value, Day = day,
                Status = AppointmentStatus.Booked, CreatedAt = hall.Now(),
            };
            db.Add(appt);
        }
        db.Add(new HallJournalEntry { At = hall.Now(), Actor = await NameAsync(userId, ct), Action = replacing is null ? "book" : "reschedule", Subject = $"appointment:{appt.Code}", Summary = $"预约“{service.Name}” {HallOperations.WhenText(slot.Value)}" });
        await notifier.NotifyAsync(userId, replacing is null ? "预约成功" : "预约已改期",
            $"您已预约“{service.Name}”，时间 {HallOperations.WhenText(slot.Value)}，预约码 {appt.Code}。请凭预约码或身份证号在大厅取号机签到。", "/Hall/Appointments", ct: ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return appt;
    }

    private async Task<string> NameAsync(string userId, CancellationToken ct) =>
        await db.Set<ApprovalCenter.Identity.AppUser>().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? userId;

    /// <summary>The journal of the given appointments (booked, rescheduled, cancelled, checked in, missed), newest first.</summary>
    public Task<List<HallJournalEntry>> JournalAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var subjects = codes.Select(c => $"appointment:{c}").ToList();
        return db.Set<HallJournalEntry>().AsNoTracking().Where(j => subjects.Contains(j.Subject)).OrderByDescending(j => j.Id).Take(50).ToListAsync(ct);
    }

    private static string NewCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToUpperInvariant();

    public async Task CancelAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var appt = await db.Set<HallAppointment>().FirstOrDefaultAsync(a => a.Id == id && a.UserId == userId, ct) ?? throw HallException.NotFound("appointment", "没有这条预约。");
        if (appt.Status != AppointmentStatus.Booked) throw HallException.Conflict("这条预约已不能取消。");
        appt.Status = AppointmentStatus.Cancelled;
        db.Add(new HallJournalEntry { At = hall.Now(), Actor = await NameAsync(userId, ct), Action = "cancel", Subject = $"appointment:{appt.Code}", Summary = "取消预约" });
        await notifier.NotifyAsync(userId, "预约已取消", $"您 {HallOperations.WhenText(appt.Slot)} 的预约（{appt.Code}）已取消。", "/Hall/Appointments", ct: ct);
        await db.SaveChangesAsync(ct);
    }

    public Task<List<HallAppointment>> MineAsync(string userId, CancellationToken ct = default) =>
        db.Set<HallAppointment>().AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.Slot).Take(30).ToListAsync(ct);

    public Task<List<HallAppointment>> DayAsync(DateOnly day, CancellationToken ct = default) =>
        db.Set<HallAppointment>().AsNoTracking().Where(a => a.Day == day).OrderBy(a => a.Slot).ToListAsync(ct);

    /// <summary>Check-in at the kiosk by booking code or ID number: a ticket ahead of the walk-ins of its slot.</summary>
    public async Task<HallTicket> CheckInAsync(string? codeOrId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(codeOrId)) throw HallException.Invalid("checkIn", "请输入预约码或身份证号。");
        var key = codeOrId.Trim().ToUpperInvariant();
        var today = HallOperations.DayOf(hall.Now());
        var appt = await db.Set<HallAppointment>().Where(a => a.Day == today && a.Status == AppointmentStatus.Booked && (a.Code == key || a.IdNumber == key))
            .OrderBy(a => a.Slot).FirstOrDefaultAsync(ct)
            ?? throw HallException.NotFound("checkIn", "没有找到今天的有效预约，请核对预约码或身份证号。");
        var ticket = await hall.IssueAsync(appt.ServiceId, TicketSource.Appointment, HallActor.Kiosk, appointment: appt, ct: ct);
        appt.Status = AppointmentStatus.CheckedIn;
        appt.TicketId = ticket.Id;
        db.Add(new HallJournalEntry { At = hall.Now(), Actor = HallActor.Kiosk.Name, Action = "check-in", Subject = $"appointment:{appt.Code}", TicketId = ticket.Id, Summary = $"预约签到，取号 {ticket.Number}" });
        await db.SaveChangesAsync(ct);
        return ticket;
    }

    /// <summary>Hangfire: reminds everyone booked for tomorrow, once; and records yesterday's unchecked bookings as no-shows.</summary>
    public async Task SendRemindersAsync(CancellationToken ct)
    {
        var today = HallOperations.DayOf(hall.Now());
        var tomorrow = today.AddDays(1);
        var due = await db.Set<HallAppointment>().Where(a => a.Day == tomorrow && a.Status == AppointmentStatus.Booked && a.ReminderSentAt == null).ToListAsync(ct);
        foreach (var a in due)
        {
            await notifier.NotifyAsync(a.UserId, "预约提醒", $"您预约了明天 {HallOperations.WhenText(a.Slot)} 的业务，预约码 {a.Code}。", "/Hall/Appointments", ct: ct);
            a.ReminderSentAt = hall.Now();
        }
        var missed = await db.Set<HallAppointment>().Where(a => a.Day < today && a.Status == AppointmentStatus.Booked).ToListAsync(ct);
        foreach (var a in missed)
        {
            a.Status = AppointmentStatus.NoShow;
            db.Add(new HallJournalEntry { At = hall.Now(), Actor = "系统", Action = "appointment-no-show", Subject = $"appointment:{a.Code}", Summary = "预约未签到，记为爽约" });
        }
        await db.SaveChangesAsync(ct);
    }
}
