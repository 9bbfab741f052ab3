namespace HiringPlatform.Application.Features.Careers.Shared;

// The candidate's private link (/careers/my-application/{token}) carries the application id, signed and encrypted,
// with an expiry: nobody can forge or enumerate one, and an old link stops working. Implemented in Web with ASP.NET
// Core Data Protection's time-limited protector, which is part of the framework Application does not reference.
public interface IApplicationStatusTokens
{
    string Create(Guid applicationId, DateTimeOffset expiresAt);

    // The application id, or null for a malformed, forged or expired token (expiry checked against `now`).
    Guid? Read(string? token, DateTimeOffset now);
}
