namespace ApprovalCenter.Configuration;

/// <summary>Sizes the web edge enforces before a request reaches a page or an endpoint.</summary>
public sealed class LimitsOptions
{
    /// <summary>Largest case data in bytes (64 KiB): the JSON <c>data</c> of /api/v1/cases, or a form of the
    /// applicant's and staff pages. Generous for any application form, small enough that a case row stays cheap to
    /// load, journal and render into a sealed document.</summary>
    public int CaseDataMaxBytes { get; set; } = 64 * 1024;
}

/// <summary>The usual deployment: nginx (or another proxy) terminates TLS and forwards to the app.
/// Only proxies listed here (and the loopback address, always) may set X-Forwarded-For/-Proto;
/// from anyone else those headers are ignored, so a client cannot fake its address or HTTPS.</summary>
public sealed class ReverseProxyOptions
{
    /// <summary>Proxy addresses, e.g. ["10.0.0.5"].</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR notation, e.g. ["10.0.0.0/24"].</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public sealed class HttpsOptions
{
    /// <summary>Strict-Transport-Security max-age on HTTPS responses; 0 sends no HSTS header.</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
}
