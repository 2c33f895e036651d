using ApprovalCenter.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ApprovalCenter.Scheduling;

namespace ApprovalCenter.Web.Notifications;

/// <summary>The notifications capability: inbox, outbox and the recurring mail dispatcher.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(ApprovalCenter.Clock.BusinessClock.System);
        services.AddScoped<Notifier>();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<MailDispatcher>();
        services.AddRecurringJob<MailDispatcher>(MailDispatcher.RecurringId, d => d.DispatchAsync(CancellationToken.None), MailDispatcher.Cron);
        return services;
    }
}
