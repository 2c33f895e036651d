using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Cases;

/// <summary>Fires a workflow timer (intake lapse, supplement period, verification due, ...):
/// key "wf:{case}:{timer}:{token}".</summary>
public sealed class WorkflowTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => CaseService.TimerKindWorkflow;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        var parts = timer.Key.Split(':');
        return services.GetRequiredService<CaseService>().FireWorkflowTimerAsync(parts[1], parts[2], parts.Length > 3 ? parts[3] : null, timer.DueAt, ct);
    }
}

/// <summary>Fires a clock timer (warning, promised or statutory limit exceeded, ...): key "clock:{case}:{kind}".</summary>
public sealed class ClockTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => CaseService.TimerKindClock;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        var parts = timer.Key.Split(':');
        return services.GetRequiredService<CaseService>().OnClockTimerAsync(parts[1], Enum.Parse<ClockTimerKind>(parts[2]), timer.DueAt, ct);
    }
}

/// <summary>Fires a licence's deemed renewal (ALL Art. 50): key "renewal:{case}".</summary>
public sealed class RenewalTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => CaseService.TimerKindRenewal;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct) =>
        services.GetRequiredService<CaseService>().OnLicenceExpiryAsync(timer.Key.Split(':')[1], timer.DueAt, ct);
}

/// <summary>When a calendar year is loaded, deadlines that were computed on the provisional
/// calendar are recomputed and their timers moved.</summary>
public sealed class ProvisionalDeadlineRefresher(AppDbContext db, CaseService cases) : ICalendarChangeHandler
{
    public async Task OnCalendarChangedAsync(WorkingCalendar calendar, int year, CancellationToken ct)
    {
        var numbers = await db.Set<CaseRecord>().AsNoTracking().Where(c => c.DeadlinesProvisional && c.Status == CaseStatus.Running)
            .Select(c => c.Number).ToListAsync(ct);
        foreach (var number in numbers) await cases.RecomputeDeadlinesAsync(number, ct);
    }
}
