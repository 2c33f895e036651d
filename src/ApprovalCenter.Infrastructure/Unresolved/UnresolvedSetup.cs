using ApprovalCenter.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Unresolved;

public static class UnresolvedSetup
{
    public static IServiceCollection AddUnresolvedMatters(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UnresolvedOptions>(configuration.GetSection(UnresolvedOptions.Section));
        services.AddHttpClient(ConfiguredHotlineGateway.HttpClientName);
        services.AddScoped<UnresolvedService>();
        services.AddScoped<UnresolvedQueries>();
        services.AddScoped<ITimerHandler, UnresolvedTimerHandler>();
        services.AddScoped<IHotlineGateway, ConfiguredHotlineGateway>();
        services.AddScoped<HotlineDispatcher>();
        services.AddRecurringJob<HotlineDispatcher>(HotlineDispatcher.RecurringId, d => d.DispatchAsync(CancellationToken.None), HotlineDispatcher.Cron);
        return services;
    }
}
