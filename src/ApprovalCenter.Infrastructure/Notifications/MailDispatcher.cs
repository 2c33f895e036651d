using ApprovalCenter.Clock;
using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Hangfire;

namespace ApprovalCenter.Notifications;

/// <summary>Sends pending outbox mails. A recurring Hangfire job; each mail is claimed with a
/// conditional UPDATE (a lease) before it is sent, so two runs at once (two nodes, or a manual run
/// alongside the job) never send a mail twice. A crash between sending
/// and recording means the mail is sent again after the lease ends: at-least-once, which suits
/// notices better than at-most-once.</summary>
public sealed class MailDispatcher(AppDbContext db, IMailSender sender, BusinessClock clock, IOptions<ApprovalCenterOptions> options, ILogger<MailDispatcher> log)
{
    public const string RecurringId = "mail-dispatcher";
    /// <summary>Every 30 seconds (six cron fields: the first is seconds).</summary>
    public const string Cron = "*/30 * * * * *";
    /// <summary>How long a claimed mail is reserved for the node sending it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int BatchSize = 50;

    /// <summary>Back-off after the n-th failed attempt: 30 s, 1 min, 2 min … at most 1 hour.</summary>
    public static TimeSpan BackOff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends the mails that are due; returns how many were sent. Public so that tests and
    /// operators can drive it without waiting for the trigger.</summary>
    [AutomaticRetry(Attempts = 0)]   // the next round is the retry; each mail keeps its own back-off
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var maxAttempts = Math.Max(1, options.Value.Mail.MaxAttempts);
        var now = clock.GetUtcNow();
        var due = await db.Set<OutboxMail>().AsNoTracking()
            .Where(m => m.Status == MailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(BatchSize)
            .Select(m => new { m.Id, m.Attempts }).ToListAsync(ct);
        var sent = 0;
        foreach (var candidate in due)
        {
            ct.ThrowIfCancellationRequested();
            now = clock.GetUtcNow();
            var leaseEnd = now + Lease;
            var claimed = await db.Set<OutboxMail>()
                .Where(m => m.Id == candidate.Id && m.Status == MailStatus.Pending && m.Attempts == candidate.Attempts && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.NextAttemptAt, leaseEnd), ct);
            if (claimed == 0) continue;   // another run took it

            var mail = await db.Set<OutboxMail>().AsNoTracking().FirstAsync(m => m.Id == candidate.Id, ct);
            try
            {
                await sender.SendAsync(mail, ct);
                var at = clock.GetUtcNow();
                await db.Set<OutboxMail>().Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MailStatus.Sent).SetProperty(m => m.SentAt, at).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var error = Truncate(e.GetBaseException().Message, 2000);
                var giveUp = mail.Attempts >= maxAttempts;
                var next = clock.GetUtcNow() + BackOff(mail.Attempts);
                await db.Set<OutboxMail>().Where(m => m.Id == mail.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, giveUp ? MailStatus.Failed : MailStatus.Pending)
                        .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), CancellationToken.None);
                if (giveUp) log.LogError(e, "Mail {Id} to {To} given up after {Attempts} attempts", mail.Id, mail.To, mail.Attempts);
                else log.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}), retrying at {Next}: {Error}", mail.Id, mail.To, mail.Attempts, next, error);
            }
        }
        if (sent > 0) log.LogInformation("Sent {Count} mail(s)", sent);
        return sent;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
