namespace ApprovalCenter.Calendar;

/// <summary>Which kind of service the hall is giving at an instant.</summary>
public enum HallWindow
{
    /// <summary>The hall is closed.</summary>
    Closed,
    /// <summary>Normal hours of a working day: work received now counts from today.</summary>
    Normal,
    /// <summary>延时服务 after the close of a working day: people are served, the clock counts from the next working day.</summary>
    AfterHours,
    /// <summary>周六不打烊: Saturday service; not a working day, so the clock counts from the next working day.</summary>
    Saturday,
}

/// <summary>Whether the hall is open at an instant, which window serves, and the date the clock would count a receipt from.</summary>
public sealed record HallStatus(HallWindow Window, DateOnly CountingDate, bool Provisional)
{
    public bool IsOpen => Window != HallWindow.Closed;

    public string DisplayName => Window switch
    {
        HallWindow.Normal => "正常办公",
        HallWindow.AfterHours => "延时服务",
        HallWindow.Saturday => "周六不打烊",
        _ => "闭厅",
    };
}

/// <summary>
/// The hall's service hours as data (rules.md §3: configurable). Serving people after hours or on
/// Saturday does not turn that time into working time: anything received outside normal hours of a
/// working day counts as received on the next working day (rules.md §1a). The bureau runs on China
/// Standard Time, a fixed UTC+08:00 offset with no daylight saving, so no time-zone database is needed.
/// </summary>
public sealed record ServiceHours
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Opening of normal hours on a working day (including make-up weekend days).</summary>
    public TimeOnly Open { get; init; } = new(9, 0);
    /// <summary>Close of business: a receipt at or after this time counts from the next working day.</summary>
    public TimeOnly Close { get; init; } = new(17, 30);
    /// <summary>End of the after-hours window (延时服务) on working days; null when there is none.</summary>
    public TimeOnly? AfterHoursUntil { get; init; } = new(19, 0);
    /// <summary>Saturday service (周六不打烊) hours on ordinary Saturdays; null when there is none.</summary>
    public TimeOnly? SaturdayOpen { get; init; } = new(9, 0);
    public TimeOnly? SaturdayClose { get; init; } = new(12, 0);
    /// <summary>Whether Saturday service also runs on a Saturday that falls in a holiday block (default: no).</summary>
    public bool SaturdayServiceOnHolidays { get; init; }
    /// <summary>
    /// Extra days the hall is closed although they may be working days (e.g. a relocation). A receipt
    /// on such a day (online) counts from the next working day the hall is open.
    /// </summary>
    public IReadOnlySet<DateOnly> ClosedDays { get; init; } = new HashSet<DateOnly>();

    public static ServiceHours Default { get; } = new();

    /// <summary>Rejects settings that would make the windows overlap or run backwards.</summary>
    public ServiceHours Validate()
    {
        if (Close <= Open) throw new ArgumentException($"下班时间 {Close:HH\\:mm} 应晚于上班时间 {Open:HH\\:mm}。");
        if (AfterHoursUntil is { } a && a <= Close) throw new ArgumentException($"延时服务结束时间 {a:HH\\:mm} 应晚于下班时间 {Close:HH\\:mm}。");
        if ((SaturdayOpen is null) != (SaturdayClose is null)) throw new ArgumentException("周六服务的开始和结束时间应同时设置或同时为空。");
        if (SaturdayOpen is { } so && SaturdayClose is { } sc && sc <= so) throw new ArgumentException($"周六服务结束时间 {sc:HH\\:mm} 应晚于开始时间 {so:HH\\:mm}。");
        return this;
    }

    /// <summary>The instant in China Standard Time.</summary>
    public static DateTimeOffset ToChinaTime(DateTimeOffset instant) => instant.ToOffset(ChinaStandardTime);

    /// <summary>
    /// The date from which the clock counts a receipt: the date of the next moment of normal hours
    /// at or after the instant. Within or before normal hours of an open working day: that day;
    /// otherwise (after close, after-hours window, Saturday service, weekend, holiday, closed day):
    /// the next working day the hall is open.
    /// </summary>
    public CalendarResult<DateOnly> CountingDate(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        var local = ToChinaTime(receivedAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var working = calendar.IsWorkingDay(date);
        if (working.Value && !ClosedDays.Contains(date) && time < Close) return new CalendarResult<DateOnly>(date, working.ProvisionalYears);
        var next = calendar.NextWorkingDay(date);
        var years = new SortedSet<int>(next.ProvisionalYears);
        while (ClosedDays.Contains(next.Value))
        {
            next = calendar.NextWorkingDay(next.Value);
            years.UnionWith(next.ProvisionalYears);
        }
        return new CalendarResult<DateOnly>(next.Value, years.Count == 0 ? next.ProvisionalYears : years.ToList());
    }

    /// <summary>Whether the hall is open at <paramref name="now"/> and which window is serving.</summary>
    public HallStatus StatusAt(DateTimeOffset now, WorkingCalendar calendar)
    {
        var local = ToChinaTime(now);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var kind = calendar.GetDayKind(date);
        var counting = CountingDate(now, calendar);
        var provisional = kind.Provisional || counting.Provisional;
        HallWindow window;
        if (ClosedDays.Contains(date)) window = HallWindow.Closed;
        else if (kind.Value is DayKind.Workday or DayKind.MakeUpWorkday)
        {
            window = time >= Open && time < Close ? HallWindow.Normal
                : AfterHoursUntil is { } until && time >= Close && time < until ? HallWindow.AfterHours
                : HallWindow.Closed;
        }
        else if (date.DayOfWeek == DayOfWeek.Saturday && SaturdayOpen is { } so && SaturdayClose is { } sc
                 && (kind.Value == DayKind.Weekend || SaturdayServiceOnHolidays) && time >= so && time < sc)
            window = HallWindow.Saturday;
        else window = HallWindow.Closed;
        return new HallStatus(window, counting.Value, provisional);
    }
}
