using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using Microsoft.AspNetCore.Authorization;

namespace HiringPlatform.Web.Infrastructure;

// When an admin requires two-step verification (/admin/settings), a signed-in person who has not turned it on
// is sent to set it up from every staff page. Account pages (set-up itself, profile, sign-out) and public pages
// stay reachable. The two_factor claim comes from the sign-in cookie, so most requests cost no query; the
// setting itself is cached (SettingsCache).
public sealed class RequireTwoFactorMiddleware(RequestDelegate next)
{
    public const string SetupPath = "/account/two-factor/setup";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && !AppClaimsPrincipalFactory.HasTwoFactor(context.User)
            && !IsExempt(context)
            && (await context.RequestServices.GetRequiredService<SettingsCache>()
                .GetAsync(context.RequestServices.GetRequiredService<AppDbContext>(), context.RequestAborted)).RequireTwoFactor)
        {
            context.Response.Redirect(SetupPath);
            return;
        }
        await next(context);
    }

    private static bool IsExempt(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/account")) return true;
        var endpoint = context.GetEndpoint();
        return endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    }
}
