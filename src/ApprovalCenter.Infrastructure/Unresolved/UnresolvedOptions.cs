namespace ApprovalCenter.Unresolved;

/// <summary>The "ApprovalCenter:Unresolved" section: the 办不成事 window's limits and the 12345 link.</summary>
public sealed class UnresolvedOptions
{
    public const string Section = "ApprovalCenter:Unresolved";

    /// <summary>Closing deadline in working days from receipt (rules.md §3: configurable, default 15).</summary>
    public int ClosingWorkingDays { get; set; } = 15;
    /// <summary>The warning is raised this many working days before the closing deadline.</summary>
    public int WarningWorkingDaysBefore { get; set; } = 3;
    public HotlineOptions Hotline { get; set; } = new();
}

public sealed class HotlineOptions
{
    /// <summary>The 12345 platform's intake URL. Empty (development): each hand-off is written as a
    /// JSON file into {DataDirectory}/hotline12345 instead.</summary>
    public string? Endpoint { get; set; }
    /// <summary>Sent as X-Api-Key on our hand-offs to the platform. Give it by environment.</summary>
    public string? OutboundApiKey { get; set; }
    /// <summary>The key the platform must send (X-Api-Key) with its replies to /api/v1/unresolved/hotline/replies.
    /// Empty: the endpoint refuses every call. Give it by environment.</summary>
    public string? InboundApiKey { get; set; }
    public int TimeoutSeconds { get; set; } = 20;
}
