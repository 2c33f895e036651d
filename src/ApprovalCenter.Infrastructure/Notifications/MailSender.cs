using ApprovalCenter.Configuration;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ApprovalCenter.Notifications;

/// <summary>Hands one mail to the outside world. An interface so that the dispatcher's retry and
/// give-up rules can be tested against a sender that fails on purpose.</summary>
public interface IMailSender
{
    Task SendAsync(OutboxMail mail, CancellationToken ct);
}

/// <summary>
/// MailKit (System.Net.Mail's own documentation recommends it): SMTP when <c>Mail:SmtpHost</c> is set, with
/// STARTTLS on 587 or TLS from the first byte on 465 when <c>UseSsl</c>; otherwise each mail becomes an .eml file
/// in {DataDirectory}/mail, so development and tests exercise the whole path (MIME encoding of Chinese subjects and
/// names included) without a mail server, and the files open in any mail client.
/// </summary>
public sealed class SmtpMailSender(IOptions<ApprovalCenterOptions> options) : IMailSender
{
    public string PickupDirectory => Path.Combine(options.Value.DataDirectory, "mail");

    public async Task SendAsync(OutboxMail mail, CancellationToken ct)
    {
        var o = options.Value.Mail;
        var message = Build(o.From, mail);
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(PickupDirectory);
            // Written under a temporary name and renamed, so a reader never sees half a mail.
            var path = Path.Combine(PickupDirectory, $"outbox-{mail.Id}.eml");
            var partial = path + ".part";
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path, overwrite: true);
            return;
        }
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = 30_000 };
        var security = !o.UseSsl ? SecureSocketOptions.None : o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    /// <summary>The MIME message: “Name &lt;address&gt;” or a bare address as the sender, plain UTF-8 text.</summary>
    public static MimeMessage Build(string from, OutboxMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = $"outbox-{mail.Id}@approvalcenter.local";   // stable across retries
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
