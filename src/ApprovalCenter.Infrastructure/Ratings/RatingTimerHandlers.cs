using Microsoft.EntityFrameworkCore;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Ratings;

/// <summary>The 7-day default rating of a delivered matter: key "rating-default:{case}", subject = case number.</summary>
public sealed class DefaultRatingTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => RatingService.TimerKindDefault;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct) =>
        services.GetRequiredService<RatingService>().ApplyDefaultAsync(timer.Subject, timer.DueAt, ct);
}

/// <summary>A work order's warning or escalation: key "workorder:{rating}:{alarm}".</summary>
public sealed class WorkOrderTimerHandler(IServiceProvider services) : ITimerHandler
{
    public string Kind => WorkOrderService.TimerKind;

    public Task HandleAsync(ScheduledTimer timer, AppDbContext db, CancellationToken ct)
    {
        var parts = timer.Key.Split(':');
        return services.GetRequiredService<WorkOrderService>().OnTimerAsync(Guid.ParseExact(parts[1], "N"), Enum.Parse<WorkOrderService.Alarm>(parts[2]), timer.DueAt, ct);
    }
}

/// <summary>Finds matters whose result was delivered and offers them for rating (inbox link, default timer).
/// A recurring Hangfire job, so nothing in the case path has to know about ratings.</summary>
public sealed class RatingOfferJob(AppDbContext db, IServiceScopeFactory scopes)
{
    public const string RecurringId = "ratings-offer";

    public async Task OfferAsync(CancellationToken ct)
    {
        var ids = await db.Set<ApprovalCenter.Cases.CaseRecord>().AsNoTracking()
            .Where(c => c.Status == ApprovalCenter.Cases.CaseStatus.Completed && c.ParentCaseId == null && !db.Set<RatingOffer>().Any(o => o.CaseId == c.Id))
            .OrderBy(c => c.UpdatedAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids)
        {
            using var scope = scopes.CreateScope();
            var sp = scope.ServiceProvider;
            var record = await sp.GetRequiredService<AppDbContext>().Set<ApprovalCenter.Cases.CaseRecord>().AsNoTracking().FirstAsync(c => c.Id == id, ct);
            await sp.GetRequiredService<RatingService>().EnsureOfferAsync(record, ct);
        }
    }
}
