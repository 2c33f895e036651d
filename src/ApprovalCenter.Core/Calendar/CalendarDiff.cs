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
    /// would result from loading <paramref name="year"/> (the provisional rules when the year is new),
    /// including the days the notice sets in the adjacent year.</summary>
    public static CalendarDiff Between(WorkingCalendar current, CalendarYear year)
    {
        var next = current.WithYear(year);
        var changes = new List<DayChange>();
        // The year itself and the days it sets in the adjacent year (e.g. a make-up day in December).
        var listed = year.Holidays.SelectMany(h => new[] { h.From, h.To }).Concat(year.MakeUpWorkingDays.Select(m => m.Date)).ToList();
        var first = listed.Append(new DateOnly(year.Year, 1, 1)).Min();
        var last = listed.Append(new DateOnly(year.Year, 12, 31)).Max();
        if (first < current.CoveredFrom || first < next.CoveredFrom) first = current.CoveredFrom > next.CoveredFrom ? current.CoveredFrom : next.CoveredFrom;
        if (last > current.CoveredTo || last > next.CoveredTo) last = current.CoveredTo < next.CoveredTo ? current.CoveredTo : next.CoveredTo;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var before = current.GetDayKind(d);
            var after = next.GetDayKind(d).Value;
            if (before.Value != after || (before.Value == DayKind.Holiday && current.HolidayName(d) != next.HolidayName(d)))
                changes.Add(new DayChange(d, before.Value, after, before.Provisional, next.HolidayName(d)));
        }
        return new CalendarDiff(year.Year, current.IsLoaded(year.Year), changes);
    }
}
