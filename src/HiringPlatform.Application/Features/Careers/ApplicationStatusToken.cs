using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HiringPlatform.Application.Features.Careers;

// The candidate's private link (/careers/my-application/{token}) carries the application id, signed and
// encrypted with ASP.NET Core Data Protection and with an expiry. Nobody can forge or enumerate one, and an
// old link stops working. Expiry is checked against TimeProvider too, so tests can move the clock.
public static class ApplicationStatusToken
{
    private const string Purpose = "HiringPlatform.Careers.ApplicationStatus.v1";

    public static string Create(IDataProtectionProvider provider, Guid applicationId, DateTimeOffset expiresAt) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(applicationId.ToString("N"), expiresAt);

    public static Guid? Read(IDataProtectionProvider provider, string? token, DateTimeOffset now)
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
