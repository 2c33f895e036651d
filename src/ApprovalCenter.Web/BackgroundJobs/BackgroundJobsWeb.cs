namespace ApprovalCenter.Web.BackgroundJobs;

/// <summary>The web face of background work: the Hangfire dashboard, the training clock API.
/// (The incidents and clock pages live under Pages/Admin.)</summary>
public static class BackgroundJobsWeb
{
    public static WebApplication MapBackgroundJobsWeb(this WebApplication app)
    {
        app.UseJobsDashboard();
        app.MapClockApi();
        return app;
    }
}
