using ApprovalCenter.Calendar;

namespace ApprovalCenter.Hall;

/// <summary>Which set of hours a counter keeps (rules.md §3): normal hours, the after-hours window
/// (延时服务) or Saturday service (周六不打烊).</summary>
public enum HoursKind { Normal = 0, AfterHours = 1, Saturday = 2 }

/// <summary>A span of one day, China time, [From, To).</summary>
public sealed record TimeWindow(TimeOnly From, TimeOnly To)
{
    public bool Contains(TimeOnly t) => t >= From && t < To;
    public override string ToString() => $"{From:HH\\:mm}–{To:HH\\:mm}";
}

/// <summary>
/// The hall's service hours as data (issue 11 item 6). Normal hours and the after-hours window run
/// on working days (make-up working days included); Saturday service runs on ordinary Saturdays
/// only: a Saturday in a holiday block is closed, a make-up working Saturday keeps normal hours.
/// Closures shut the whole hall for a day. Pure: the calendar is passed in.
/// </summary>
public sealed record HallHours(
    IReadOnlyList<TimeWindow> Normal,
    IReadOnlyList<TimeWindow> AfterHours,
    IReadOnlyList<TimeWindow> Saturday,
    IReadOnlySet<DateOnly> Closures)
{
    public static HallHours Default { get; } = new(
        [new(new(9, 0), new(12, 0)), new(new(14, 0), new(17, 30))],
        [new(new(12, 0), new(14, 0)), new(new(17, 30), new(19, 30))],
        [new(new(9, 0), new(17, 0))],
        new HashSet<DateOnly>());

    public IReadOnlyList<TimeWindow> Of(HoursKind kind) => kind switch
    {
        HoursKind.AfterHours => AfterHours,
        HoursKind.Saturday => Saturday,
        _ => Normal,
    };

    /// <summary>The windows a counter of <paramref name="kind"/> is open on <paramref name="date"/>.</summary>
    public IReadOnlyList<TimeWindow> WindowsOn(HoursKind kind, DateOnly date, WorkingCalendar calendar)
    {
        if (Closures.Contains(date)) return [];
        var day = calendar.GetDayKind(date).Value;
        var working = day is DayKind.Workday or DayKind.MakeUpWorkday;
        return kind switch
        {
            HoursKind.Normal or HoursKind.AfterHours when working => Of(kind),
            HoursKind.Saturday when date.DayOfWeek == DayOfWeek.Saturday && day == DayKind.Weekend => Saturday,
            _ => [],
        };
    }

    public bool IsOpen(HoursKind kind, DateTimeOffset instant, WorkingCalendar calendar)
    {
        var (date, time) = China(instant);
        return WindowsOn(kind, date, calendar).Any(w => w.Contains(time));
    }

    /// <summary>The next instant at or after <paramref name="instant"/> when a counter of this kind is
    /// open (the instant itself when open now); null when none within <paramref name="horizonDays"/>.</summary>
    public DateTimeOffset? NextOpening(HoursKind kind, DateTimeOffset instant, WorkingCalendar calendar, int horizonDays = 60)
    {
        var (date, time) = China(instant);
        for (var i = 0; i <= horizonDays; i++)
        {
            var d = date.AddDays(i);
            if (d > calendar.CoveredTo) return null;
            foreach (var w in WindowsOn(kind, d, calendar).OrderBy(w => w.From))
            {
                if (i == 0 && w.Contains(time)) return instant;
                if (i > 0 || w.From > time) return At(d, w.From);
            }
        }
        return null;
    }

    /// <summary>The appointment slots of a day: every slot of <paramref name="slotMinutes"/> that fits whole in a window.</summary>
    public IReadOnlyList<DateTimeOffset> Slots(HoursKind kind, DateOnly date, WorkingCalendar calendar, int slotMinutes)
    {
        var slots = new List<DateTimeOffset>();
        foreach (var w in WindowsOn(kind, date, calendar).OrderBy(w => w.From))
            for (var t = w.From; t.AddMinutes(slotMinutes) <= w.To && t.AddMinutes(slotMinutes) > t; t = t.AddMinutes(slotMinutes))
                slots.Add(At(date, t));
        return slots;
    }

    /// <summary>Rejects windows that run backwards or overlap within one kind.</summary>
    public HallHours Validate()
    {
        foreach (var kind in Enum.GetValues<HoursKind>())
        {
            var ws = Of(kind).OrderBy(w => w.From).ToList();
            foreach (var w in ws)
                if (w.To <= w.From) throw new ArgumentException($"{KindName(kind)}时段 {w} 的结束时间应晚于开始时间。");
            for (var i = 1; i < ws.Count; i++)
                if (ws[i].From < ws[i - 1].To) throw new ArgumentException($"{KindName(kind)}时段 {ws[i - 1]} 与 {ws[i]} 重叠。");
        }
        return this;
    }

    public static string KindName(HoursKind kind) => kind switch
    {
        HoursKind.AfterHours => "延时服务",
        HoursKind.Saturday => "周六不打烊",
        _ => "正常办公",
    };

    public static (DateOnly Date, TimeOnly Time) China(DateTimeOffset instant)
    {
        var local = ServiceHours.ToChinaTime(instant).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>A China-time wall clock instant, in UTC (PostgreSQL stores timestamptz as UTC only).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), ServiceHours.ChinaStandardTime).ToUniversalTime();

    /// <summary>"HH:mm-HH:mm, HH:mm-HH:mm" as the admin form and the settings store it.</summary>
    public static IReadOnlyList<TimeWindow> ParseWindows(string? text)
    {
        var list = new List<TimeWindow>();
        if (string.IsNullOrWhiteSpace(text)) return list;
        foreach (var part in text.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–', '~'], StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParseExact(ends[0], "HH:mm", out var from) || !TimeOnly.TryParseExact(ends[1], "HH:mm", out var to))
                throw new FormatException($"“{part}”不是“HH:mm-HH:mm”格式的时段。");
            list.Add(new TimeWindow(from, to));
        }
        return list;
    }

    public static string FormatWindows(IEnumerable<TimeWindow> windows) => string.Join(", ", windows.Select(w => $"{w.From:HH\\:mm}-{w.To:HH\\:mm}"));
}
