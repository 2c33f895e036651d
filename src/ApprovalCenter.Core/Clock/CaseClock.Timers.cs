namespace ApprovalCenter.Clock;

public sealed partial class CaseClock
{
    /// <summary>
    /// The timers the scheduler must (re)set after this clock was built: only those that can fire
    /// in the current phase. During an open pause the decision deadlines are not fixed, so only
    /// the overrun of the told length is scheduled; rebuild and reschedule after every event.
    /// </summary>
    public IReadOnlyList<ClockTimer> Timers
    {
        get
        {
            var list = new List<ClockTimer>();
            void Add(ClockTimerKind kind, DateOnly date, bool provisional) =>
                list.Add(new ClockTimer(kind, date, ClockTimer.StartOfDay(date), provisional));
            switch (Phase)
            {
                case ClockPhase.Intake:
                    Add(ClockTimerKind.IntakeLapse, IntakeDeadline!.Date.AddDays(1), IntakeDeadline.Provisional);
                    break;
                case ClockPhase.AwaitingSupplement:
                    Add(ClockTimerKind.SupplementLapse, SupplementDeadline!.Value.AddDays(1), false);
                    break;
                case ClockPhase.InProgress:
                    var warning = Deadline(WarningUsedDays(), AsOf);
                    var promised = PromisedDeadline!;
                    var statutory = StatutoryDeadline!;
                    var warnOn = FirstUnpausedDay(warning.Date);
                    if (warnOn <= promised.Date) Add(ClockTimerKind.Warning, warnOn, warning.Provisional);
                    Add(ClockTimerKind.PromisedExceeded, promised.Date.AddDays(1), promised.Provisional);
                    Add(ClockTimerKind.StatutoryExceeded, statutory.Date.AddDays(1), statutory.Provisional);
                    break;
                case ClockPhase.Paused:
                    Add(ClockTimerKind.PauseOverrun, OpenPause!.ExpectedEnd.AddDays(1), Calendar.GetDayKind(OpenPause.ExpectedEnd).Provisional);
                    break;
                case ClockPhase.Decided when DeliveryDeadline is { } delivery:
                    // No delivery limit runs while the certificate is lawfully withheld.
                    Add(ClockTimerKind.DeliveryOverdue, delivery.Date.AddDays(1), delivery.Provisional);
                    break;
            }
            return list;
        }
    }

    /// <summary>No warning stands on a day an Art. 45 procedure covers (its end day included, see
    /// <see cref="At"/>): a pause lifts a warning already reached, so after the last pause that ends
    /// on or after the warning day the warning is raised again the day after it ends.</summary>
    private DateOnly FirstUnpausedDay(DateOnly day)
    {
        foreach (var p in _pauses)
            if (p.To is { } to && to >= day) day = to.AddDays(1);
        return day;
    }
}
