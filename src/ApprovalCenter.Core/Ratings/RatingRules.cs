namespace ApprovalCenter.Ratings;

/// <summary>The time rules of a rating (rules.md §4), in one place so pages, API and timers agree.</summary>
public static class RatingRules
{
    /// <summary>A rating may be changed within 24 hours of being given.</summary>
    public static readonly TimeSpan ChangeWindow = TimeSpan.FromHours(24);
    /// <summary>Unrated for 7 natural days ⇒ recorded as 基本满意 (Guangdong 2019 trial).</summary>
    public const int DefaultAfterNaturalDays = 7;
    public const RatingLevel DefaultLevel = RatingLevel.Basic;
    public const int MaxCommentLength = 1000;

    public static bool CanChange(DateTimeOffset ratedAt, DateTimeOffset now) => now - ratedAt <= ChangeWindow;

    public static DateTimeOffset DefaultDue(DateTimeOffset deliveredAt) => deliveredAt.AddDays(DefaultAfterNaturalDays);
}
