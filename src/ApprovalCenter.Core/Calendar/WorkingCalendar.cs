using System.Security.Cryptography;
using System.Text;

namespace ApprovalCenter.Calendar;

/// <summary>
/// The working-day calendar used for every licensing period (ALL Art. 82). Immutable: loading a
/// year returns a new calendar, so a deadline computed on one version never changes underneath
/// its caller. All operations are O(1) lookups in an index precomputed over the covered range
/// (first loaded year up to <see cref="HorizonYears"/> years after the last), because deadlines are
/// recomputed for every open case on every calendar change.
/// </summary>
public sealed class WorkingCalendar
{
    public const int DefaultHorizonYears = 10;
    private static readonly IReadOnlyList<int> NoYears = Array.Empty<int>();

    private readonly SortedDictionary<int, CalendarYear> _years;
    private readonly int _firstDayNumber;
    private readonly DayKind[] _kinds;
    private readonly string?[] _holidayNames;
    private readonly int[] _prefix;    // _prefix[i] = working days among day indices [0, i)
    private readonly int[] _ordinals;  // _ordinals[k] = day index of the k-th working day (0-based)
    private readonly bool[] _provisional; // per year offset from CoveredFrom.Year
    private readonly int _firstProvisionalIndex; // day index of the first day of the first provisional year
    private readonly int[][] _singleYears;
    private readonly byte[] _yearOfDay;    // year offset from CoveredFrom.Year per day index, to avoid date arithmetic on the hot path // cached one-year lists so results need not allocate

    private WorkingCalendar(SortedDictionary<int, CalendarYear> years, int horizonYears)
    {
        if (years.Count == 0) throw new ArgumentException("工作日历至少需要加载一个年度的放假安排。", nameof(years));
        if (horizonYears < 0) throw new ArgumentOutOfRangeException(nameof(horizonYears));
        _years = years;
        HorizonYears = horizonYears;
        var firstYear = years.Keys.First();
        var lastYear = Math.Min(years.Keys.Last() + horizonYears, CalendarYearParser.MaxYear);
        CoveredFrom = new DateOnly(firstYear, 1, 1);
        CoveredTo = new DateOnly(lastYear, 12, 31);
        _firstDayNumber = CoveredFrom.DayNumber;
        var length = CoveredTo.DayNumber - _firstDayNumber + 1;

        _kinds = new DayKind[length];
        _holidayNames = new string?[length];
        _provisional = new bool[lastYear - firstYear + 1];
        for (var i = 0; i < length; i++)
        {
            var d = DateOnly.FromDayNumber(_firstDayNumber + i);
            _kinds[i] = d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
        }
        for (var y = firstYear; y <= lastYear; y++)
        {
            if (years.ContainsKey(y)) continue;
            _provisional[y - firstYear] = true;
            foreach (var (d, name) in ProvisionalHolidays.For(y)) Mark(d, DayKind.Holiday, name);
        }
        // Official notices on top, the older first: a notice may set days of the adjacent year (the
        // 2019 notice made Saturday Dec 29 2018 a working day), and on such a day the later notice
        // decides. Days before the first loaded year lie outside the calendar and are left out.
        foreach (var official in years.Values.OrderBy(o => o.Source.Published).ThenBy(o => o.Year))
        {
            if (official.Holidays.Any(h => !CalendarYearParser.Covers(official.Year, h.From) || !CalendarYearParser.Covers(official.Year, h.To) || h.To < h.From)
                || official.MakeUpWorkingDays.Any(m => !CalendarYearParser.Covers(official.Year, m.Date)))
                throw new ArgumentException($"{official.Year} 年的日历数据包含不属于该年的日期；请通过 CalendarYearParser 读取。", nameof(years));
            foreach (var block in official.Holidays)
            foreach (var d in block.Days())
                Mark(d, DayKind.Holiday, block.Name);
            foreach (var m in official.MakeUpWorkingDays) Mark(m.Date, DayKind.MakeUpWorkday, null);
        }

        var firstProvisional = Array.IndexOf(_provisional, true);
        _firstProvisionalIndex = firstProvisional < 0 ? int.MaxValue : new DateOnly(firstYear + firstProvisional, 1, 1).DayNumber - _firstDayNumber;
        _yearOfDay = new byte[length];
        for (var i = 0; i < length; i++) _yearOfDay[i] = (byte)(DateOnly.FromDayNumber(_firstDayNumber + i).Year - firstYear);
        _singleYears = Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => new[] { y }).ToArray();
        _prefix = new int[length + 1];
        var ordinals = new List<int>(length * 3 / 4);
        for (var i = 0; i < length; i++)
        {
            var working = IsWorkingKind(_kinds[i]);
            _prefix[i + 1] = _prefix[i] + (working ? 1 : 0);
            if (working) ordinals.Add(i);
        }
        _ordinals = ordinals.ToArray();
        Version = new CalendarVersion(years.Keys.ToList(), Fingerprint(years.Values));
    }

    private void Mark(DateOnly d, DayKind kind, string? name)
    {
        var i = d.DayNumber - _firstDayNumber;
        if ((uint)i >= (uint)_kinds.Length) return;
        _kinds[i] = kind;
        _holidayNames[i] = name;
    }

    /// <summary>A calendar from the loaded official years; later duplicates of a year replace earlier ones.</summary>
    public static WorkingCalendar Create(IEnumerable<CalendarYear> years, int horizonYears = DefaultHorizonYears)
    {
        var map = new SortedDictionary<int, CalendarYear>();
        foreach (var y in years) map[y.Year] = y;
        return new WorkingCalendar(map, horizonYears);
    }

    /// <summary>A new calendar with <paramref name="year"/> added (or replacing the same year, e.g. a corrected notice).</summary>
    public WorkingCalendar WithYear(CalendarYear year)
    {
        var map = new SortedDictionary<int, CalendarYear>(_years) { [year.Year] = year };
        return new WorkingCalendar(map, HorizonYears);
    }

    public int HorizonYears { get; }
    public DateOnly CoveredFrom { get; }
    public DateOnly CoveredTo { get; }
    public CalendarVersion Version { get; }
    public IReadOnlyList<CalendarYear> Years => _years.Values.ToList();
    public IReadOnlyList<int> LoadedYears => Version.LoadedYears;
    public bool IsLoaded(int year) => _years.ContainsKey(year);
    public CalendarYear? GetYear(int year) => _years.GetValueOrDefault(year);

    public CalendarResult<bool> IsWorkingDay(DateOnly date) =>
        new(IsWorkingKind(_kinds[Index(date)]), ProvisionalYearsBetween(date, date));

    public CalendarResult<DayKind> GetDayKind(DateOnly date) => new(_kinds[Index(date)], ProvisionalYearsBetween(date, date));

    /// <summary>The festival a date belongs to (official or provisional), or null when it is not a holiday.</summary>
    public string? HolidayName(DateOnly date) => _holidayNames[Index(date)];

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public CalendarResult<DateOnly> NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="from"/>; the start day is not
    /// counted (Civil Code Art. 201), so a 20-wd limit from D ends on the 20th working day after D.
    /// n = 0 returns <paramref name="from"/> (immediate items); a negative n counts backwards.
    /// </summary>
    public CalendarResult<DateOnly> AddWorkingDays(DateOnly from, int n)
    {
        var i = Index(from);
        if (n == 0) return new(from, ProvisionalYearsBetween(from, from));
        var k = n > 0 ? _prefix[i + 1] + n - 1 : _prefix[i] + n;
        if ((uint)k >= (uint)_ordinals.Length) ThrowBeyond(from, n);
        var result = DateOnly.FromDayNumber(_firstDayNumber + _ordinals[k]);
        return new(result, n > 0 ? ProvisionalYearsBetween(from, result) : ProvisionalYearsBetween(result, from));
    }

    /// <summary>Working days in (from, to]: the days a period starting on <paramref name="from"/> has used by the end of <paramref name="to"/>. Negative when to &lt; from.</summary>
    public CalendarResult<int> CountWorkingDays(DateOnly from, DateOnly to)
    {
        var a = Index(from);
        var b = Index(to);
        return new(_prefix[b + 1] - _prefix[a + 1], from <= to ? ProvisionalYearsBetween(from, to) : ProvisionalYearsBetween(to, from));
    }

    /// <summary>Years in [a, b] whose official notice is not loaded. Allocation-free for the common one-year cases.</summary>
    private IReadOnlyList<int> ProvisionalYearsBetween(DateOnly a, DateOnly b)
    {
        var bi = b.DayNumber - _firstDayNumber;
        if (bi < _firstProvisionalIndex) return NoYears; // hot path: everything official
        var first = CoveredFrom.Year;
        var single = -1;
        List<int>? list = null;
        for (int o = _yearOfDay[a.DayNumber - _firstDayNumber], last = _yearOfDay[bi]; o <= last; o++)
        {
            if (!_provisional[o]) continue;
            if (single < 0) single = first + o;
            else (list ??= [single]).Add(first + o);
        }
        return list ?? (single < 0 ? NoYears : _singleYears[single - first]);
    }

    private int Index(DateOnly date)
    {
        var i = date.DayNumber - _firstDayNumber;
        if ((uint)i >= (uint)_kinds.Length) ThrowOutOfRange(date);
        return i;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowBeyond(DateOnly from, int n) =>
        throw new CalendarRangeException(from, CoveredFrom, CoveredTo,
            $"从 {from:yyyy-MM-dd} 起{(n > 0 ? "往后" : "往前")}推算 {Math.Abs(n)} 个工作日，超出了工作日历的覆盖范围（{CoveredFrom:yyyy-MM-dd} 至 {CoveredTo:yyyy-MM-dd}）。");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowOutOfRange(DateOnly date)
    {
        if (date < CoveredFrom)
            throw new CalendarRangeException(date, CoveredFrom, CoveredTo,
                $"日期 {date:yyyy-MM-dd} 早于已加载的工作日历（覆盖 {CoveredFrom:yyyy-MM-dd} 至 {CoveredTo:yyyy-MM-dd}），无法计算工作日；请先导入 {date.Year} 年的放假安排。");
        throw new CalendarRangeException(date, CoveredFrom, CoveredTo,
            $"日期 {date:yyyy-MM-dd} 超出工作日历的推算范围（覆盖 {CoveredFrom:yyyy-MM-dd} 至 {CoveredTo:yyyy-MM-dd}）。");
    }

    private static bool IsWorkingKind(DayKind kind) => kind is DayKind.Workday or DayKind.MakeUpWorkday;

    private static string Fingerprint(IEnumerable<CalendarYear> years)
    {
        var sb = new StringBuilder();
        foreach (var y in years)
        {
            sb.Append(y.Year).Append('|').Append(y.Source.Citation).Append('|');
            foreach (var h in y.Holidays.OrderBy(h => h.From)) sb.Append(h.Name).Append(':').Append(h.From.DayNumber).Append('-').Append(h.To.DayNumber).Append(';');
            sb.Append('|');
            foreach (var m in y.MakeUpWorkingDays.OrderBy(m => m.Date)) sb.Append(m.Date.DayNumber).Append(';');
            sb.Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
