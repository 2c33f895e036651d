using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>Every bad-rating work order (/Supervision/WorkOrders), late ones first, filtered by step;
/// each links to its page where supervisors may act like any assignee.</summary>
public sealed class WorkOrdersModel(AppDbContext db, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    public List<WorkOrder> Orders { get; private set; } = [];
    public Dictionary<WorkOrderStep, int> PerStep { get; private set; } = [];
    public WorkOrderStep? Step { get; private set; }
    public DateTimeOffset Now { get; private set; }

    public bool Late(WorkOrder w) =>
        (w.CallbackAt is null && Now >= w.CallbackDueAt) || (w.RectifiedAt is null && Now >= w.RectificationDueAt) || w.CallbackLate;

    public async Task OnGetAsync(string? step, CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Step = WorkOrderFlow.TryParse(step, out var s) ? s : string.Equals(step, "closed", StringComparison.OrdinalIgnoreCase) ? WorkOrderStep.Closed : null;
        PerStep = await db.Set<WorkOrder>().GroupBy(w => w.Step).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var q = db.Set<WorkOrder>().AsNoTracking();
        if (Step is { } only) q = q.Where(w => w.Step == only);
        var rows = await q.OrderByDescending(w => w.OpenedAt).Take(500).ToListAsync(ct);
        Orders = rows.OrderByDescending(Late).ThenBy(w => w.Step == WorkOrderStep.Closed).ThenBy(w => w.CallbackDueAt).ToList();
    }
}
