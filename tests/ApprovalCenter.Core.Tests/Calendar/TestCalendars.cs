using ApprovalCenter.Calendar;

namespace ApprovalCenter.Tests.Calendar;

/// <summary>Loads the shipped calendar files the way the product will, so the data itself is under test.</summary>
public static class TestCalendars
{
    public static string Directory => Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", "calendars");

    public static CalendarYear LoadYear(int year) => CalendarYearParser.Parse(File.ReadAllText(Path.Combine(Directory, $"{year}.json")));

    private static readonly Lazy<WorkingCalendar> Shipped = new(() => WorkingCalendar.Create([LoadYear(2025), LoadYear(2026)]));

    /// <summary>2025 and 2026 as shipped; 2027 onwards provisional.</summary>
    public static WorkingCalendar Official => Shipped.Value;

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The obviously-correct day-by-day reference the indexed calendar is checked against. It shares
/// only the input data with the product, not its index.
/// </summary>
public sealed class NaiveCalendar
{
    private readonly HashSet<DateOnly> _holidays = [];
    private readonly HashSet<DateOnly> _makeUps = [];

    public NaiveCalendar(IEnumerable<CalendarYear> years, int provisionalFrom, int provisionalTo)
    {
        var loaded = new HashSet<int>();
        foreach (var y in years)
        {
            loaded.Add(y.Year);
            foreach (var h in y.Holidays) _holidays.UnionWith(h.Days());
            foreach (var m in y.MakeUpWorkingDays) _makeUps.Add(m.Date);
        }
        for (var year = provisionalFrom; year <= provisionalTo; year++)
        {
            if (!loaded.Contains(year)) _holidays.UnionWith(ProvisionalHolidays.For(year).Select(h => h.Date));
        }
    }

    public bool IsWorking(DateOnly d) =>
        _makeUps.Contains(d) || (!_holidays.Contains(d) && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    public DateOnly Add(DateOnly from, int n)
    {
        var d = from;
        while (n > 0)
        {
            d = d.AddDays(1);
            if (IsWorking(d)) n--;
        }
        return d;
    }

    public int Count(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorking(d)) n++;
        return n;
    }
}
