namespace ApprovalCenter.Unresolved;

/// <summary>Where a 办不成事 matter stands. Its own life cycle, not an approval case: it is
/// received, dispatched to the parties involved, answered to the person and called back.</summary>
public enum MatterStatus
{
    /// <summary>Received at the window or online, not yet dispatched.</summary>
    Received = 0,
    /// <summary>Dispatched to at least one party; replies are awaited.</summary>
    Dispatched = 1,
    /// <summary>The person was given the answer; the callback is due.</summary>
    Answered = 2,
    /// <summary>Called back and satisfied (or closed by a supervisor after the callback).</summary>
    Closed = 3,
    /// <summary>Out of scope (litigation, administrative review, petition): referred, with the reason.</summary>
    Referred = 4,
}

public enum MatterChannel { Window = 0, Online = 1 }

/// <summary>Who a matter is dispatched to.</summary>
public enum PartyKind
{
    /// <summary>One of the bureau's departments (住建, 人防 …).</summary>
    Department = 0,
    /// <summary>Another body outside the bureau (a district office, a utility …).</summary>
    OutsideBody = 1,
    /// <summary>The 12345 government service hotline platform.</summary>
    Hotline12345 = 2,
}

/// <summary>The 12345 work-order types and their Guangdong limits in working days (rules.md §3).</summary>
public enum HotlineCategory { Consultation = 0, HelpRequest = 1, Suggestion = 2, Complaint = 3, Report = 4 }

/// <summary>Channels that exclude a matter from the window: it is referred, with the reason recorded.</summary>
public enum ExclusionChannel { None = 0, Litigation = 1, AdministrativeReview = 2, Petition = 3 }

public enum PartyStatus { Dispatched = 0, Replied = 1 }

/// <summary>The delivery state of a 12345 hand-off in the outbox.</summary>
public enum HandOffStatus { Pending = 0, Sent = 1 }

public static class UnresolvedTexts
{
    public static string Status(MatterStatus s) => s switch
    {
        MatterStatus.Received => "已受理",
        MatterStatus.Dispatched => "协调办理中",
        MatterStatus.Answered => "已答复待回访",
        MatterStatus.Closed => "已办结",
        MatterStatus.Referred => "已转出（不属受理范围）",
        _ => s.ToString(),
    };

    public static string Channel(MatterChannel c) => c == MatterChannel.Window ? "窗口" : "网上";

    public static string Party(PartyKind k) => k switch
    {
        PartyKind.Department => "局内部门",
        PartyKind.OutsideBody => "外部单位",
        PartyKind.Hotline12345 => "12345热线平台",
        _ => k.ToString(),
    };

    public static string Category(HotlineCategory c) => c switch
    {
        HotlineCategory.Consultation => "咨询",
        HotlineCategory.HelpRequest => "求助",
        HotlineCategory.Suggestion => "建议",
        HotlineCategory.Complaint => "投诉",
        HotlineCategory.Report => "举报",
        _ => c.ToString(),
    };

    public static string Exclusion(ExclusionChannel e) => e switch
    {
        ExclusionChannel.None => "无",
        ExclusionChannel.Litigation => "已进入诉讼程序",
        ExclusionChannel.AdministrativeReview => "已申请行政复议",
        ExclusionChannel.Petition => "已进入信访渠道",
        _ => e.ToString(),
    };

    /// <summary>The name of the 12345 party, as shown and journaled.</summary>
    public const string HotlineName = "12345热线平台";
}
