using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HiringPlatform.Application.Common.Telemetry;

// The product's own spans and meters (ADR-0021). Plain System.Diagnostics: the OpenTelemetry SDK (in Web) listens to
// both by name; Application never references it.
public static class HiringTelemetry
{
    public const string Name = "HiringPlatform";

    // Mediator requests (TracingBehaviour) and outgoing SMTP (SmtpEmailSender).
    public static readonly ActivitySource ActivitySource = new(Name);
}

// Counters of things the product did. Created through IMeterFactory, so each app (and each test host) has its own
// Meter instance and a test can listen to exactly its app's measurements. Counted after the command's transaction
// commits (CommandScope.AfterCommit): a rolled-back or retried attempt counts nothing.
public sealed class HiringMetrics
{
    public HiringMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(HiringTelemetry.Name);
        ApplicationsReceived = Meter.CreateCounter<long>("hiring.applications.received", "{application}",
            "Applications received through the careers site.");
        FeedbackRemindersSent = Meter.CreateCounter<long>("hiring.feedback_reminders.sent", "{reminder}",
            "Overdue-feedback reminders queued for interviewers.");
        EmailsSent = Meter.CreateCounter<long>("hiring.emails.sent", "{email}", "Outbox emails handed to the mail server.");
        EmailSendFailures = Meter.CreateCounter<long>("hiring.emails.send_failures", "{attempt}",
            "Outbox send attempts that failed (final=true when the email was given up).");
    }

    public Meter Meter { get; }
    public Counter<long> ApplicationsReceived { get; }
    public Counter<long> FeedbackRemindersSent { get; }
    public Counter<long> EmailsSent { get; }
    public Counter<long> EmailSendFailures { get; }
}
