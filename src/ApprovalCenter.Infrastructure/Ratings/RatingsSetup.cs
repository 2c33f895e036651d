using ApprovalCenter.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Ratings;

public static class RatingsSetup
{
    public static IServiceCollection AddRatings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RatingOptions>(configuration.GetSection(RatingOptions.Section));
        var options = configuration.GetSection(RatingOptions.Section).Get<RatingOptions>() ?? new RatingOptions();
        services.AddScoped<RatingService>();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<AppealService>();
        services.AddScoped<RatingOfferJob>();
        services.AddScoped<RatingStatistics>();
        services.AddScoped<MonthlyReport>();
        services.AddScoped<ITimerHandler, DefaultRatingTimerHandler>();
        services.AddScoped<ITimerHandler, WorkOrderTimerHandler>();
        services.AddRecurringJob<RatingOfferJob>(RatingOfferJob.RecurringId, j => j.OfferAsync(CancellationToken.None), options.OfferCron);
        return services;
    }
}
