using System.Security.Claims;
using ApprovalCenter.Identity;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Incidents;

/// <summary>Timers that exhausted their retries: the subject (usually a case), what went wrong, and
/// "retry now" once the cause is fixed. Each retry is journaled.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(TimerIncidents incidents) : PageModel
{
    public List<ScheduledTimer> Items { get; private set; } = [];
    public string? Done { get; private set; }
    [BindProperty] public string? Key { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        Items = await incidents.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken ct)
    {
        var outcome = string.IsNullOrWhiteSpace(Key) ? null
            : await incidents.RetryNowAsync(Key, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", User.Identity?.Name ?? "",
                HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome is null)
        {
            ModelState.AddModelError(nameof(Key), "该定时器不是待处理的故障（可能已被他人重试）。");
            Items = await incidents.ListAsync(ct);
            return Page();
        }
        return RedirectToPage(new { done = outcome is TimerJob.FireOutcome.Done ? "fired" : "failed" });
    }

    /// <summary>The case page for a case subject; other subjects have no page.</summary>
    public static string? CaseLink(ScheduledTimer t) => t.Subject.StartsWith("QYGX-", StringComparison.Ordinal) ? $"/Staff/Cases/{t.Subject}" : null;

    public static string KindName(string kind) => kind switch
    {
        ApprovalCenter.Cases.CaseService.TimerKindWorkflow => "流程定时器", ApprovalCenter.Cases.CaseService.TimerKindClock => "时限定时器", ProbeTimerHandler.KindName => "探测定时器", _ => kind,
    };
}
