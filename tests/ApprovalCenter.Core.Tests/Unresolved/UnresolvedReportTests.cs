using ApprovalCenter.Unresolved;

namespace ApprovalCenter.Core.Tests.Unresolved;

public sealed class UnresolvedReportTests
{
    private static readonly DateOnly Mon = new(2026, 12, 7);

    [Test]
    public void Outcomes_and_times_are_bucketed_per_iso_week_with_empty_weeks_kept()
    {
        FinishedMatter[] matters =
        [
            new(MatterStatus.Closed, true, 0, Mon, 3, false),
            new(MatterStatus.Closed, true, 1, Mon.AddDays(4), 5, false),
            new(MatterStatus.Referred, null, 0, Mon.AddDays(2), null, false),
            new(MatterStatus.Closed, true, 0, Mon.AddDays(14), 16, true),
        ];
        var outcomes = UnresolvedReport.Outcomes(matters, ReportPeriod.Week, Mon, Mon.AddDays(20));
        Assert.That(outcomes.Select(o => o.Period), Is.EqualTo(new[] { "2026-W50", "2026-W51", "2026-W52" }));
        Assert.That(outcomes[0], Is.EqualTo(new UnresolvedReport.OutcomeRow("2026-W50", 1, 1, 1, 0, 3)));
        Assert.That(outcomes[1].Total, Is.Zero);
        Assert.That(outcomes[2], Is.EqualTo(new UnresolvedReport.OutcomeRow("2026-W52", 1, 0, 0, 1, 1)));

        var times = UnresolvedReport.TimesToClose(matters, ReportPeriod.Week, Mon, Mon.AddDays(20));
        Assert.That(times[0], Is.EqualTo(new UnresolvedReport.TimeRow("2026-W50", 2, 4.0, 3, 5, 100.0)));
        Assert.That(times[1].Closed, Is.Zero);
        Assert.That(times[2].OnTimePercent, Is.EqualTo(0.0));
    }

    [Test]
    public void Months_start_on_the_first_and_days_on_themselves()
    {
        Assert.That(UnresolvedReport.Buckets(ReportPeriod.Month, new(2026, 11, 15), new(2027, 1, 2)).Select(d => UnresolvedReport.Label(ReportPeriod.Month, d)),
            Is.EqualTo(new[] { "2026-11", "2026-12", "2027-01" }));
        Assert.That(UnresolvedReport.Buckets(ReportPeriod.Day, Mon, Mon.AddDays(2)), Has.Count.EqualTo(3));
    }

    [Test]
    public void The_12345_limits_are_the_Guangdong_ones()
    {
        Assert.That(Enum.GetValues<HotlineCategory>().Select(UnresolvedLimits.HotlineDays), Is.EqualTo(new[] { 2, 10, 10, 15, 15 }));
    }
}
