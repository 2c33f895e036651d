using System.Globalization;
using System.Threading.RateLimiting;
using ApprovalCenter.Configuration;
using ApprovalCenter.Web.Calendar;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Catalog;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ApprovalCenter.Web.Hosting;

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicApi = "public-api";
}

/// <summary>Everything around the pages and the API: localization, errors, security headers,
/// rate limits, health endpoints and OpenAPI.</summary>
public static class WebShell
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddWebShell(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        // Emit Chinese as characters, not &#x...; entities: readable source, smaller pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The language switch sets a cookie; the browser's Accept-Language is not consulted so
            // that the Chinese-first UI stays Chinese unless the user asks otherwise.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new PageMethodFilter());
            o.Conventions.AuthorizeFolder("/My", Identity.Policies.Applicant);
            o.Conventions.AuthorizeFolder("/Staff", Identity.Policies.Staff);
            o.Conventions.AuthorizeFolder("/Admin", Identity.Policies.Administration);
            o.Conventions.AuthorizeFolder("/Supervision", Identity.Policies.Supervision);
            o.Conventions.AuthorizePage("/Account/Manage", "");
        }).AddMvcOptions(ModelBindingMessages.Configure).AddViewLocalization();
        // Binding failures throw in every environment (not only Development), so that the
        // exception handler can answer a 400 that names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<RequestProblemExceptionHandler>();
        services.AddProxyAndHttps();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.Configure<ApiBehaviorOptions>(_ => { });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "ApprovalCenter API";
            doc.Info.Description = "一窗通办、一枚印章管审批 — JSON API. Errors are RFC 9457 ProblemDetails.";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var problem = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problem.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "请求过于频繁", Detail = "请求过于频繁，请稍后再试。" },
                });
            };
            // Signed-in API use, per user: a script cannot flood the cases API from one account.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                ctx.User.Identity?.IsAuthenticated == true && ctx.Request.Path.StartsWithSegments("/api")
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignedInApiPerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter(""));
            // Only credential submissions (POST) count towards the sign-in limit; reading the form is free.
            o.AddPolicy(RateLimits.SignIn, ctx => HttpMethods.IsGet(ctx.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(ClientKey(ctx), _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            o.AddPolicy(RateLimits.PublicApi, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(ctx), _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PublicApiPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddAntiforgery(o => o.HeaderName = "X-CSRF-TOKEN");
        return services;
    }

    /// <summary>Who a limit counts against: the signed-in user, otherwise the client address. Keying
    /// by user keeps a whole service hall (one address behind the bureau's NAT) from sharing one
    /// budget, and keeps one user from escaping theirs by changing address.</summary>
    private static string ClientKey(HttpContext ctx) =>
        ctx.User.Identity?.IsAuthenticated == true && ctx.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id
            ? "user:" + id
            : "ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local");

    public static WebApplication UseWebShell(this WebApplication app)
    {
        app.UseForwardedClient();
        app.UseHttpsHeaders();
        // API errors become ProblemDetails (bad input and outages via RequestProblemExceptionHandler);
        // page errors show the friendly page, with the status the failure deserves (400, 503, …).
        app.UseWhen(StatusCodePages.IsApi, api => api.UseExceptionHandler());
        app.UseWhen(ctx => !StatusCodePages.IsApi(ctx), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = RequestProblemExceptionHandler.StatusFor,
        }));
        app.UseSecurityHeaders();
        app.UseApprovalCenterStatusCodePages();
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseCookiePolicy();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessionOutageAnswer();
        app.UseNoStoreForPrivateResponses();
        // After authentication: limits count per signed-in user.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestInputGuard>();
        return app;
    }

    public static WebApplication MapWebShell(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthJson.WriteAsync });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapAccountApi();
        app.MapCalendarApi();
        app.MapCatalogApi();
        app.MapCasesApi();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext ctx) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).ExcludeFromDescription();
        return app;
    }
}
