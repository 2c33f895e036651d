using ApprovalCenter.Hall;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Hall;

public sealed class HallHoursTests
{
    private static readonly HallHours Hours = HallHours.Default;
    private static DateTimeOffset Cst(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase(HoursKind.Normal, "2026-03-06T09:00", true)]
    [TestCase(HoursKind.Normal, "2026-03-06T12:30", false)]   // lunch: the after-hours window serves
    [TestCase(HoursKind.AfterHours, "2026-03-06T12:30", true)]
    [TestCase(HoursKind.AfterHours, "2026-03-06T18:00", true)]
    [TestCase(HoursKind.AfterHours, "2026-03-06T19:30", false)]
    [TestCase(HoursKind.Normal, "2026-03-06T18:00", false)]
    [TestCase(HoursKind.Saturday, "2026-03-07T09:00", true)]
    [TestCase(HoursKind.Saturday, "2026-03-07T16:59", true)]
    [TestCase(HoursKind.Saturday, "2026-03-07T17:00", false)]
    [TestCase(HoursKind.Normal, "2026-03-07T10:00", false)]
    [TestCase(HoursKind.AfterHours, "2026-03-07T12:30", false)]
    [TestCase(HoursKind.Saturday, "2026-03-08T10:00", false)]  // Sunday
    [TestCase(HoursKind.Saturday, "2026-02-21T10:00", false)]  // Saturday in the Spring Festival block
    [TestCase(HoursKind.Saturday, "2026-02-28T10:00", false)]  // make-up working Saturday: normal hours instead
    [TestCase(HoursKind.Normal, "2026-02-28T10:00", true)]
    [TestCase(HoursKind.AfterHours, "2026-02-28T18:00", true)]
    public void A_counter_is_open_only_within_its_own_hours(HoursKind kind, string local, bool open) =>
        Assert.That(Hours.IsOpen(kind, Cst(local), Official), Is.EqualTo(open));

    [Test]
    public void A_closure_shuts_every_kind_of_counter_that_day()
    {
        var closed = Hours with { Closures = new HashSet<DateOnly> { D("2026-03-06") } };
        Assert.That(closed.IsOpen(HoursKind.Normal, Cst("2026-03-06T10:00"), Official), Is.False);
        Assert.That(closed.IsOpen(HoursKind.AfterHours, Cst("2026-03-06T18:00"), Official), Is.False);
        Assert.That(closed.NextOpening(HoursKind.Normal, Cst("2026-03-06T10:00"), Official), Is.EqualTo(Cst("2026-03-09T09:00")));
    }

    [TestCase(HoursKind.Normal, "2026-03-06T10:00", "2026-03-06T10:00")]  // open: now
    [TestCase(HoursKind.Normal, "2026-03-06T12:10", "2026-03-06T14:00")]
    [TestCase(HoursKind.Normal, "2026-03-06T18:00", "2026-03-09T09:00")]  // Friday evening: Monday
    [TestCase(HoursKind.AfterHours, "2026-03-06T15:00", "2026-03-06T17:30")]
    [TestCase(HoursKind.Saturday, "2026-03-06T15:00", "2026-03-07T09:00")]
    [TestCase(HoursKind.Saturday, "2026-02-14T10:00", "2026-03-07T09:00")]  // 14 Feb is a make-up working day; then holidays, 28 Feb make-up again
    public void The_next_opening_follows_the_calendar(HoursKind kind, string local, string next) =>
        Assert.That(Hours.NextOpening(kind, Cst(local), Official), Is.EqualTo(Cst(next)));

    [Test]
    public void Slots_fit_whole_in_each_window()
    {
        var slots = Hours.Slots(HoursKind.Normal, D("2026-03-06"), Official, 30);
        Assert.That(slots, Has.Count.EqualTo(6 + 7)); // 09:00–12:00 and 14:00–17:30
        Assert.That(slots[0], Is.EqualTo(Cst("2026-03-06T09:00")));
        Assert.That(slots[^1], Is.EqualTo(Cst("2026-03-06T17:00")));
        Assert.That(Hours.Slots(HoursKind.Normal, D("2026-03-07"), Official, 30), Is.Empty);
        Assert.That(Hours.Slots(HoursKind.Saturday, D("2026-03-07"), Official, 45), Has.Count.EqualTo(10)); // 8 h / 45 min, whole slots only
    }

    [Test]
    public void Windows_are_parsed_formatted_and_validated()
    {
        var ws = HallHours.ParseWindows("12:00-14:00, 17:30-19:30");
        Assert.That(HallHours.FormatWindows(ws), Is.EqualTo("12:00-14:00, 17:30-19:30"));
        Assert.Throws<FormatException>(() => HallHours.ParseWindows("12-14"));
        var backwards = Hours with { AfterHours = [new(new(19, 0), new(18, 0))] };
        Assert.That(Assert.Throws<ArgumentException>(() => backwards.Validate())!.Message, Does.Contain("延时服务"));
        var overlap = Hours with { Normal = [new(new(9, 0), new(12, 0)), new(new(11, 0), new(13, 0))] };
        Assert.That(Assert.Throws<ArgumentException>(() => overlap.Validate())!.Message, Does.Contain("重叠"));
    }
}

public sealed class QueueRulesTests
{
    private static DateTimeOffset Cst(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Appointments_come_before_walk_ins_within_their_slot_but_not_before_earlier_slots()
    {
        var waiting = new[]
        {
            new QueueOrder.Waiting("A001", Cst("2026-03-06T09:01"), null),
            new QueueOrder.Waiting("A002", Cst("2026-03-06T09:31"), null),
            new QueueOrder.Waiting("A003", Cst("2026-03-06T09:35"), Cst("2026-03-06T09:30")), // checked in for 09:30
            new QueueOrder.Waiting("A004", Cst("2026-03-06T09:20"), Cst("2026-03-06T10:00")), // early for 10:00
            new QueueOrder.Waiting("A005", Cst("2026-03-06T09:40"), null),
        };
        Assert.That(QueueOrder.Order(waiting, 30).Select(w => w.Number), Is.EqualTo(new[] { "A001", "A003", "A002", "A005", "A004" }));
    }

    [Test]
    public void Capacity_estimate_and_speech()
    {
        Assert.That(SlotCapacity.For(openCounters: 4, slotMinutes: 30, minutesPerVisit: 12), Is.EqualTo(5));
        Assert.That(SlotCapacity.For(0, 30, 12), Is.Zero);
        Assert.That(WaitEstimate.For(5, 2, TimeSpan.FromMinutes(10)), Is.EqualTo(TimeSpan.FromMinutes(30)));
        Assert.That(WaitEstimate.For(0, 2, TimeSpan.FromMinutes(10)), Is.EqualTo(TimeSpan.Zero));
        Assert.That(CallText.Speech("A012", 3), Is.EqualTo("请 A012 号到 3 号窗口办理"));
    }

    [Test]
    public void Three_no_shows_within_30_days_block_booking_for_30_days()
    {
        var now = Cst("2026-03-20T10:00");
        var two = new[] { now.AddDays(-1), now.AddDays(-10) };
        Assert.That(NoShowRule.BlockedUntil(two, now), Is.Null);
        var three = two.Append(now.AddDays(-20)).ToArray();
        Assert.That(NoShowRule.BlockedUntil(three, now), Is.EqualTo(now.AddDays(-1).AddDays(30)));
        var spread = new[] { now.AddDays(-1), now.AddDays(-20), now.AddDays(-40) };  // 39 days apart: no block
        Assert.That(NoShowRule.BlockedUntil(spread, now), Is.Null);
        var old = new[] { now.AddDays(-35), now.AddDays(-40), now.AddDays(-45) };    // block ended 5 days ago
        Assert.That(NoShowRule.BlockedUntil(old, now), Is.Null);
    }
}

public sealed class HallStatsTests
{
    [Test]
    public void Nearest_rank_percentiles()
    {
        double[] v = [5, 1, 4, 2, 3, 10, 6, 7, 9, 8];
        Assert.That(HallStats.Median(v), Is.EqualTo(5));
        Assert.That(HallStats.Percentile(v, 90), Is.EqualTo(9));
        Assert.That(HallStats.Percentile([7], 90), Is.EqualTo(7));
        Assert.That(HallStats.Median([]), Is.Null);
    }

    [Test]
    public void Periods_cover_the_day_its_week_from_monday_and_its_month()
    {
        var thursday = new DateOnly(2026, 12, 10);
        Assert.That(HallStats.Range(ReportPeriod.Day, thursday), Is.EqualTo((thursday, thursday)));
        Assert.That(HallStats.Range(ReportPeriod.Week, thursday), Is.EqualTo((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13))));
        Assert.That(HallStats.Range(ReportPeriod.Week, new DateOnly(2026, 12, 13)), Is.EqualTo((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 13))), "Sunday ends its week");
        Assert.That(HallStats.Range(ReportPeriod.Month, thursday), Is.EqualTo((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31))));
    }
}
