namespace ApprovalCenter.Ratings;

/// <summary>One rating as the indicators see it.</summary>
public readonly record struct RatingFact(RatingLevel Level, bool IsDefault, bool Excluded);

/// <summary>The published indicators of a period or group. A rate is null when its base is empty,
/// which pages show as "暂无数据" rather than 0 % or an error.</summary>
public sealed record RatingIndicatorValues(
    int Services, int Counted, int Voluntary, int Default, int Excluded, int Good, int VoluntaryGood, int Bad,
    IReadOnlyDictionary<RatingLevel, int> PerLevel, decimal? GoodRate, decimal? VoluntaryGoodRate, decimal? UnratedRate);

/// <summary>
/// 好评率, 主动评价好评率 and 未评价率 (rules.md §4), pure. Definitions (written here once, so the
/// dashboards, the public page, the monthly report and the benchmark compute the same):
/// <list type="bullet">
/// <item>An <b>excluded</b> rating (upheld appeal) leaves every count, and its service leaves the base of 未评价率.</item>
/// <item><b>Good</b> = 非常满意, 满意, 基本满意; <b>bad</b> = 不满意, 非常不满意.</item>
/// <item>好评率 = good ÷ counted ratings (voluntary and default).</item>
/// <item>主动评价好评率 = good ÷ voluntary ratings (default ones left out).</item>
/// <item>未评价率 = services the rater did not rate themselves (no rating, or the 7-day default) ÷ services.</item>
/// </list>
/// Rates are fractions rounded to four places (0.7143 = 71.43 %).
/// </summary>
public static class RatingIndicators
{
    public static RatingIndicatorValues Compute(IEnumerable<RatingFact> ratings, int services) =>
        FromCounts(ratings.Select(r => (r, 1)), services);

    /// <summary>The same from grouped counts (a GROUP BY over millions of ratings gives at most 20 groups).</summary>
    public static RatingIndicatorValues FromCounts(IEnumerable<(RatingFact Fact, int Count)> groups, int services)
    {
        var perLevel = RatingLevels.All.ToDictionary(l => l, _ => 0);
        int counted = 0, voluntary = 0, defaults = 0, excluded = 0, good = 0, voluntaryGood = 0, bad = 0;
        foreach (var (r, n) in groups)
        {
            if (r.Excluded) { excluded += n; continue; }
            counted += n;
            perLevel[r.Level] += n;
            var isGood = !RatingLevels.IsBad(r.Level);
            if (isGood) good += n; else bad += n;
            if (r.IsDefault) defaults += n;
            else { voluntary += n; if (isGood) voluntaryGood += n; }
        }
        var baseServices = Math.Max(0, services - excluded);
        return new RatingIndicatorValues(baseServices, counted, voluntary, defaults, excluded, good, voluntaryGood, bad, perLevel,
            Rate(good, counted), Rate(voluntaryGood, voluntary), Rate(Math.Max(0, baseServices - voluntary), baseServices));
    }

    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary>"71.43%", or "暂无数据" for an empty base.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%" : NoData;

    public const string NoData = "暂无数据";
}
