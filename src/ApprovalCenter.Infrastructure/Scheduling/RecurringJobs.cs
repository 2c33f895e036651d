using System.Linq.Expressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Scheduling;

/// <summary>A recurring Hangfire job a capability declares at registration; every node
/// (re)registers them at start-up, which is idempotent, so a changed schedule takes effect with
/// the next deployment. Cron with six fields includes seconds.</summary>
public sealed record RecurringJobRegistration(string Id, Action<IRecurringJobManager> Register);

public static class RecurringJobs
{
    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services, string id, Expression<Func<T, Task>> call, string cron) =>
        services.AddSingleton(new RecurringJobRegistration(id, m => m.AddOrUpdate(id, call, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc })));

    public static void RegisterAll(IServiceProvider services)
    {
        var manager = services.GetRequiredService<IRecurringJobManager>();
        foreach (var job in services.GetServices<RecurringJobRegistration>()) job.Register(manager);
    }
}
