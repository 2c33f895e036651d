using ApprovalCenter.Calendar;
using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>The touch-screen kiosk: one big button per service, and appointment check-in. A
/// successful press shows the printed ticket (number, service, people ahead, QR code to the phone page).</summary>
public sealed class KioskModel(HallOperations hall, HallAppointments appointments, ServiceHours serviceHours) : PageModel
{
    public List<ServiceDto> Services { get; private set; } = [];
    public TicketView? Printed { get; private set; }
    public string? Qr { get; private set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? CheckIn { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Services = await HallApi.ServicesAsync(hall, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        PrintAsync(() => hall.IssueAsync(Service, TicketSource.Kiosk, HallActor.Kiosk, ct: ct), ct);

    public Task<IActionResult> OnPostCheckInAsync(CancellationToken ct) => PrintAsync(() => appointments.CheckInAsync(CheckIn, ct), ct);

    private async Task<IActionResult> PrintAsync(Func<Task<HallTicket>> issue, CancellationToken ct)
    {
        try
        {
            var ticket = await issue();
            Printed = await TicketView.BuildAsync(ticket, hall, serviceHours, ct);
            Qr = HallQr.DataUri(HallQr.TicketUrl(Request, ticket.Code));
        }
        catch (HallException e)
        {
            ModelState.AddModelError(e.Field == "checkIn" ? nameof(CheckIn) : "", e.Message);
            Response.StatusCode = e.Status;
        }
        Services = await HallApi.ServicesAsync(hall, ct);
        return Page();
    }
}
