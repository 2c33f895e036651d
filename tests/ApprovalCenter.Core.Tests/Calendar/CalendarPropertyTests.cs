using ApprovalCenter.Calendar;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Calendar;

/// <summary>Randomised (fixed seed) checks of the indexed calendar against its defining properties and a day-by-day reference.</summary>
public sealed class CalendarPropertyTests
{
    private const int Samples = 20_000;
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2027, 12, 31); // includes a provisional year

    private static (DateOnly From, int N) Sample(Random rng) =>
        (First.AddDays(rng.Next(Last.DayNumber - First.DayNumber + 1)), rng.Next(0, 121));

    [Test]
    public void Fast_calendar_equals_the_naive_day_by_day_reference()
    {
        var naive = new NaiveCalendar([LoadYear(2025), LoadYear(2026)], 2027, 2036);
        var rng = new Random(20260101);
        for (var i = 0; i < Samples; i++)
        {
            var (from, n) = Sample(rng);
            var to = from.AddDays(rng.Next(0, 200));
            Assert.That(Official.AddWorkingDays(from, n).Value, Is.EqualTo(naive.Add(from, n)), $"Add({from}, {n})");
            Assert.That(Official.CountWorkingDays(from, to).Value, Is.EqualTo(naive.Count(from, to)), $"Count({from}, {to})");
            Assert.That(Official.IsWorkingDay(from).Value, Is.EqualTo(naive.IsWorking(from)), $"IsWorkingDay({from})");
        }
    }

    [Test]
    public void Add_and_count_are_inverse_and_add_never_lands_on_a_non_working_day()
    {
        var rng = new Random(42);
        for (var i = 0; i < Samples; i++)
        {
            var (from, n) = Sample(rng);
            if (n == 0) n = 1;
            var end = Official.AddWorkingDays(from, n).Value;
            Assert.That(Official.CountWorkingDays(from, end).Value, Is.EqualTo(n), $"Count({from}, Add({from}, {n}))");
            Assert.That(Official.IsWorkingDay(end).Value, Is.True, $"Add({from}, {n}) = {end}");
            Assert.That(Official.CountWorkingDays(from, end.AddDays(-1)).Value, Is.EqualTo(n - 1), "the result is the earliest such day");
        }
    }

    [Test]
    public void Results_are_monotone_in_n_and_in_the_start()
    {
        var rng = new Random(7);
        for (var i = 0; i < Samples; i++)
        {
            var (from, n) = Sample(rng);
            var later = from.AddDays(rng.Next(1, 10));
            Assert.That(Official.AddWorkingDays(from, n + 1).Value, Is.GreaterThan(Official.AddWorkingDays(from, n).Value));
            Assert.That(Official.AddWorkingDays(later, n).Value, Is.GreaterThanOrEqualTo(Official.AddWorkingDays(from, n).Value));
        }
    }

    [Test]
    public void Negative_add_undoes_positive_add_on_working_days()
    {
        var rng = new Random(99);
        for (var i = 0; i < Samples; i++)
        {
            var (from, n) = Sample(rng);
            from = Official.NextWorkingDay(from).Value;
            var end = Official.AddWorkingDays(from, n).Value;
            Assert.That(Official.AddWorkingDays(end, -n).Value, Is.EqualTo(from));
        }
    }
}
