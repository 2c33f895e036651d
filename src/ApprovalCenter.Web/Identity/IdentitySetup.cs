using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ApprovalCenter.Web.Identity;

public static class Policies
{
    public const string Staff = "Staff";
    public const string Applicant = "Applicant";
    public const string Clerk = "Clerk";
    public const string Review = "Review";
    public const string Supervision = "Supervision";
    public const string Administration = "Administration";
}

public static class IdentitySetup
{
    public static IServiceCollection AddApprovalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "ac.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers with ProblemDetails, never with a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            // A cookie outlives nothing: sign-out (and any security change) rotates the stamp it carries.
            o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Policies.Applicant, p => p.RequireRole(Roles.Applicant))
            .AddPolicy(Policies.Clerk, p => p.RequireRole(Roles.Clerk, Roles.ChiefRepresentative, Roles.Administrator))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer, Roles.ChiefRepresentative, Roles.BureauHead))
            .AddPolicy(Policies.Supervision, p => p.RequireRole(Roles.Supervisor, Roles.BureauHead, Roles.Administrator))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator));
        services.AddSingleton<IAuthorizationHandler, DepartmentAuthorizationHandler>();
        services.AddScoped<ApprovalCenter.Administration.StaffAdministration>();
        return services;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;   // the status-code middleware writes the ProblemDetails body
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
