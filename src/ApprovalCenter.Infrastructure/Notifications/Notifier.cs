using ApprovalCenter.Clock;
using System.Text;
using ApprovalCenter.Configuration;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Notifications;

/// <summary>Tells a user about a step in their case: an inbox entry, and a mail when they have an
/// address. Both are only staged on the caller's <see cref="AppDbContext"/>; the caller's
/// SaveChanges commits them together with the change they report, so nobody is told about a step
/// that was rolled back, and no step commits without its notice.</summary>
public sealed class Notifier(AppDbContext db, BusinessClock clock, IOptions<ApprovalCenterOptions> options)
{
    /// <summary>Stages the inbox entry (and the outbox mail); does not save.</summary>
    /// <exception cref="InvalidOperationException">No user has this id.</exception>
    public async Task<Notification> NotifyAsync(string userId, string title, string body, string? link = null, string? caseNumber = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var user = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"No user with id {userId} to notify.");
        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            UserId = userId, Title = title, Body = body ?? "", Link = link, CaseNumber = caseNumber, CreatedAt = now,
        };
        db.Set<Notification>().Add(notification);
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            db.Set<OutboxMail>().Add(new OutboxMail
            {
                To = user.Email,
                Subject = caseNumber is null ? title : $"{title}（{caseNumber}）",
                Body = MailBody(user.DisplayName, body ?? "", link),
                CreatedAt = now,
                NextAttemptAt = now,
                Status = MailStatus.Pending,
            });
        }
        return notification;
    }

    private string MailBody(string displayName, string body, string? link)
    {
        var o = options.Value;
        var text = new StringBuilder();
        text.Append(string.IsNullOrWhiteSpace(displayName) ? "您好：" : $"{displayName}，您好：").Append("\r\n\r\n");
        text.Append(body).Append("\r\n\r\n");
        if (!string.IsNullOrEmpty(link))
        {
            var url = Uri.IsWellFormedUriString(link, UriKind.Absolute) || string.IsNullOrWhiteSpace(o.PublicBaseUrl)
                ? link : o.PublicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
            text.Append("查看详情：").Append(url).Append("\r\n\r\n");
        }
        text.Append("此邮件由系统自动发送，请勿直接回复。站内消息可在“消息”中查看。\r\n");
        text.Append(o.Seal.BureauName).Append(" · 咨询投诉：12345\r\n");
        return text.ToString();
    }
}
