using ApprovalCenter.Identity;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace ApprovalCenter.Web.BackgroundJobs;

/// <summary>Hangfire's dashboard at /Admin/Jobs, behind our Identity cookie: administrators may
/// act (requeue, delete), every other staff role may only look, applicants and visitors may not.</summary>
public static class JobsDashboard
{
    public const string Path = "/Admin/Jobs";

    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        // Anonymous visitors are sent to the sign-in page rather than shown Hangfire's bare 401.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments(Path) && ctx.User.Identity?.IsAuthenticated != true,
            branch => branch.Run(ctx => ctx.ChallengeAsync()));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new StaffOnly()],
            IsReadOnlyFunc = ctx => !ctx.GetHttpContext().User.IsInRole(Roles.Administrator),
            DashboardTitle = "后台任务 · ApprovalCenter",
            AppPath = "/Admin",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    private sealed class StaffOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && Roles.Staff.Any(user.IsInRole);
        }
    }
}
