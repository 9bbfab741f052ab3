using System.Security.Cryptography;
using HiringPlatform.Application.Features.Careers.Shared;
using Microsoft.AspNetCore.DataProtection;

namespace HiringPlatform.Web.Features.Careers;

// IApplicationStatusTokens with ASP.NET Core Data Protection. Expiry is checked against the caller's clock
// (TimeProvider) too, so tests can move the clock.
public sealed class ApplicationStatusTokens(IDataProtectionProvider provider) : IApplicationStatusTokens
{
    private const string Purpose = "HiringPlatform.Careers.ApplicationStatus.v1";

    public string Create(Guid applicationId, DateTimeOffset expiresAt) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(applicationId.ToString("N"), expiresAt);

    public Guid? Read(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var value = provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token, out var expiresAt);
            return expiresAt > now && Guid.TryParseExact(value, "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
