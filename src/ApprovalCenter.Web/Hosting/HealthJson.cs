using System.Net;
using System.Text.Json;
using ApprovalCenter.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ApprovalCenter.Web.Hosting;

public static class HealthJson
{
    /// <summary>/readyz body: the overall status for everyone (a load balancer needs no more);
    /// one entry per check, with its data, for administrators and for callers on this machine
    /// (the operator's curl), because the detail names hosts, instance ids and errors.</summary>
    public static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        object body = MaySeeDetail(ctx)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Data.ToDictionary(d => d.Key, d => d.Value?.ToString()),
                }),
            }
            : new { status = report.Status.ToString() };
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(body, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>After the forwarded-headers step, the remote address is the real client's, so a
    /// request relayed by the proxy from outside is not “local”.</summary>
    public static bool MaySeeDetail(HttpContext ctx) =>
        ctx.User.IsInRole(Roles.Administrator) || ctx.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);
}
