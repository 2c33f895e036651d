namespace ApprovalCenter.Web.Hosting;

/// <summary>Case JSON, uploaded materials, sealed PDFs and every page a signed-in user sees carry
/// personal data: <c>Cache-Control: no-store</c> keeps them out of shared proxies and the
/// browser's disk cache (a hall terminal is used by the next applicant).</summary>
public static class PrivateResponses
{
    public static IApplicationBuilder UseNoStoreForPrivateResponses(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            if (IsPrivate(ctx))
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(ctx);
    });

    private static bool IsPrivate(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true
        || ctx.Request.Path.StartsWithSegments("/api/v1/cases")
        || ctx.Request.Path.StartsWithSegments("/api/v1/files")
        || ctx.Response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true;
}
