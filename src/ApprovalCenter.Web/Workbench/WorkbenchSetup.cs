using ApprovalCenter.Cases;

namespace ApprovalCenter.Web.Workbench;

/// <summary>The staff workbenches: intake window, review and decision inbox, one-window pickup,
/// and the chief representatives' authorisation matrix with the guards that enforce claims and
/// authorisations on every case action.</summary>
public static class WorkbenchSetup
{
    public static IServiceCollection AddStaffWorkbench(this IServiceCollection services)
    {
        services.AddScoped<ICaseActionGuard, ChiefAuthorisationGuard>();
        services.AddScoped<ICaseActionGuard, CaseAssignmentGuard>();
        services.AddScoped<WorkbenchQueries>();
        services.AddScoped<CaseAssignments>();
        return services;
    }
}
