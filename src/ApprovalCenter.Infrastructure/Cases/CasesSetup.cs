using ApprovalCenter.Calendar;
using ApprovalCenter.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Cases;

public static class CasesSetup
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseService>();
        services.AddScoped<CaseSideEffects>();
        services.AddScoped<LicenceRegister>();
        services.AddScoped<ApprovalCenter.Exemption.ExemptionService>();
        services.AddScoped<ApprovalCenter.Exemption.ExemptionRulesAdministration>();
        services.AddScoped<ITimerHandler, WorkflowTimerHandler>();
        services.AddScoped<ITimerHandler, ClockTimerHandler>();
        services.AddScoped<ITimerHandler, RenewalTimerHandler>();
        services.AddScoped<ICalendarChangeHandler, ProvisionalDeadlineRefresher>();
        return services;
    }
}
