using System.Globalization;
using System.Security.Claims;
using HiringPlatform.Application.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Infrastructure;

// The sign-in cookie ends on the server, not only in the browser (ASVS 3.3.1, 3.3.2; ADR-0015):
//   - every request compares the cookie's security stamp with the database (one primary-key read), so after
//     sign-out (which renews the stamp), a password change or deactivation a copied cookie is refused at once;
//   - a session lasts at most AbsoluteLifetime from the password sign-in, however often sliding renews the cookie.
public static class SessionCookies
{
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string SignedInAt = "hp.signed-in-at";

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Events.OnSigningIn = context =>
        {
            // A refresh (profile change, two-step turned on) keeps the original time; only a new sign-in sets it.
            if (!context.Properties.Items.ContainsKey(SignedInAt))
                context.Properties.Items[SignedInAt] = Now(context.HttpContext).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!await IsCurrentAsync(context))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            // Identity's own check (at its interval) refreshes the claims: name, roles, time zone.
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context)
    {
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var value)
            || !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signedInAt)
            || Now(context.HttpContext) - DateTimeOffset.FromUnixTimeSeconds(signedInAt) > AbsoluteLifetime)
            return false;
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) || stamp is null) return false;
        var db = services.GetRequiredService<AppDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        return current == stamp;
    }

    private static DateTimeOffset Now(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
