using ApprovalCenter.Cases;

namespace ApprovalCenter.Web.Workbench;

/// <summary>The staff workbenches: intake window, review and decision inbox, one-window pickup,
/// and the chief representatives' authorisation matrix with the guard that enforces it on every
/// decision (claims are the case handler's own rule).</summary>
public static class WorkbenchSetup
{
    public static IServiceCollection AddStaffWorkbench(this IServiceCollection services)
    {
        services.AddScoped<ICaseActionGuard, ChiefAuthorisationGuard>();
        services.AddScoped<WorkbenchQueries>();
        services.AddScoped<ApprovalCenter.Web.Cases.CaseQueries>();
        services.AddScoped<ApprovalCenter.Web.Cases.CaseScopes>();
        services.AddScoped<ApprovalCenter.Web.Cases.CaseMaterials>();
        return services;
    }
}
