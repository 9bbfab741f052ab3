using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Operations;

// One row per state-changing command, written in the command's own transaction.
// It names fields, never their values: values may be personal data.
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public string Command { get; init; } = "";
    public string EntityType { get; init; } = "";
    public string? EntityId { get; init; }
    public string Action { get; init; } = "";
    public List<string> Fields { get; init; } = [];
    public string? CorrelationId { get; init; }
}

public enum EmailStatus { Pending, Sending, Sent, Failed }

// Transactional outbox: written with the change that causes it, sent later by a background worker.
public sealed class OutboxEmail : Entity
{
    private OutboxEmail() { }

    public OutboxEmail(string to, string? toName, string subject, string textBody, string? htmlBody, DateTimeOffset at, Guid? candidateId = null)
    {
        To = to;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = at;
        NextAttemptAt = at;
        CandidateId = candidateId;
    }

    public string To { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public string? AttachmentName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public byte[]? AttachmentContent { get; private set; }

    // Lets erasure find every email held about a candidate.
    public Guid? CandidateId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public EmailStatus Status { get; private set; } = EmailStatus.Pending;
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    // Which dispatcher holds the claim: a fencing token. It is the row's concurrency token, so a dispatcher whose
    // claim was taken over cannot record a result, and its lease renewals (heartbeats) find nothing to renew.
    public Guid? ClaimToken { get; private set; }

    public const int MaxAttempts = 6;

    // The body carries a link that is itself a credential (set or reset a password, a candidate's status link).
    // Nobody reads it in the admin UI, and it is removed from the stored body once sent (ADR-0012).
    public bool HasSecretLink { get; private set; }

    public const string RedactedLink = "[link removed after sending]";

    // What the admin outbox page and a candidate's export show instead of a body that still holds its secret link.
    public const string HiddenBody = "This email carries a personal sign-in or status link, so its text is not shown.";

    public OutboxEmail WithSecretLink()
    {
        HasSecretLink = true;
        return this;
    }

    public OutboxEmail WithAttachment(string name, string contentType, byte[] content)
    {
        AttachmentName = name;
        AttachmentContentType = contentType;
        AttachmentContent = content;
        return this;
    }

    // Claimed by one dispatcher: the lease keeps other instances away while it sends (the dispatcher renews it
    // while the SMTP server is slow); if that instance dies mid-send, the row becomes due again when the lease
    // runs out (at-least-once delivery), and the next claim gets a new token.
    public void MarkSending(DateTimeOffset leaseUntil, Guid? claimToken = null)
    {
        if (Status is not (EmailStatus.Pending or EmailStatus.Sending)) throw new DomainException("Only a queued email can be sent.");
        Status = EmailStatus.Sending;
        NextAttemptAt = leaseUntil;
        ClaimToken = claimToken ?? Guid.NewGuid();
    }

    // An admin asks for another round of attempts after fixing the cause (for example the SMTP settings).
    public void Requeue(DateTimeOffset at)
    {
        if (Status != EmailStatus.Failed) throw new DomainException("Only an email that failed can be queued again.");
        if (IsErased) throw new DomainException("This email was erased and cannot be sent.");
        Status = EmailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
    }

    public void MarkSent(DateTimeOffset at)
    {
        Status = EmailStatus.Sent;
        SentAt = at;
        Attempts++;
        LastError = null;
        ClaimToken = null;
        if (HasSecretLink)
        {
            TextBody = RedactLinks(TextBody);
            HtmlBody = HtmlBody is null ? null : RedactLinks(HtmlBody);
        }
    }

    // Our own templates write links as absolute http(s) URLs, in text and in href attributes alike.
    public static string RedactLinks(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"https?://[^\s""'<>]+", RedactedLink);

    // Exponential backoff: 1, 2, 4, 8, 16 minutes, then give up.
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        Status = Attempts >= MaxAttempts ? EmailStatus.Failed : EmailStatus.Pending;
        NextAttemptAt = at.AddMinutes(Math.Pow(2, Attempts - 1));
        ClaimToken = null;
    }

    public bool IsErased => To.EndsWith("@invalid", StringComparison.Ordinal);

    public void Erase()
    {
        To = $"erased+{Id:N}@invalid";
        ToName = null;
        Subject = "(erased)";
        TextBody = "";
        HtmlBody = null;
        AttachmentContent = null;
        AttachmentName = null;
    }
}

// Admin settings held in the database so every app instance sees the same value.
public sealed class AppSetting
{
    private AppSetting() { }
    public AppSetting(string key, string value) { Key = key; Value = value; }
    public string Key { get; private set; } = "";
    public string Value { get; set; } = "";
}

// One fixed window of a rate limit shared by every app instance (the careers apply limit): the counter lives in
// PostgreSQL so that N instances allow the limit once, not N times.
public sealed class RateLimitWindow
{
    private RateLimitWindow() { }
    public string Key { get; private set; } = "";
    public DateTimeOffset WindowStart { get; private set; }
    public int Hits { get; private set; }
}

public static class SettingKeys
{
    public const string RequireTwoFactor = "security.require-2fa";
    public const string RetentionMonths = "privacy.retention-months";
    public const string ApplyRateLimitPerHour = "careers.apply-rate-limit-per-hour";
}

// Values used while a setting has no row yet (a fresh installation, or a key added in a later version).
public static class SettingDefaults
{
    public const bool RequireTwoFactor = false;
    public const int RetentionMonths = 24;
    public const int ApplyRateLimitPerHour = 20;
}

// Bytes of uploaded files, kept in PostgreSQL so backups and several app instances need nothing else.
public sealed class FileContent
{
    private FileContent() { }
    public FileContent(string key, byte[] data) { Key = key; Data = data; }
    public string Key { get; private set; } = "";
    public byte[] Data { get; private set; } = [];
}
