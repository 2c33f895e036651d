using ApprovalCenter.Calendar;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static WorkingCalendar Cal => Official;

    // Expected dates worked out by hand from the notices in rules.md §1a.
    [TestCase("2025-01-24", 5, "2025-02-07")]  // Fri before Spring Festival: make-up Sun 1-26 counts, Jan 28–Feb 4 off
    [TestCase("2025-01-29", 4, "2025-02-08")]  // from inside the holiday; lands on make-up Sat Feb 8
    [TestCase("2025-01-29", 5, "2025-02-10")]
    [TestCase("2025-02-08", 1, "2025-02-10")]  // from a make-up Saturday
    [TestCase("2025-02-08", 5, "2025-02-14")]
    [TestCase("2025-09-26", 1, "2025-09-28")]  // make-up Sunday before National Day
    [TestCase("2025-09-26", 3, "2025-09-30")]
    [TestCase("2025-09-26", 4, "2025-10-09")]  // Oct 1–8 off
    [TestCase("2025-09-26", 6, "2025-10-11")]  // make-up Saturday Oct 11
    [TestCase("2025-09-26", 20, "2025-10-30")] // a full 20-wd statutory limit across the block
    [TestCase("2025-12-31", 1, "2026-01-04")]  // Jan 1–3 off, make-up Sunday Jan 4
    [TestCase("2025-12-31", 2, "2026-01-05")]
    [TestCase("2026-02-13", 1, "2026-02-14")]  // make-up Saturday before Spring Festival
    [TestCase("2026-02-13", 2, "2026-02-24")]  // Feb 15–23 off
    [TestCase("2026-02-18", 10, "2026-03-06")] // from a holiday; Feb 28 make-up counts
    [TestCase("2026-02-10", 20, "2026-03-16")]
    [TestCase("2026-09-18", 10, "2026-10-09")] // make-up Sep 20, Mid-Autumn 25–27, Oct 1–7 off
    [TestCase("2026-09-18", 11, "2026-10-10")]
    [TestCase("2026-09-18", 12, "2026-10-12")]
    [TestCase("2026-09-20", 5, "2026-09-28")]  // from a make-up Sunday
    [TestCase("2026-10-03", 1, "2026-10-08")]  // from a holiday Saturday
    public void Official_deadlines_match_the_notices(string from, int n, string expected) =>
        Assert.That(Cal.AddWorkingDays(D(from), n).Value, Is.EqualTo(D(expected)));

    [TestCase("2026-02-13", "2026-03-02", 7)]
    [TestCase("2025-09-30", "2025-10-09", 1)]
    [TestCase("2025-10-01", "2025-10-08", 0)]
    [TestCase("2026-03-02", "2026-03-02", 0)]
    public void Count_is_working_days_after_the_start_up_to_and_including_the_end(string from, string to, int expected) =>
        Assert.That(Cal.CountWorkingDays(D(from), D(to)).Value, Is.EqualTo(expected));

    [TestCase("2025-01-26", true, DayKind.MakeUpWorkday)]
    [TestCase("2025-02-04", false, DayKind.Holiday)]
    [TestCase("2025-05-31", false, DayKind.Holiday)]   // Dragon Boat on a Saturday is still a holiday
    [TestCase("2026-02-28", true, DayKind.MakeUpWorkday)]
    [TestCase("2026-03-07", false, DayKind.Weekend)]
    [TestCase("2026-03-09", true, DayKind.Workday)]
    public void Day_kinds_come_from_the_notice(string date, bool working, DayKind kind)
    {
        Assert.That(Cal.IsWorkingDay(D(date)).Value, Is.EqualTo(working));
        Assert.That(Cal.GetDayKind(D(date)).Value, Is.EqualTo(kind));
        Assert.That(Cal.IsWorkingDay(D(date)).Provisional, Is.False);
    }

    [Test]
    public void Shipped_years_match_the_notices_and_name_their_source()
    {
        var y2026 = LoadYear(2026);
        Assert.That(y2026.Source.Title, Is.EqualTo("国务院办公厅关于2026年部分节假日安排的通知"));
        Assert.That(y2026.Source.Published, Is.EqualTo(D("2025-11-04")));
        Assert.That(LoadYear(2025).Source.Document, Is.EqualTo("国办发明电〔2024〕12号"));
        Assert.That(y2026.Holidays.Sum(h => h.To.DayNumber - h.From.DayNumber + 1), Is.EqualTo(33));
        Assert.That(y2026.MakeUpWorkingDays.Select(m => m.Date),
            Is.EqualTo(new[] { D("2026-01-04"), D("2026-02-14"), D("2026-02-28"), D("2026-05-09"), D("2026-09-20"), D("2026-10-10") }));
        Assert.That(Cal.HolidayName(D("2026-02-17")), Is.EqualTo("春节"));
    }

    [Test]
    public void Next_working_day_is_strictly_after()
    {
        Assert.That(Cal.NextWorkingDay(D("2026-03-09")).Value, Is.EqualTo(D("2026-03-10")));
        Assert.That(Cal.NextWorkingDay(D("2026-02-14")).Value, Is.EqualTo(D("2026-02-24")));
    }

    [Test]
    public void Zero_days_is_the_start_day_and_negative_counts_back()
    {
        Assert.That(Cal.AddWorkingDays(D("2026-03-07"), 0).Value, Is.EqualTo(D("2026-03-07")));
        Assert.That(Cal.AddWorkingDays(D("2026-02-24"), -1).Value, Is.EqualTo(D("2026-02-14")));
        Assert.That(Cal.AddWorkingDays(D("2026-02-24"), -2).Value, Is.EqualTo(D("2026-02-13")));
    }

    [Test]
    public void A_date_before_the_first_loaded_year_is_a_clear_error()
    {
        var ex = Assert.Throws<CalendarRangeException>(() => Cal.AddWorkingDays(D("2024-12-31"), 3))!;
        Assert.That(ex.Message, Does.Contain("2024-12-31").And.Contain("早于已加载的工作日历").And.Contain("2025-01-01"));
        Assert.That(ex.CoveredFrom, Is.EqualTo(D("2025-01-01")));
        Assert.Throws<CalendarRangeException>(() => Cal.AddWorkingDays(D("2025-01-03"), -5));
    }

    [Test]
    public void Dates_beyond_the_horizon_are_refused_not_guessed()
    {
        Assert.That(Cal.CoveredTo, Is.EqualTo(D("2036-12-31")));
        Assert.Throws<CalendarRangeException>(() => Cal.IsWorkingDay(D("2037-01-01")));
        Assert.Throws<CalendarRangeException>(() => Cal.AddWorkingDays(D("2036-12-30"), 5));
    }

    [Test]
    public void A_deadline_running_into_an_unannounced_year_is_provisional()
    {
        var r = Cal.AddWorkingDays(D("2026-12-25"), 5);
        // Dec 28–31 (4), Jan 1 2027 provisional New Year holiday, Jan 4 (5).
        Assert.That(r.Value, Is.EqualTo(D("2027-01-04")));
        Assert.That(r.Provisional, Is.True);
        Assert.That(r.ProvisionalYears, Is.EqualTo(new[] { 2027 }));
        Assert.That(Cal.AddWorkingDays(D("2026-12-21"), 5).Provisional, Is.False);
        Assert.That(Cal.CountWorkingDays(D("2026-12-25"), D("2027-01-04")) is { Value: 5, Provisional: true });
    }

    [Test]
    public void Provisional_generator_reproduces_the_statutory_days_inside_the_real_notices()
    {
        foreach (var year in new[] { 2025, 2026 })
        {
            var official = LoadYear(year).Holidays.SelectMany(h => h.Days()).ToHashSet();
            foreach (var (date, name) in ProvisionalHolidays.For(year))
                Assert.That(official, Does.Contain(date), $"{year} {name} {date}");
        }
        var p2026 = ProvisionalHolidays.For(2026).ToDictionary(h => h.Date, h => h.Name);
        Assert.That(p2026.Where(kv => kv.Value == "春节").Select(kv => kv.Key),
            Is.EqualTo(new[] { D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19") }));
        Assert.That(p2026[D("2026-09-25")], Is.EqualTo("中秋节"));
        Assert.That(p2026[D("2026-06-19")], Is.EqualTo("端午节"));
        Assert.That(p2026[D("2026-04-05")], Is.EqualTo("清明节"));
        Assert.That(p2026, Has.Count.EqualTo(13));
        // 2025 has a leap sixth month: Mid-Autumn must still be Oct 6, not a month late.
        Assert.That(ProvisionalHolidays.For(2025).Single(h => h.Name == "中秋节").Date, Is.EqualTo(D("2025-10-06")));
        Assert.That(ProvisionalHolidays.For(2025).Single(h => h.Name == "清明节").Date, Is.EqualTo(D("2025-04-04")));
    }

    [TestCase(2024, 4)]
    [TestCase(2027, 5)]
    [TestCase(2028, 4)]
    [TestCase(2029, 4)]
    public void Qingming_formula_matches_known_years(int year, int day) =>
        Assert.That(ProvisionalHolidays.QingmingDay(year), Is.EqualTo(day));

    [Test]
    public void Loading_a_year_makes_a_new_calendar_with_a_new_version_and_official_results()
    {
        var y2027 = CalendarYearParser.Parse("""
            { "year": 2027, "source": { "title": "测试用2027年放假安排", "published": "2026-11-01" },
              "holidays": [ { "name": "元旦", "from": "2027-01-01", "to": "2027-01-04" } ],
              "makeUpWorkingDays": [] }
            """);
        var newer = Cal.WithYear(y2027);
        Assert.That(newer.AddWorkingDays(D("2026-12-25"), 5) is { Provisional: false }, Is.True);
        Assert.That(newer.AddWorkingDays(D("2026-12-25"), 5).Value, Is.EqualTo(D("2027-01-05")));
        Assert.That(Cal.AddWorkingDays(D("2026-12-25"), 5).Value, Is.EqualTo(D("2027-01-04")), "the old calendar is unchanged");
        Assert.That(newer.Version, Is.Not.EqualTo(Cal.Version));
        Assert.That(newer.Version.Fingerprint, Is.Not.EqualTo(Cal.Version.Fingerprint));
        Assert.That(newer.LoadedYears, Is.EqualTo(new[] { 2025, 2026, 2027 }));
        Assert.That(WorkingCalendar.Create([LoadYear(2026), LoadYear(2025)]).Version.Fingerprint, Is.EqualTo(Cal.Version.Fingerprint));
    }
}
