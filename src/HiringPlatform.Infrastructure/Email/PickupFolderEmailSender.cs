using System.Globalization;
using HiringPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

// Development: each email becomes an .eml file (open it in any mail client) instead of leaving the machine.
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var folder = options.Value.PickupDirectory ?? throw new InvalidOperationException("Email:PickupDirectory is not set.");
        Directory.CreateDirectory(folder);
        var mime = MimeMessages.Create(message, options.Value.Smtp);
        var name = $"{clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
        await mime.WriteToAsync(Path.Combine(folder, name), ct);
    }
}
