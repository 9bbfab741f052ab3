using System.Security.Claims;
using HiringPlatform.Application.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Infrastructure;

// Adds the display name, time zone and two-step status to the sign-in cookie, so the layout, time formatting and
// the two-step requirement need no query.
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string DisplayName = "display_name";
    public const string TimeZone = "time_zone";
    public const string TwoFactor = "two_factor";

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.FindFirst(TwoFactor)?.Value == "true";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(TimeZone, user.TimeZoneId));
        identity.AddClaim(new Claim(TwoFactor, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
