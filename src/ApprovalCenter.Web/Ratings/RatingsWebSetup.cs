using ApprovalCenter.Ratings;

namespace ApprovalCenter.Web.Ratings;

/// <summary>The ratings capability (好差评) and the supervisor's desk: services, timers, jobs and the web readers.</summary>
public static class RatingsWebSetup
{
    public static IServiceCollection AddRatingsAndSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRatings(configuration);
        services.AddScoped<RatingViews>();
        services.AddScoped<ApprovalCenter.Web.Supervision.DeadlineBoard>();
        services.AddScoped<ApprovalCenter.Web.Supervision.RatingBoard>();
        return services;
    }
}
