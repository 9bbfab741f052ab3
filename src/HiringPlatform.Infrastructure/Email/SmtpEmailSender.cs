using System.Diagnostics;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Telemetry;
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
        // A client span for the whole exchange (connect, authenticate, send). The server, never the recipient or subject.
        using var activity = HiringTelemetry.ActivitySource.StartActivity("smtp send", ActivityKind.Client);
        activity?.SetTag("server.address", smtp.Host);
        activity?.SetTag("server.port", smtp.Port);
        try
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            // STARTTLS is required when asked for; otherwise TLS on connect for port 465, and opportunistic STARTTLS elsewhere.
            var security = smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto;
            await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }
}
