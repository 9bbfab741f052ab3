using HiringPlatform.Application.Common.Interfaces;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

// One connection per message: simple, and the outbox sends a few at a time, so there is little to gain from pooling.
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new InvalidOperationException("Email:Smtp:Host is not configured.");
        var mime = MimeMessages.Create(message, smtp);
        using var client = new SmtpClient { Timeout = 30_000 };
        // STARTTLS is required when asked for; otherwise TLS on connect for port 465, and opportunistic STARTTLS elsewhere.
        var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
