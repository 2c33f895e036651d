using ApprovalCenter.Ratings;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Ratings;

/// <summary>The published indicators (rules.md §4) against values computed by hand.</summary>
public sealed class RatingIndicatorsTests
{
    private static IEnumerable<RatingFact> Many(int n, RatingLevel level, bool isDefault = false, bool excluded = false) =>
        Enumerable.Repeat(new RatingFact(level, isDefault, excluded), n);

    [Test]
    public void Voluntary_default_and_excluded_ratings_give_the_hand_computed_rates()
    {
        // 20 services delivered. Voluntary: 6 非常满意, 3 满意, 1 基本满意, 2 不满意, 1 非常不满意 (13).
        // Default: 4 基本满意. Excluded by upheld appeals: 1 非常不满意. Unrated, no default yet: 2.
        var facts = Many(6, RatingLevel.VerySatisfied).Concat(Many(3, RatingLevel.Satisfied)).Concat(Many(1, RatingLevel.Basic))
            .Concat(Many(2, RatingLevel.Dissatisfied)).Concat(Many(1, RatingLevel.VeryDissatisfied))
            .Concat(Many(4, RatingLevel.Basic, isDefault: true))
            .Concat(Many(1, RatingLevel.VeryDissatisfied, excluded: true));
        var v = RatingIndicators.Compute(facts, services: 20);

        Assert.That((v.Counted, v.Voluntary, v.Default, v.Excluded, v.Services), Is.EqualTo((17, 13, 4, 1, 19)));
        Assert.That((v.Good, v.Bad, v.VoluntaryGood), Is.EqualTo((14, 3, 10)));
        Assert.That(v.GoodRate, Is.EqualTo(0.8235m), "好评率 14/17");
        Assert.That(v.VoluntaryGoodRate, Is.EqualTo(0.7692m), "主动评价好评率 10/13");
        Assert.That(v.UnratedRate, Is.EqualTo(0.3158m), "未评价率 (19 − 13)/19: the 4 defaults and 2 unrated");
        Assert.That(v.PerLevel[RatingLevel.Basic], Is.EqualTo(5));
        Assert.That(v.PerLevel[RatingLevel.VeryDissatisfied], Is.EqualTo(1), "the excluded one is not counted");
        Assert.That(RatingIndicators.Percent(v.GoodRate), Is.EqualTo("82.35%"));
    }

    [Test]
    public void An_empty_period_has_no_rates_and_says_no_data()
    {
        var v = RatingIndicators.Compute([], 0);
        Assert.That((v.GoodRate, v.VoluntaryGoodRate, v.UnratedRate), Is.EqualTo(((decimal?)null, (decimal?)null, (decimal?)null)));
        Assert.That(RatingIndicators.Percent(v.GoodRate), Is.EqualTo("暂无数据"));
        var onlyDefaults = RatingIndicators.Compute(Many(3, RatingLevel.Basic, isDefault: true), 3);
        Assert.That((onlyDefaults.GoodRate, onlyDefaults.VoluntaryGoodRate, onlyDefaults.UnratedRate), Is.EqualTo(((decimal?)1m, (decimal?)null, (decimal?)1m)));
    }

    [TestCase("非常不满意", RatingLevel.VeryDissatisfied, true)]
    [TestCase("不满意", RatingLevel.Dissatisfied, true)]
    [TestCase("基本满意", RatingLevel.Basic, false)]
    [TestCase("Satisfied", RatingLevel.Satisfied, false)]
    [TestCase("5", RatingLevel.VerySatisfied, false)]
    public void The_five_levels_parse_and_the_last_two_are_bad(string text, RatingLevel level, bool bad)
    {
        Assert.That(RatingLevels.TryParse(text, out var l), Is.True);
        Assert.That((l, RatingLevels.IsBad(l)), Is.EqualTo((level, bad)));
    }

    [TestCase("6")] [TestCase("0")] [TestCase("一般")] [TestCase("")] [TestCase(null)]
    public void Anything_else_is_not_a_level(string? text) => Assert.That(RatingLevels.TryParse(text, out _), Is.False);

    [Test]
    public void Work_order_steps_go_only_in_order()
    {
        Assert.That(WorkOrderFlow.Refusal(WorkOrderStep.Callback, WorkOrderStep.Callback), Is.Null);
        Assert.That(WorkOrderFlow.Refusal(WorkOrderStep.Callback, WorkOrderStep.Rectification), Does.Contain("请先完成“回访评价人”"));
        Assert.That(WorkOrderFlow.Refusal(WorkOrderStep.Rectification, WorkOrderStep.Callback), Does.Contain("已完成"));
        Assert.That(WorkOrderFlow.Refusal(WorkOrderStep.Closed, WorkOrderStep.ReportBack), Does.Contain("已办结"));
    }

    [Test]
    public void Work_order_deadlines_count_working_days_from_the_bad_rating()
    {
        // Friday 2026-12-04 15:00: 1 wd = Monday Dec 7 (warning at its start, overdue at its end),
        // 5 wd = Friday Dec 11, 15 wd = Friday Dec 25.
        var d = WorkOrderDeadlines.For(Official, new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.FromHours(8)));
        var cst = TimeSpan.FromHours(8);
        Assert.That(d.CallbackWarningAt, Is.EqualTo(new DateTimeOffset(2026, 12, 7, 0, 0, 0, cst)));
        Assert.That(d.CallbackDueAt, Is.EqualTo(new DateTimeOffset(2026, 12, 8, 0, 0, 0, cst)));
        Assert.That(d.RectificationDueAt, Is.EqualTo(new DateTimeOffset(2026, 12, 12, 0, 0, 0, cst)));
        Assert.That(d.RectificationCapAt, Is.EqualTo(new DateTimeOffset(2026, 12, 26, 0, 0, 0, cst)));
    }
}
