using System.Net;
using ApprovalCenter.Configuration;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Web.Hosting;

/// <summary>
/// Behind the usual reverse proxy (nginx terminating TLS): the client's address and scheme come
/// from X-Forwarded-For/-Proto, but only from a known proxy (loopback, and
/// <c>ApprovalCenter:ReverseProxy</c>); then every cookie is Secure when the page was served over
/// HTTPS, and HTTPS responses carry HSTS (<c>ApprovalCenter:Https:HstsMaxAgeDays</c>).
/// </summary>
public static class ProxyAndHttps
{
    public static IServiceCollection AddProxyAndHttps(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ApprovalCenterOptions>>((o, ac) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxy = ac.Value.ReverseProxy;
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<ApprovalCenterOptions>>((o, ac) =>
            o.MaxAge = TimeSpan.FromDays(Math.Max(0, ac.Value.Https.HstsMaxAgeDays)));
        // One rule for every cookie we set (sign-in, two-step, antiforgery, language).
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.None;   // each cookie sets its own (all but none are HttpOnly already)
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the real client and scheme.</summary>
    public static IApplicationBuilder UseForwardedClient(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>HSTS on HTTPS responses (never for localhost, where a developer's browser would remember it).</summary>
    public static IApplicationBuilder UseHttpsHeaders(this IApplicationBuilder app)
    {
        var days = app.ApplicationServices.GetRequiredService<IOptions<ApprovalCenterOptions>>().Value.Https.HstsMaxAgeDays;
        return days > 0 ? app.UseHsts() : app;
    }
}
