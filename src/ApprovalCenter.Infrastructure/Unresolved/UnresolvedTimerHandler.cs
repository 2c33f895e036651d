using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Unresolved;

/// <summary>Fires a 办不成事 deadline timer: key "unresolved:{number}:warning|overdue". Registered like
/// the case kinds; the timers are due at business instants, so they follow a moved clock.</summary>
public sealed class UnresolvedTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => UnresolvedService.TimerKind;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        var parts = timer.Key.Split(':');
        return services.GetRequiredService<UnresolvedService>().OnTimerAsync(parts[1], parts[2], ct);
    }
}
