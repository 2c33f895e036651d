namespace ApprovalCenter.Ratings;

/// <summary>Configuration under <c>ApprovalCenter:Ratings</c>.</summary>
public sealed class RatingOptions
{
    public const string Section = "ApprovalCenter:Ratings";
    /// <summary>Record 基本满意 (默认评价) for a matter unrated 7 natural days after delivery.</summary>
    public bool DefaultRatingEnabled { get; set; } = true;
    /// <summary>How often delivered matters are looked for, to offer their rating (Hangfire cron, six fields = seconds).</summary>
    public string OfferCron { get; set; } = "*/30 * * * * *";
    /// <summary>Keys of the 12345 hotline's partner system (header <c>X-Partner-Key</c>); empty turns the partner channel off.</summary>
    public List<string> PartnerKeys { get; set; } = [];
}
