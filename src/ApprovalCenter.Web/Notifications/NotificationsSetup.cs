using ApprovalCenter.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ApprovalCenter.Web.Notifications;

/// <summary>The notifications capability: inbox, outbox and the recurring mail dispatcher.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.TryAddSingleton(ApprovalCenter.Clock.BusinessClock.System);
        services.AddScoped<Notifier>();
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        // AddQuartz is additive: this adds the dispatcher to the one clustered scheduler that
        // AddApprovalScheduler configures, so a single node sends each round.
        services.AddQuartz(q =>
        {
            q.AddJob<MailDispatcher>(j => j.WithIdentity(MailDispatcher.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(MailDispatcher.Key).WithIdentity("mail-dispatcher", "system")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(15))
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(MailDispatcher.Interval).RepeatForever()));
        });
        return services;
    }
}
