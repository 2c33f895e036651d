using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>The hall TV: latest calls in large type, waiting per service and the time. Rendered
/// whole by the server (and refreshed by meta refresh without JavaScript); hall-display.js keeps it
/// live from the event stream, reconnects, falls back to polling and speaks each call.</summary>
public sealed class DisplayModel(HallOperations hall) : PageModel
{
    public DisplaySnapshot Snapshot { get; private set; } = null!;
    public async Task OnGetAsync(CancellationToken ct) => Snapshot = await HallApi.SnapshotAsync(hall, ct);
}
