using System.Globalization;
using System.Security.Claims;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Clock;

/// <summary>The training clock: trainers move business time forward to show a deemed acceptance
/// or a breach happening. Exists only where the clock is movable (never in Production).</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(BusinessClock clock, IServiceProvider services) : PageModel
{
    public sealed class MoveInput
    {
        /// <summary>China local time, as an HTML datetime-local value (yyyy-MM-ddTHH:mm).</summary>
        public string? Now { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public MoveInput Input { get; set; } = new();
    public string ChinaNow => TrainingClock.China(clock.GetUtcNow());
    public bool Moved => clock is MovableBusinessClock { IsMoved: true };
    public bool JustMoved { get; private set; }

    public IActionResult OnGet(bool moved = false)
    {
        if (clock is not MovableBusinessClock) return NotFound();
        JustMoved = moved;
        Input.Now = clock.GetUtcNow().ToOffset(ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime).AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (clock is not MovableBusinessClock) return NotFound();
        var training = services.GetRequiredService<TrainingClock>();
        if (!DateTime.TryParseExact(Input.Now, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            ModelState.AddModelError("Input.Now", "请填写要拨到的北京时间，格式 年-月-日 时:分。");
            return Page();
        }
        try
        {
            await training.MoveToAsync(new DateTimeOffset(local, ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime),
                User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", User.Identity?.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(), Input.Reason, ct);
        }
        catch (ClockMoveException e)
        {
            ModelState.AddModelError("Input.Now", e.Message);
            return Page();
        }
        return RedirectToPage(new { moved = true });
    }
}
