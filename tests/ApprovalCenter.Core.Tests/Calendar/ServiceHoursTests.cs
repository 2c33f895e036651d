using ApprovalCenter.Calendar;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Calendar;

public sealed class ServiceHoursTests
{
    private static readonly ServiceHours Hours = ServiceHours.Default;
    private static DateTimeOffset Cst(string local) => DateTimeOffset.Parse(local + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase("2026-03-06T10:00", "2026-03-06", HallWindow.Normal)]
    [TestCase("2026-03-06T08:00", "2026-03-06", HallWindow.Closed)]     // before opening: still today
    [TestCase("2026-03-06T17:29", "2026-03-06", HallWindow.Normal)]
    [TestCase("2026-03-06T17:30", "2026-03-09", HallWindow.AfterHours)] // close of business: next working day
    [TestCase("2026-03-06T18:45", "2026-03-09", HallWindow.AfterHours)]
    [TestCase("2026-03-06T19:30", "2026-03-09", HallWindow.Closed)]
    [TestCase("2026-03-07T10:00", "2026-03-09", HallWindow.Saturday)]   // 周六不打烊 serves but does not count
    [TestCase("2026-03-07T13:00", "2026-03-09", HallWindow.Closed)]
    [TestCase("2026-03-08T10:00", "2026-03-09", HallWindow.Closed)]
    [TestCase("2026-02-28T10:00", "2026-02-28", HallWindow.Normal)]     // make-up Saturday is a normal working day
    [TestCase("2026-02-21T10:00", "2026-02-24", HallWindow.Closed)]     // Saturday inside Spring Festival: no Saturday service
    [TestCase("2026-02-13T18:00", "2026-02-14", HallWindow.AfterHours)] // Friday evening before the make-up Saturday
    public void Receipts_count_from_the_next_working_day_outside_normal_hours(string local, string counting, HallWindow window)
    {
        var at = Cst(local);
        Assert.That(Hours.CountingDate(at, Official).Value, Is.EqualTo(D(counting)));
        var status = Hours.StatusAt(at, Official);
        Assert.That(status.Window, Is.EqualTo(window));
        Assert.That(status.IsOpen, Is.EqualTo(window != HallWindow.Closed));
        Assert.That(status.CountingDate, Is.EqualTo(D(counting)));
    }

    [Test]
    public void Instants_in_other_offsets_are_read_in_China_Standard_Time()
    {
        // 09:45 UTC is 17:45 in Qingyuan: after close.
        Assert.That(Hours.CountingDate(DateTimeOffset.Parse("2026-03-06T09:45:00Z"), Official).Value, Is.EqualTo(D("2026-03-09")));
        // 2026-03-08 23:30 UTC is Monday 07:30 in Qingyuan: counts on Monday.
        Assert.That(Hours.CountingDate(DateTimeOffset.Parse("2026-03-08T23:30:00Z"), Official).Value, Is.EqualTo(D("2026-03-09")));
    }

    [Test]
    public void Hours_are_data_closed_days_and_no_saturday_service_are_honoured()
    {
        var custom = new ServiceHours { Close = new TimeOnly(18, 0), SaturdayOpen = null, SaturdayClose = null, ClosedDays = new HashSet<DateOnly> { D("2026-03-09") } }.Validate();
        Assert.That(custom.CountingDate(Cst("2026-03-06T17:45"), Official).Value, Is.EqualTo(D("2026-03-06")));
        Assert.That(custom.StatusAt(Cst("2026-03-07T10:00"), Official).Window, Is.EqualTo(HallWindow.Closed));
        Assert.That(custom.CountingDate(Cst("2026-03-07T10:00"), Official).Value, Is.EqualTo(D("2026-03-10")), "closed Monday is skipped");
        Assert.Throws<ArgumentException>(() => new ServiceHours { Close = new TimeOnly(8, 0) }.Validate());
    }

    [Test]
    public void A_receipt_on_the_last_evening_of_the_loaded_years_is_provisional()
    {
        var r = Hours.CountingDate(Cst("2026-12-31T18:00"), Official);
        Assert.That(r.Value, Is.EqualTo(D("2027-01-04")));
        Assert.That(r.Provisional, Is.True);
    }
}
