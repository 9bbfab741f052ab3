using HiringPlatform.Application.Common.Interfaces;
using MimeKit;

namespace HiringPlatform.Infrastructure.Email;

internal static class MimeMessages
{
    public const string FallbackFrom = "no-reply@hiringplatform.invalid";

    public static MimeMessage Create(EmailMessage message, SmtpOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, string.IsNullOrWhiteSpace(options.From) ? FallbackFrom : options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentContent is { } content)
        {
            // Content types with parameters survive, e.g. "text/calendar; method=REQUEST; charset=utf-8" for invitations.
            var type = ContentType.TryParse(message.AttachmentContentType ?? "", out var parsed) ? parsed : new ContentType("application", "octet-stream");
            body.Attachments.Add(message.AttachmentName ?? "attachment", content, type);
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
