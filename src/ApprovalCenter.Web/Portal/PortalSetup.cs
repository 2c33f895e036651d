namespace ApprovalCenter.Web.Portal;

/// <summary>The applicant portal: apply (drafts, task list, check answers, confirmation), track
/// one's own cases, and the public document verification page.</summary>
public static class PortalSetup
{
    public static IServiceCollection AddApplicantPortal(this IServiceCollection services)
    {
        services.AddScoped<PortalService>();
        return services;
    }
}
