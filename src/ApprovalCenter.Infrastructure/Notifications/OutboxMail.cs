using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Notifications;

public enum MailStatus { Pending = 0, Sent = 1, Failed = 2 }

/// <summary>A mail waiting to be sent (transactional outbox): it is written in the same transaction
/// as the change it reports, so a mail is sent if and only if the change committed, and an SMTP
/// outage delays mail instead of failing the applicant's or the clerk's action.</summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public MailStatus Status { get; set; }
    /// <summary>Not before this time; moved forward by the back-off after a failure and, while a
    /// node is sending, by a lease so that no other node sends the same mail.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("mail_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
