namespace ApprovalCenter.Configuration;

/// <summary>The "ApprovalCenter" section of appsettings.json. Environment variables
/// (ApprovalCenter__Section__Key) and appsettings.{Environment}.json override it.</summary>
public sealed class ApprovalCenterOptions
{
    public const string Section = "ApprovalCenter";

    public DatabaseOptions Database { get; set; } = new();
    /// <summary>Durable folder for uploads, outgoing mail and the development seal. Outside the source tree.</summary>
    public string DataDirectory { get; set; } = "/var/lib/approvalcenter";
    /// <summary>The public address of the site: the QR codes on documents and the links in mails point here.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    public SchedulerOptions Scheduler { get; set; } = new();
    public SealOptions Seal { get; set; } = new();
    public FeatureOptions Features { get; set; } = new();
    public RateLimitOptions RateLimits { get; set; } = new();
    public UploadOptions Uploads { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public LimitsOptions Limits { get; set; } = new();
    public ReverseProxyOptions ReverseProxy { get; set; } = new();
    public HttpsOptions Https { get; set; } = new();
}

public sealed class UploadOptions
{
    /// <summary>Largest accepted upload in bytes (20 MB): enough for a scanned licence at 300 dpi,
    /// small enough that a materials package stays storable in PostgreSQL.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;
}

public sealed class MailOptions
{
    /// <summary>Empty (the development default): mails are written as .eml files into
    /// {DataDirectory}/mail instead of being sent.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool UseSsl { get; set; } = true;
    public string From { get; set; } = "清远高新区行政审批局 <noreply@approvalcenter.local>";
    public string? UserName { get; set; }
    /// <summary>Give it by environment (ApprovalCenter__Mail__Password), never in a file.</summary>
    public string? Password { get; set; }
    /// <summary>After this many failed attempts a mail is given up (status Failed, last error kept).</summary>
    public int MaxAttempts { get; set; } = 8;
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in and registration submissions per client address and minute.</summary>
    public int SignInPerMinute { get; set; } = 20;
    /// <summary>Anonymous public API calls (calendar, service guide) per client address and minute.</summary>
    public int PublicApiPerMinute { get; set; } = 600;
    /// <summary>API calls per signed-in user and minute (counted per user, not per address: a
    /// whole service hall shares one address behind the bureau's NAT).</summary>
    public int SignedInApiPerMinute { get; set; } = 1200;
}

public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";
    /// <summary>Optional, so that the password need not sit in the connection string in a file.</summary>
    public string? Password { get; set; }
    public bool MigrateOnStartup { get; set; } = true;

    public string EffectiveConnectionString()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new InvalidOperationException("ApprovalCenter:Database:ConnectionString is not configured.");
        if (string.IsNullOrEmpty(Password)) return ConnectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = Password }.ConnectionString;
    }
}

public sealed class SchedulerOptions
{
    public string InstanceName { get; set; } = "ApprovalCenter";
    /// <summary>"AUTO" derives a unique id per node from host name and process id.</summary>
    public string InstanceId { get; set; } = "AUTO";
    public bool Enabled { get; set; } = true;
    public int CheckinIntervalSeconds { get; set; } = 7;
    /// <summary>Jobs this node runs at once (timer handlers are short database transactions).</summary>
    public int ThreadCount { get; set; } = 16;
    /// <summary>Triggers acquired per store round trip.</summary>
    public int MaxBatchSize { get; set; } = 16;
}

public sealed class SealOptions
{
    public string BureauName { get; set; } = "清远高新区行政审批局";
    /// <summary>Path to the bureau's PKCS#12 certificate. Empty in development: one is created on first run.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public bool CreateDevelopmentCertificate { get; set; }
}

public sealed class FeatureOptions
{
    /// <summary>Seeds the demo accounts listed in the README. Only the Development environment turns it on.</summary>
    public bool SeedDemoAccounts { get; set; }
    public bool RequireStaffTwoFactor { get; set; }
}
