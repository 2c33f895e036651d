using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Clock;

/// <summary>Keeps this node's training clock in step with the offset another node may have moved.</summary>
public sealed class BusinessClockSync(IServiceScopeFactory scopes, MovableBusinessClock clock, IOptions<ApprovalCenterOptions> options, ILogger<BusinessClockSync> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.Clock.SyncIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await TrainingClock.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not read the training clock offset");
            }
            try { await Task.Delay(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}

public static class TrainingClockSetup
{
    /// <summary>Registers the movable clock as the business clock. Never in Production, whatever the
    /// configuration says: there business time is real time.</summary>
    public static IServiceCollection AddBusinessClock(this IServiceCollection services, ClockOptions options, bool isProduction)
    {
        if (!options.Movable || isProduction)
        {
            services.AddSingleton(BusinessClock.System);
            return services;
        }
        services.AddSingleton<MovableBusinessClock>();
        services.AddSingleton<BusinessClock>(sp => sp.GetRequiredService<MovableBusinessClock>());
        services.AddScoped<TrainingClock>();
        services.AddHostedService<BusinessClockSync>();
        return services;
    }
}
