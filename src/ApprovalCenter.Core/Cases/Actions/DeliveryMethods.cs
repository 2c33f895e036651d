namespace ApprovalCenter.Cases.Actions;

/// <summary>How a result reaches the applicant: the applicant's choice (codes) and the clerk's
/// hand-over (names) are the same three methods, so the pickup window shows what was chosen.</summary>
public static class DeliveryMethods
{
    public const string AtWindow = "窗口领取", ByPost = "邮寄", Electronic = "电子证照";

    public static readonly IReadOnlyList<string> Codes = ["window", "mail", "electronic"];
    public static readonly IReadOnlyList<string> Names = [AtWindow, ByPost, Electronic];

    /// <summary>The hand-over name of an applicant's code (or of a name already); null when unknown.</summary>
    public static string? Name(string? codeOrName) => codeOrName switch
    {
        "window" or AtWindow => AtWindow,
        "mail" or ByPost => ByPost,
        "electronic" or Electronic => Electronic,
        _ => null,
    };
}
