using ApprovalCenter.Hall;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>Applicants take a ticket online for today, book, cancel and reschedule appointments;
/// staff see the appointments of a day. Works without JavaScript: choosing the service and day is
/// a GET that lists the free slots, booking is a POST of one of them.</summary>
[Authorize]
public sealed class AppointmentsModel(HallOperations hall, HallAppointments appointments) : PageModel
{
    public bool IsApplicant => User.IsInRole(Roles.Applicant);
    public bool IsStaff => Roles.Staff.Any(User.IsInRole);
    public List<HallService> Services { get; private set; } = [];
    public List<HallAppointments.SlotInfo> Slots { get; private set; } = [];
    public List<HallAppointment> Mine { get; private set; } = [];
    public List<HallAppointment> Day { get; private set; } = [];
    public List<HallJournalEntry> Journal { get; private set; } = [];
    public DateTimeOffset? BlockedUntil { get; private set; }
    public string? Done { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Replacing { get; set; }
    [BindProperty] public long? Slot { get; set; }
    [BindProperty] public Guid? Appointment { get; set; }

    public string ServiceName(string id) => Services.FirstOrDefault(s => s.Id == id)?.Name ?? id;

    public async Task OnGetAsync(string? done, CancellationToken ct) { Done = done; await LoadAsync(ct); }

    public async Task<IActionResult> OnPostTicketAsync(CancellationToken ct)
    {
        if (!IsApplicant) return Forbid();
        return await RunAsync(async () =>
        {
            var t = await hall.IssueAsync(Service, TicketSource.Online, Web.Hall.HallActors.From(HttpContext), CaseActors.UserId(User), ct: ct);
            return Redirect($"/Hall/Ticket/{t.Code}");
        }, ct);
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        if (!IsApplicant) return Forbid();
        return await RunAsync(async () =>
        {
            var slot = Slot is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : (DateTimeOffset?)null;
            var a = await appointments.BookAsync(CaseActors.UserId(User), Service, slot, Replacing, ct);
            return Redirect($"/Hall/Appointments?done={Uri.EscapeDataString($"已预约 {HallOperations.WhenText(a.Slot)}，预约码 {a.Code}")}");
        }, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (!IsApplicant) return Forbid();
        return await RunAsync(async () =>
        {
            await appointments.CancelAsync(CaseActors.UserId(User), Appointment ?? throw HallException.Invalid("appointment", "请选择预约。"), ct);
            return Redirect("/Hall/Appointments?done=" + Uri.EscapeDataString("预约已取消"));
        }, ct);
    }

    private async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action, CancellationToken ct)
    {
        try { return await action(); }
        catch (HallException e)
        {
            ModelState.AddModelError(e.Field switch { "service" => nameof(Service), "slot" => nameof(Slot), _ => "" }, e.Message);
            Response.StatusCode = e.Status;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Services = await hall.ServicesAsync(ct);
        var today = HallOperations.DayOf(hall.Now());
        Date ??= today;
        if (IsApplicant)
        {
            var me = CaseActors.UserId(User);
            Mine = await appointments.MineAsync(me, ct);
            Journal = await appointments.JournalAsync(Mine.Select(a => a.Code), ct);
            BlockedUntil = await appointments.BlockedUntilAsync(me, ct);
            if (!string.IsNullOrEmpty(Service) && Services.Any(s => s.Id == Service))
                Slots = (await appointments.SlotsAsync(Service, Date.Value, ct)).Where(s => s.Start > hall.Now()).ToList();
        }
        if (IsStaff)
        {
            Day = await appointments.DayAsync(Date.Value, ct);
            Journal = await appointments.JournalAsync(Day.Select(a => a.Code), ct);
        }
    }
}
