using ApprovalCenter.Calendar;
using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>The phone page of one ticket (from the QR code): position, estimated wait, and the call.
/// Refreshes itself without JavaScript (meta refresh); with JavaScript it updates on each hall event.</summary>
public sealed class TicketModel(HallOperations hall, ServiceHours serviceHours) : PageModel
{
    public TicketView Ticket { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await hall.TicketByCodeAsync(code, ct) is not { } t) return NotFound();
        Ticket = await TicketView.BuildAsync(t, hall, serviceHours, ct);
        return Page();
    }
}
