using System.Globalization;

namespace ApprovalCenter.Calendar;

/// <summary>
/// The statutory holidays of the 2024 national Measures (全国年节及纪念日放假办法) for a year whose
/// State Council notice is not loaded yet: Jan 1; lunar New Year's Eve to the 3rd day of the 1st
/// month; Qingming; May 1–2; Dragon Boat; Mid-Autumn; Oct 1–3. No make-up days, because those
/// are only known from the notice. Used so a deadline running into next year can still be shown
/// (marked provisional) instead of failing (rules.md §1a).
/// </summary>
public static class ProvisionalHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The holidays of <paramref name="year"/> (2000–2099), each day with its festival name, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year)
    {
        if (year is < CalendarYearParser.MinYear or > CalendarYearParser.MaxYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"暂定节假日只能推算 {CalendarYearParser.MinYear}—{CalendarYearParser.MaxYear} 年。");
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly d, string name) => days.TryAdd(d, name);

        Add(new DateOnly(year, 1, 1), "元旦");
        var newYear = LunarDate(year, 1, 1);
        for (var i = -1; i <= 2; i++) Add(newYear.AddDays(i), "春节");
        Add(new DateOnly(year, 4, QingmingDay(year)), "清明节");
        Add(new DateOnly(year, 5, 1), "劳动节");
        Add(new DateOnly(year, 5, 2), "劳动节");
        Add(LunarDate(year, 5, 5), "端午节");
        Add(LunarDate(year, 8, 15), "中秋节");
        for (var d = 1; d <= 3; d++) Add(new DateOnly(year, 10, d), "国庆节");
        return days.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>
    /// The Gregorian date of lunar month/day in the lunar year that starts in <paramref name="year"/>.
    /// .NET numbers a leap month as an extra month, so months at or after the leap one shift by one.
    /// </summary>
    public static DateOnly LunarDate(int year, int lunarMonth, int lunarDay)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= lunarMonth ? lunarMonth + 1 : lunarMonth;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, lunarDay, 0, 0, 0, 0));
    }

    /// <summary>
    /// The April day of the Qingming solar term for 2000–2099, by the standard 21st-century formula
    /// [Y·0.2422 + 4.81] − [Y/4] with Y the last two digits of the year.
    /// </summary>
    public static int QingmingDay(int year)
    {
        var y = year % 100;
        return (int)Math.Floor(y * 0.2422 + 4.81) - y / 4;
    }
}
