namespace ApprovalCenter.Hall;

/// <summary>
/// The order in which "call next" takes waiting tickets (issue 11 item 2): by slot, and within a
/// slot a checked-in appointment comes before walk-ins; then by issue time. A walk-in's slot is the
/// one its ticket was issued in; an appointment's is its booked slot, so an early arrival waits for
/// its slot but is not overtaken by walk-ins of that slot. Stored as columns so SQL can order by it.
/// </summary>
public static class QueueOrder
{
    public const int AppointmentPriority = 0;
    public const int WalkInPriority = 1;

    /// <summary>The start of the slot of <paramref name="slotMinutes"/> that contains the instant (China time).</summary>
    public static DateTimeOffset SlotOf(DateTimeOffset instant, int slotMinutes)
    {
        var (date, time) = HallHours.China(instant);
        var minutes = (int)time.ToTimeSpan().TotalMinutes / slotMinutes * slotMinutes;
        return HallHours.At(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)));
    }

    public static (DateTimeOffset Slot, int Priority) Key(DateTimeOffset issuedAt, DateTimeOffset? appointmentSlot, int slotMinutes) =>
        appointmentSlot is { } slot ? (slot.ToUniversalTime(), AppointmentPriority) : (SlotOf(issuedAt, slotMinutes), WalkInPriority);

    public sealed record Waiting(string Number, DateTimeOffset IssuedAt, DateTimeOffset? AppointmentSlot);

    /// <summary>The same order in memory (for positions and tests).</summary>
    public static IEnumerable<Waiting> Order(IEnumerable<Waiting> waiting, int slotMinutes) =>
        waiting.Select(w => (w, k: Key(w.IssuedAt, w.AppointmentSlot, slotMinutes)))
            .OrderBy(x => x.k.Slot).ThenBy(x => x.k.Priority).ThenBy(x => x.w.IssuedAt).Select(x => x.w);
}

/// <summary>How many appointments a slot takes: every open counter serving the service can see
/// slotMinutes / minutesPerVisit visitors; part of that is kept for walk-ins.</summary>
public static class SlotCapacity
{
    public static int For(int openCounters, int slotMinutes, int minutesPerVisit, double appointmentShare = 0.5)
    {
        if (openCounters <= 0 || minutesPerVisit <= 0) return 0;
        return (int)Math.Floor(openCounters * (slotMinutes / (double)minutesPerVisit) * appointmentShare);
    }
}

/// <summary>The estimated wait shown on the phone page: people ahead × the typical service time,
/// shared by the counters serving the queue.</summary>
public static class WaitEstimate
{
    public static TimeSpan For(int peopleAhead, int servingCounters, TimeSpan typicalService)
    {
        if (peopleAhead <= 0) return TimeSpan.Zero;
        var counters = Math.Max(1, servingCounters);
        return TimeSpan.FromSeconds(Math.Ceiling(peopleAhead / (double)counters) * typicalService.TotalSeconds);
    }
}

/// <summary>Online booking is blocked for a while after repeated no-shows (issue 11 item 5).</summary>
public static class NoShowRule
{
    public static DateTimeOffset? BlockedUntil(IEnumerable<DateTimeOffset> noShows, DateTimeOffset now, int threshold = 3, int windowDays = 30, int blockDays = 30)
    {
        var recent = noShows.Where(n => n <= now).OrderByDescending(n => n).ToList();
        // The block starts at the no-show that reached the threshold within the window.
        for (var i = 0; i + threshold - 1 < recent.Count; i++)
        {
            var last = recent[i];
            var first = recent[i + threshold - 1];
            if (last - first <= TimeSpan.FromDays(windowDays))
            {
                var until = last.AddDays(blockDays);
                return until > now ? until : null;
            }
        }
        return null;
    }
}

/// <summary>The sentence the display shows and speaks.</summary>
public static class CallText
{
    public static string Speech(string ticket, int counter) => $"请 {ticket} 号到 {counter} 号窗口办理";
}
