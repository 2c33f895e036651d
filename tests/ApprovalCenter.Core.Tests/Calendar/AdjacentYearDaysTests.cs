using ApprovalCenter.Calendar;

namespace ApprovalCenter.Tests.Calendar;

/// <summary>Issue 10, defect 10: a notice may set days of the adjacent year. The 2019 notice (of
/// 2018-12-06) gave Dec 30 2018 – Jan 1 2019 off for New Year and made Saturday Dec 29 2018 a
/// working day. Dec 29 2018 is a Saturday, Jan 2 2019 a Wednesday.</summary>
public sealed class AdjacentYearDaysTests
{
    private static CalendarYear Parse(string json) => CalendarYearParser.Parse(json);

    private static readonly CalendarYear Y2018 = Parse("""
        { "year": 2018, "source": { "title": "国务院办公厅关于2018年部分节假日安排的通知", "published": "2017-11-30" },
          "holidays": [ { "name": "元旦", "from": "2018-01-01", "to": "2018-01-01" } ], "makeUpWorkingDays": [] }
        """);
    private static readonly CalendarYear Y2019 = Parse("""
        { "year": 2019, "source": { "title": "国务院办公厅关于2019年部分节假日安排的通知", "published": "2018-12-06" },
          "holidays": [ { "name": "元旦", "from": "2018-12-30", "to": "2019-01-01" } ],
          "makeUpWorkingDays": [ { "date": "2018-12-29", "for": "元旦" } ] }
        """);

    [Test]
    public void The_2019_notice_makes_Saturday_2018_12_29_a_working_day_and_Monday_2018_12_31_a_holiday()
    {
        var cal = WorkingCalendar.Create([Y2018, Y2019]);
        Assert.That(cal.GetDayKind(new DateOnly(2018, 12, 29)).Value, Is.EqualTo(DayKind.MakeUpWorkday));
        Assert.That(cal.GetDayKind(new DateOnly(2018, 12, 31)).Value, Is.EqualTo(DayKind.Holiday));
        Assert.That(cal.HolidayName(new DateOnly(2018, 12, 31)), Is.EqualTo("元旦"));
        // From Fri Dec 28: Sat Dec 29 is worked, Dec 30 – Jan 1 off, Jan 2.
        Assert.That(cal.AddWorkingDays(new DateOnly(2018, 12, 28), 2).Value, Is.EqualTo(new DateOnly(2019, 1, 2)));
        Assert.That(cal.IsWorkingDay(new DateOnly(2018, 12, 29)).Provisional, Is.False);
    }

    [Test]
    public void The_diff_of_a_notice_lists_its_days_in_the_adjacent_year()
    {
        var diff = CalendarDiff.Between(WorkingCalendar.Create([Y2018]), Y2019);
        Assert.That(diff.Changes.Select(c => c.Date), Does.Contain(new DateOnly(2018, 12, 29)).And.Contain(new DateOnly(2018, 12, 31)));
    }

    [Test]
    public void Days_before_the_earliest_loaded_year_are_ignored_not_an_error()
    {
        var cal = WorkingCalendar.Create([Y2019]);
        Assert.That(cal.CoveredFrom, Is.EqualTo(new DateOnly(2019, 1, 1)));
        Assert.That(cal.GetDayKind(new DateOnly(2019, 1, 1)).Value, Is.EqualTo(DayKind.Holiday));
    }
}
