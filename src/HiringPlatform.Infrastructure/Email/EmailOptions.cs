namespace HiringPlatform.Infrastructure.Email;

public enum EmailMode { Smtp, Pickup }

// The "Email" configuration section (environment variables Email__Mode, Email__Smtp__Host, ...).
public sealed class EmailOptions
{
    public const string Section = "Email";

    // Pickup in Development, Smtp everywhere else, unless configured.
    public EmailMode? Mode { get; set; }

    // Where Pickup mode writes .eml files. Relative paths are taken from the app's content root; the default is
    // .data/mail at the top of the checkout, next to the local database.
    public string? PickupDirectory { get; set; }

    public double PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;

    // How long a dispatcher's claim on one email lasts without a renewal. The dispatcher renews it every third
    // of this while the SMTP server is slow, and stops sending when it can no longer renew.
    public double ClaimSeconds { get; set; } = 300;

    // Off: this instance queues emails but never sends them (another instance, or nobody, does).
    public bool DispatcherEnabled { get; set; } = true;

    public SmtpOptions Smtp { get; set; } = new();

    public bool IsSmtpConfigured => !string.IsNullOrWhiteSpace(Smtp.Host) && !string.IsNullOrWhiteSpace(Smtp.From);

    // One line for the admin outbox page and the start-up log.
    public string Describe()
    {
        if (!DispatcherEnabled) return "Sending is turned off on this instance (Email:DispatcherEnabled = false); emails stay queued.";
        return Mode switch
        {
            EmailMode.Pickup => $"Development mode: emails are written as .eml files to {PickupDirectory} instead of being sent.",
            _ when !IsSmtpConfigured => "SMTP is not configured (Email:Smtp:Host and Email:Smtp:From): emails stay queued until it is.",
            _ => $"Sending through {Smtp.Host}:{Smtp.Port}{(Smtp.UseStartTls ? " with STARTTLS" : "")} as {Smtp.From}.",
        };
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string? From { get; set; }
    public string FromName { get; set; } = "HiringPlatform";
    public bool UseStartTls { get; set; } = true;
}
