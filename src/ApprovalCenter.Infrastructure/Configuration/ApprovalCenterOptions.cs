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
    public ClockOptions Clock { get; set; } = new();
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

/// <summary>Background work: Hangfire on PostgreSQL (schema "hangfire") plus our own timer sweeper.
/// The defaults suit 2 cores; see the README for what each one trades.</summary>
public sealed class SchedulerOptions
{
    /// <summary>Names this node in fired_by and in Hangfire's server list. "AUTO": host-pid-random.</summary>
    public string InstanceId { get; set; } = "AUTO";
    /// <summary>Runs a Hangfire server and the timer sweeper on this node. Off only for tests that drive jobs by hand.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Hangfire worker threads on this node (timer handlers are short database transactions).</summary>
    public int WorkerCount { get; set; } = 16;
    /// <summary>How often Hangfire moves due delayed jobs to the queue (its default, 15 s, is too coarse for deadlines).</summary>
    public double SchedulePollingIntervalSeconds { get; set; } = 1;
    /// <summary>Sliding invisibility timeout: a job whose server died is picked up again after this.</summary>
    public double InvisibilityTimeoutSeconds { get; set; } = 120;
    /// <summary>Hangfire's lock rows have no owner heartbeat: a node killed while holding one blocks
    /// that resource for this long (Hangfire's default is 10 minutes).</summary>
    public double DistributedLockTimeoutSeconds { get; set; } = 60;
    /// <summary>The sweeper on every node fires timers that are due by business time but were not fired
    /// by Hangfire (stale lock, lost job, a moved training clock).</summary>
    public double SweepIntervalSeconds { get; set; } = 5;
    /// <summary>How long past due a timer must be before the sweeper takes it, leaving Hangfire the first try.</summary>
    public double SweepGraceSeconds { get; set; } = 10;
    /// <summary>Failed attempts (15 s, 30 s, 1 min … back-off) before a timer becomes an incident.</summary>
    public int MaxTimerAttempts { get; set; } = 8;
    /// <summary>Registers the "probe" timer kind that records each effect in timer_probe_effects: used by
    /// the two-node tests and the timer benchmark to count effects across processes.</summary>
    public bool ProbeTimers { get; set; }

    public string ResolveInstanceId() => InstanceId is "AUTO" or ""
        ? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}"
        : InstanceId;
}

/// <summary>The business clock. In Production business time is real time. A training or
/// development installation may move it forward (never back) to show deadlines happening.</summary>
public sealed class ClockOptions
{
    /// <summary>Allows moving business time forward from /Admin/Clock. Ignored in Production.</summary>
    public bool Movable { get; set; }
    /// <summary>How often each node re-reads the shared offset from the database.</summary>
    public double SyncIntervalSeconds { get; set; } = 1;
}

public sealed class SealOptions
{
    public string BureauName { get; set; } = "清远高新区行政审批局";
    /// <summary>Path to the bureau's current PKCS#12 certificate, the one that signs. Empty in
    /// development: one is created on first run.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    public bool CreateDevelopmentCertificate { get; set; }
    /// <summary>Since when the current certificate is the bureau's seal. Empty: its NotBefore.</summary>
    public DateTimeOffset? ValidFrom { get; set; }
    /// <summary>Until when the current certificate is the bureau's seal. Empty: its NotAfter.</summary>
    public DateTimeOffset? ValidUntil { get; set; }
    /// <summary>Seal certificates the bureau signed with before; documents they signed in their
    /// period stay genuine after a rotation. Public certificates only, no private keys.</summary>
    public List<RetiredSealCertificateOptions> RetiredCertificates { get; set; } = [];
}

/// <summary>One former seal certificate and the period in which it was the bureau's seal.</summary>
public sealed class RetiredSealCertificateOptions
{
    /// <summary>A path to a .cer/.crt/.pem file (DER or PEM), or the certificate itself as PEM
    /// text or base64 DER, so it can be given by environment variable.</summary>
    public string Certificate { get; set; } = "";
    /// <summary>Empty: the certificate's NotBefore.</summary>
    public DateTimeOffset? ValidFrom { get; set; }
    /// <summary>Required: the moment the certificate stopped signing (the rotation). A signature
    /// dated later is not the bureau's: after a rotation the old key signs nothing new.</summary>
    public DateTimeOffset? ValidUntil { get; set; }
}

public sealed class FeatureOptions
{
    /// <summary>Seeds the demo accounts listed in the README. Only the Development environment turns it on.</summary>
    public bool SeedDemoAccounts { get; set; }
    public bool RequireStaffTwoFactor { get; set; }
}
