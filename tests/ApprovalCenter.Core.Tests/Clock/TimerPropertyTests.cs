using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using static ApprovalCenter.Tests.Calendar.TestCalendars;
using E = ApprovalCenter.Clock.ClockEvent;

namespace ApprovalCenter.Tests.Clock;

/// <summary>
/// Issue 10, "done means": for random cases with pauses, extensions and calendar reloads, no timer
/// is due before its deadline and none is left behind after one. Seeded and bounded, so a failure
/// is reproducible: the message names the seed, the case's events and the calendar.
///
/// After every event and every reload the case's clock is rebuilt the way CaseService does (the
/// stored events as recorded history, the current calendar, evaluated today) and its timers are
/// checked against the clock's own answers on the days ahead:
/// - a timer fires on the first day its condition holds, never earlier (the day after a deadline);
/// - every day on which the state gets worse, or the intake window lapses, has its timer that day,
///   and a state already reached today (a breach a reload revealed) has a timer due by today.
/// </summary>
public sealed class TimerPropertyTests
{
    private const int Cases = 300;
    private const int StepsPerCase = 14;
    private const int DaysAhead = 60;

    [Test]
    public void No_timer_is_due_before_its_deadline_and_none_is_left_behind_through_pauses_extensions_and_calendar_reloads()
    {
        const int seed = 20270201;
        var rng = new Random(seed);
        var calendars = new[] { Official }.Concat(Enumerable.Range(0, 6).Select(_ => Official.WithYear(Random2027(rng)))).ToArray();
        for (var n = 0; n < Cases; n++)
        {
            var calendar = calendars[rng.Next(calendars.Length)];
            var limits = rng.Next(6) == 0 ? ClockLimits.Joint(rng.Next(5, 30)) : RandomStandard(rng);
            var today = new DateOnly(2026, 11, 2).AddDays(rng.Next(150));
            var events = new List<E> { new E.Received(today) };
            Check(limits, events, calendar, today, $"seed {seed}, case {n}");
            for (var step = 0; step < StepsPerCase; step++)
            {
                today = today.AddDays(rng.Next(0, 6));
                if (rng.Next(4) == 0) calendar = calendars[rng.Next(calendars.Length)];   // a notice loaded or corrected
                else if (Next(rng, limits, events, calendar, today) is { } e) events.Add(e);
                Check(limits, events, calendar, today, $"seed {seed}, case {n}, step {step}");
            }
        }
    }

    private static void Check(ClockLimits limits, List<E> events, WorkingCalendar calendar, DateOnly today, string where)
    {
        var built = CaseClock.Build(limits, events, calendar, today, recorded: events.Count);
        var context = $"{where}: {string.Join(", ", events)} on {calendar.Version}, today {today:yyyy-MM-dd}";
        Assert.That(built.IsValid, Is.True, $"a reload made recorded history invalid: {built.Error} — {context}");
        var clock = built.Clock!;
        var timers = clock.Timers;
        foreach (var t in timers)
        {
            Assert.That(t.FireAt, Is.EqualTo(ClockTimer.StartOfDay(t.Date)), context);
            var deadline = DeadlineOf(clock, t.Kind);
            if (deadline is { } last)
                Assert.That(t.Date, Is.EqualTo(last.AddDays(1)), $"{t.Kind} must fire the day after {last:yyyy-MM-dd} — {context}");
            if (StateOf(t.Kind) is { } state && t.Date >= today)
                Assert.That(clock.StateAt(t.Date), Is.GreaterThanOrEqualTo(state), $"{t.Kind} on {t.Date:yyyy-MM-dd} fires before its state — {context}");
        }

        switch (clock.Phase)
        {
            case ClockPhase.Intake:
                Assert.That(timers.Any(t => t.Kind == ClockTimerKind.IntakeLapse && t.Date == clock.IntakeDeadline!.Date.AddDays(1)), Is.True, $"intake lapse left behind — {context}");
                break;
            case ClockPhase.AwaitingSupplement:
                Assert.That(timers.Any(t => t.Kind == ClockTimerKind.SupplementLapse), Is.True, $"supplement lapse left behind — {context}");
                break;
            case ClockPhase.Paused:
                Assert.That(timers.Any(t => t.Kind == ClockTimerKind.PauseOverrun), Is.True, $"pause overrun left behind — {context}");
                break;
            case ClockPhase.Decided when clock.DeliveryDeadline is not null:
                Assert.That(timers.Any(t => t.Kind == ClockTimerKind.DeliveryOverdue), Is.True, $"delivery left behind — {context}");
                break;
            case ClockPhase.InProgress:
                var reached = clock.StateAt(today);
                foreach (var s in new[] { ClockState.PromisedExceeded, ClockState.StatutoryExceeded }.Where(s => s <= reached))
                    Assert.That(timers.Any(t => StateOf(t.Kind) == s && t.Date <= today), Is.True, $"{s} reached by today has no timer — {context}");
                var previous = reached;
                for (var d = today.AddDays(1); d <= today.AddDays(DaysAhead); d = d.AddDays(1))
                {
                    var state = clock.StateAt(d);
                    if (state > previous)
                        Assert.That(timers.Any(t => StateOf(t.Kind) == state && t.Date == d), Is.True, $"{state} on {d:yyyy-MM-dd} has no timer that day — {context}");
                    previous = state;
                }
                break;
        }
    }

    /// <summary>The last day before the timer may fire, where the clock names one.</summary>
    private static DateOnly? DeadlineOf(CaseClock c, ClockTimerKind kind) => kind switch
    {
        ClockTimerKind.IntakeLapse => c.IntakeDeadline?.Date,
        ClockTimerKind.SupplementLapse => c.SupplementDeadline,
        ClockTimerKind.PromisedExceeded => c.PromisedDeadline?.Date,
        ClockTimerKind.StatutoryExceeded => c.StatutoryDeadline?.Date,
        ClockTimerKind.DeliveryOverdue => c.DeliveryDeadline?.Date,
        ClockTimerKind.PauseOverrun => c.OpenPause?.ExpectedEnd,
        _ => null,
    };

    private static ClockState? StateOf(ClockTimerKind kind) => kind switch
    {
        ClockTimerKind.Warning => ClockState.Warning,
        ClockTimerKind.PromisedExceeded => ClockState.PromisedExceeded,
        ClockTimerKind.StatutoryExceeded => ClockState.StatutoryExceeded,
        _ => null,
    };

    private static ClockLimits RandomStandard(Random rng)
    {
        var statutory = rng.Next(1, 21);
        return ClockLimits.Standard(rng.Next(1, statutory + 1), statutory);
    }

    /// <summary>A plausible next event for the phase, kept only if the clock accepts it today.</summary>
    private static E? Next(Random rng, ClockLimits limits, List<E> events, WorkingCalendar calendar, DateOnly today)
    {
        var clock = CaseClock.Create(limits, events, calendar, today, events.Count);
        // The intake-lapse timer records the deemed acceptance on the day after the window, as CaseService does.
        if (clock.DeemedAccepted && !events.OfType<E.IntakeLapsed>().Any()) return new E.IntakeLapsed(clock.IntakeDeadline!.Date.AddDays(1));
        E candidate = clock.Phase switch
        {
            ClockPhase.Intake => rng.Next(4) switch
            {
                0 => new E.SupplementRequested(today),
                1 => new E.CommitmentOffered(today),
                _ => new E.Accepted(today),
            },
            ClockPhase.AwaitingSupplement => new E.SupplementReceived(today, today),
            ClockPhase.AwaitingSignature => new E.Accepted(today),
            ClockPhase.InProgress => rng.Next(5) switch
            {
                0 or 1 => new E.PauseStarted(today, (ExcludedProcedure)rng.Next(8), rng.Next(1, 11)),
                2 => new E.ExtensionGranted(today, rng.Next(1, limits.MaxExtensionDays + 1), limits.RequiredExtensionApprover, "head", "情况复杂"),
                3 => new E.Decided(today, rng.Next(3) == 0),
                _ => new E.Accepted(today),   // usually refused (already accepted): exercises the rejection path
            },
            ClockPhase.Paused => new E.PauseEnded(today),
            ClockPhase.Decided => rng.Next(2) == 0 ? new E.CertificateReleased(today) : new E.Delivered(today),
            _ => new E.Delivered(today),
        };
        return clock.Append(candidate).IsValid ? candidate : null;
    }

    /// <summary>A random but valid 2027 notice: holiday blocks, weekend make-up days, sometimes a
    /// make-up day or holiday in December 2026 (the month across New Year).</summary>
    private static CalendarYear Random2027(Random rng)
    {
        var blocks = new List<HolidayBlock>();
        var taken = new HashSet<DateOnly>();
        for (var i = 0; i < rng.Next(3, 8); i++)
        {
            var from = new DateOnly(2027, 1, 1).AddDays(rng.Next(365));
            var to = from.AddDays(rng.Next(0, 9));
            if (to.Year != 2027) continue;
            var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 3).Select(k => from.AddDays(k - 1)).ToList();
            if (days.Any(taken.Contains)) continue;   // keep blocks apart
            taken.UnionWith(days);
            blocks.Add(new HolidayBlock($"节日{i}", from, to));
        }
        if (rng.Next(3) == 0) blocks.Add(new HolidayBlock("元旦", new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31)));
        var holidays = blocks.SelectMany(b => b.Days()).ToHashSet();
        var makeUps = Enumerable.Range(0, rng.Next(0, 6))
            .Select(_ => new DateOnly(2026, 12, 1).AddDays(rng.Next(396)))
            .Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !holidays.Contains(d) && CalendarYearParser.Covers(2027, d))
            .Distinct().Order().Select(d => new MakeUpWorkingDay(d, null)).ToList();
        var published = new DateOnly(2026, 11, 1).AddDays(rng.Next(30));
        return new CalendarYear(2027, new CalendarNotice($"随机2027年安排（{published:MMdd}）", published), blocks.OrderBy(b => b.From).ToList(), makeUps);
    }
}
