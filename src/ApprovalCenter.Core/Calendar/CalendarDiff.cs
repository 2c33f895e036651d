namespace ApprovalCenter.Calendar;

/// <summary>One day whose status a calendar change would alter.</summary>
public sealed record DayChange(DateOnly Date, DayKind Before, DayKind After, bool WasProvisional, string? NameAfter)
{
    public bool WorkingBefore => Before is DayKind.Workday or DayKind.MakeUpWorkday;
    public bool WorkingAfter => After is DayKind.Workday or DayKind.MakeUpWorkday;
}

/// <summary>What loading a year would change, shown to the administrator before it is saved.</summary>
public sealed record CalendarDiff(int Year, bool Replaces, IReadOnlyList<DayChange> Changes)
{
    public int WorkingDaysGained => Changes.Count(c => !c.WorkingBefore && c.WorkingAfter);
    public int WorkingDaysLost => Changes.Count(c => c.WorkingBefore && !c.WorkingAfter);

    /// <summary>Compares every day of the year under the current calendar with the calendar that
    /// would result from loading <paramref name="year"/> (the provisional rules when the year is new).</summary>
    public static CalendarDiff Between(WorkingCalendar current, CalendarYear year)
    {
        var next = current.WithYear(year);
        var changes = new List<DayChange>();
        for (var d = new DateOnly(year.Year, 1, 1); d.Year == year.Year; d = d.AddDays(1))
        {
            var before = current.GetDayKind(d);
            var after = next.GetDayKind(d).Value;
            if (before.Value != after || (before.Value == DayKind.Holiday && current.HolidayName(d) != next.HolidayName(d)))
                changes.Add(new DayChange(d, before.Value, after, before.Provisional, next.HolidayName(d)));
        }
        return new CalendarDiff(year.Year, current.IsLoaded(year.Year), changes);
    }
}
