namespace ApprovalCenter.Ratings;

/// <summary>The five national levels of 国办发〔2019〕51号 (rules.md §4). The number is the score
/// (5 best), so a client may send either the Chinese label, the name or the score.</summary>
public enum RatingLevel { VeryDissatisfied = 1, Dissatisfied = 2, Basic = 3, Satisfied = 4, VerySatisfied = 5 }

/// <summary>Where a rating came in (rules.md §4: window device/QR code, online, 12345).</summary>
public enum RatingChannel { Window = 0, Online = 1, Hotline12345 = 2 }

/// <summary>What is rated: one matter online (一事一评) or one service at a window (一次一评, a hall visit leg).</summary>
public enum RatedService { Matter = 0, VisitLeg = 1 }

public static class RatingLevels
{
    public static readonly IReadOnlyList<RatingLevel> All =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.Basic, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public static string Label(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.Basic => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>不满意 and 非常不满意 are bad ratings (差评); each opens a work order.</summary>
    public static bool IsBad(RatingLevel level) => level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;

    /// <summary>Reads a level from its Chinese label, its English name or its score 1–5; anything else is not one of the five.</summary>
    public static bool TryParse(string? text, out RatingLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var l in All)
            if (Label(l) == t || string.Equals(l.ToString(), t, StringComparison.OrdinalIgnoreCase) || ((int)l).ToString() == t) { level = l; return true; }
        return false;
    }

    public static string ChannelLabel(RatingChannel channel) => channel switch
    {
        RatingChannel.Window => "窗口评价器/二维码",
        RatingChannel.Online => "网上评价",
        RatingChannel.Hotline12345 => "12345热线",
        _ => channel.ToString(),
    };

    public static bool TryParseChannel(string? text, out RatingChannel channel)
    {
        RatingChannel? parsed = text?.Trim().ToLowerInvariant() switch
        {
            "window" => RatingChannel.Window,
            "online" => RatingChannel.Online,
            "12345" or "hotline12345" => RatingChannel.Hotline12345,
            _ => null,
        };
        channel = parsed ?? default;
        return parsed is not null;
    }
}
