using System.Runtime.ExceptionServices;
using System.Security.Claims;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Web.Identity;

/// <summary>
/// A sign-in cookie is only as good as the account's current security stamp. Signing out rotates
/// the stamp, so a copied cookie stops working at once on every node, and so does every cookie
/// issued before a password, two-step or lockout change. The stamp is compared on every request
/// (one primary-key read of one column): Identity's own validator only looks every 30 minutes.
/// </summary>
public static class SessionValidation
{
    private const string OutageKey = "approvalcenter.session-check-outage";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        string? current;
        try
        {
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            current = id is null ? null : await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(http.RequestAborted);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // Not a reason to sign the user out: the request is answered 503 (UseSessionOutageAnswer).
            context.RejectPrincipal();
            http.Items[OutageKey] = ExceptionDispatchInfo.Capture(e);
            return;
        }
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);   // the periodic refresh of roles and claims
    }

    /// <summary>Right after authentication: a session that could not be checked because the
    /// database is down becomes the 503 of the outage. The error page then renders for an
    /// anonymous visitor, so it needs no database either.</summary>
    public static IApplicationBuilder UseSessionOutageAnswer(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        if (ctx.Items[OutageKey] is ExceptionDispatchInfo outage && ctx.Features.Get<IExceptionHandlerFeature>() is null)
            outage.Throw();
        return next(ctx);
    });
}
