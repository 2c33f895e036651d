using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.ServiceHours;

/// <summary>Administrators edit the hall's hours (normal, 延时服务, 周六不打烊), closures and the
/// recall / no-show rules; every change is journaled with its reason and listed below the form.</summary>
public sealed class IndexModel(HallOperations hall) : PageModel
{
    public List<HallJournalEntry> Journal { get; private set; } = [];
    public List<HallCounter> Counters { get; private set; } = [];
    public Dictionary<string, string> ServiceNames { get; private set; } = [];
    public bool Saved { get; private set; }

    [BindProperty] public string? Normal { get; set; }
    [BindProperty] public string? AfterHours { get; set; }
    [BindProperty] public string? Saturday { get; set; }
    [BindProperty] public string? Closures { get; set; }
    [BindProperty] public int? MaxRecalls { get; set; }
    [BindProperty] public int? NoShowThreshold { get; set; }
    [BindProperty] public int? NoShowWindowDays { get; set; }
    [BindProperty] public int? NoShowBlockDays { get; set; }
    [BindProperty] public uint? Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        var s = await hall.SettingsAsync(ct);
        (Normal, AfterHours, Saturday, Closures, MaxRecalls, NoShowThreshold, NoShowWindowDays, NoShowBlockDays, Version) =
            (s.Normal, s.AfterHours, s.Saturday, string.Join(", ", s.Closures.Select(d => d.ToString("yyyy-MM-dd"))), s.MaxRecalls, s.NoShowThreshold, s.NoShowWindowDays, s.NoShowBlockDays, s.Version);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadAsync(ct); return Page(); }
        try
        {
            await hall.UpdateSettingsAsync(new HallSettingsInput(Normal, AfterHours, Saturday, Closures, MaxRecalls, NoShowThreshold, NoShowWindowDays, NoShowBlockDays, Version, Reason), HallActors.From(HttpContext), ct);
            return Redirect("/Admin/ServiceHours?saved=true");
        }
        catch (HallException e)
        {
            var field = e.Field is null ? "" : char.ToUpperInvariant(e.Field[0]) + e.Field[1..];
            ModelState.AddModelError(field, e.Message);
            Response.StatusCode = e.Status;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Journal = await hall.SettingsJournalAsync(ct);
        Counters = await hall.CountersAsync(ct);
        ServiceNames = (await hall.ServicesAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
    }
}
