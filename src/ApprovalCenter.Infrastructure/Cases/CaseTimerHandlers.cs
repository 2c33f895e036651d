using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

/// <summary>When a calendar year is loaded or corrected, every running case computed on another
/// calendar (its stored fingerprint differs) or on a provisional year is recomputed and its timers
/// moved. One case that cannot be recomputed is logged and skipped, never the rest: the year is
/// already saved, and the case keeps its old fingerprint so the next change picks it up again.</summary>
public sealed class ProvisionalDeadlineRefresher(AppDbContext db, CaseService cases, ILogger<ProvisionalDeadlineRefresher> log) : ICalendarChangeHandler
{
    private const int ConflictRetries = 3;

    public async Task OnCalendarChangedAsync(WorkingCalendar calendar, int year, CancellationToken ct)
    {
        var fingerprint = calendar.Version.Fingerprint;
        var numbers = await db.Set<CaseRecord>().AsNoTracking()
            .Where(c => c.Status == CaseStatus.Running && (c.DeadlinesProvisional || c.CalendarFingerprint != fingerprint))
            .OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(ct);
        var failed = 0;
        foreach (var number in numbers)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await cases.RecomputeDeadlinesAsync(number, ct);
                    break;
                }
                catch (CaseException e) when (e.Status == 409 && attempt < ConflictRetries)
                {
                    // Someone acted on the case meanwhile: recompute on top of their change.
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    log.LogError(e, "Deadlines of {Case} could not be recomputed for calendar {Year} ({Fingerprint})", number, year, fingerprint);
                    break;
                }
                finally
                {
                    db.ChangeTracker.Clear();   // one case at a time: nothing of the last one is saved with the next
                }
            }
        }
        log.LogInformation("Calendar {Year}: {Count} running cases recomputed, {Failed} failed", year, numbers.Count - failed, failed);
    }
}
