namespace HiringPlatform.Application.Common.Interfaces;

// Implemented in Web from the signed-in principal; tests substitute a plain fake.
public interface ICurrentUser
{
    Guid? Id { get; }
    string? Name { get; }
    bool IsAuthenticated { get; }
    bool IsInRole(string role);
    string? CorrelationId { get; }
}

public static class CurrentUserExtensions
{
    public static Guid RequireId(this ICurrentUser user) =>
        user.Id ?? throw new Exceptions.ForbiddenAccessException("Sign in first.");

    public static bool IsAdmin(this ICurrentUser user) => user.IsInRole(Domain.Users.Roles.Admin);
}

// Where uploaded bytes live. Never under wwwroot; served only through an authorised action.
public interface IFileStorage
{
    Task SaveAsync(string key, byte[] data, CancellationToken ct);
    Task<byte[]?> ReadAsync(string key, CancellationToken ct);
    Task DeleteAsync(string key, CancellationToken ct);
}

public interface IResumeTextExtractor
{
    // Never throws for a bad file: the failure says why no text came out (ADR-0014).
    Task<ResumeTextResult> ExtractAsync(byte[] content, string contentType, CancellationToken ct);
}

public sealed record ResumeTextResult(string? Text, Domain.Candidates.ExtractionFailure? Failure, TimeSpan Elapsed, long PeakMemoryBytes);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string? HtmlBody,
    string? AttachmentName = null, string? AttachmentContentType = null, byte[]? AttachmentContent = null);
