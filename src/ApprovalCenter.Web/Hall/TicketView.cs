using ApprovalCenter.Calendar;
using ApprovalCenter.Hall;

namespace ApprovalCenter.Web.Hall;

/// <summary>What the printed ticket, the phone page and the API show of one ticket.</summary>
public sealed record TicketView(
    string Code, string Number, string Service, string Status, int PeopleAhead, int EstimatedWaitMinutes,
    int? Counter, string? CounterName, string? CalledText, string HoursKind, DateOnly CountingDate, string? CountingNote,
    DateTimeOffset IssuedAt, IReadOnlyList<Guid> LegIds)
{
    public static string StatusName(TicketStatus s) => s switch
    {
        TicketStatus.Waiting => "等候中",
        TicketStatus.Called => "已叫号",
        TicketStatus.Serving => "办理中",
        TicketStatus.Parked => "暂挂",
        TicketStatus.Done => "已办结",
        _ => "过号",
    };

    public static async Task<TicketView> BuildAsync(HallTicket t, HallOperations hall, ServiceHours serviceHours, CancellationToken ct)
    {
        var services = await hall.ServicesAsync(ct);
        var counters = await hall.CountersAsync(ct);
        var ahead = await hall.PeopleAheadAsync(t, ct);
        var wait = t.Status == TicketStatus.Waiting ? await hall.EstimatedWaitAsync(t, ahead, ct) : TimeSpan.Zero;
        var counter = counters.FirstOrDefault(c => c.Id == t.CounterId);
        // The legal clock's rule (ClockDating / ServiceHours.CountingDate): what is handed in now counts from this date.
        var counting = serviceHours.CountingDate(t.IssuedAt, await hall.CalendarAsync(ct)).Value;
        var today = HallOperations.DayOf(t.IssuedAt);
        string? note = counting != today
            ? $"{HallHours.KindName(t.IssuedIn)}：今天递交的申请，法定办理期限自下一工作日 {counting:yyyy-MM-dd} 起算。"
            : null;
        var legs = await hall.LegsAsync(t.Id, ct);
        return new TicketView(t.Code, t.Number, services.FirstOrDefault(s => s.Id == t.ServiceId)?.Name ?? t.ServiceId, StatusName(t.Status),
            ahead, (int)Math.Ceiling(wait.TotalMinutes), counter?.Id, counter?.Name,
            t.Status == TicketStatus.Called && counter is not null ? CallText.Speech(t.Number, counter.Id) : null,
            HallHours.KindName(t.IssuedIn), counting, note, t.IssuedAt, legs.Select(l => l.Id).ToList());
    }
}
