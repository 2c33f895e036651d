using System.Net;
using System.Net.Mail;
using System.Text;
using ApprovalCenter.Configuration;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Notifications;

/// <summary>Hands one mail to the outside world. An interface so that the dispatcher's retry and
/// give-up rules can be tested against a sender that fails on purpose.</summary>
public interface IMailSender
{
    Task SendAsync(OutboxMail mail, CancellationToken ct);
}

/// <summary>SMTP when <c>Mail:SmtpHost</c> is set; otherwise each mail becomes an .eml file in
/// {DataDirectory}/mail, so development and tests exercise the whole path (including MIME encoding
/// of Chinese subjects) without a mail server, and the files can be opened in any mail client.</summary>
public sealed class SmtpMailSender(IOptions<ApprovalCenterOptions> options) : IMailSender
{
    public string PickupDirectory => Path.Combine(options.Value.DataDirectory, "mail");

    public async Task SendAsync(OutboxMail mail, CancellationToken ct)
    {
        var o = options.Value.Mail;
        using var message = new MailMessage
        {
            From = ParseAddress(o.From),
            Subject = mail.Subject,
            Body = mail.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.To));
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            Directory.CreateDirectory(PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = PickupDirectory;
        }
        else
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.UseSsl;
            client.Timeout = 30_000;
            if (!string.IsNullOrEmpty(o.UserName))
                client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }
        await client.SendMailAsync(message, ct);
    }

    /// <summary>Accepts “Name &lt;address&gt;” or a bare address; the display name is MIME-encoded as UTF-8.</summary>
    private static MailAddress ParseAddress(string from)
    {
        var parsed = new MailAddress(from);
        return new MailAddress(parsed.Address, parsed.DisplayName, Encoding.UTF8);
    }
}
