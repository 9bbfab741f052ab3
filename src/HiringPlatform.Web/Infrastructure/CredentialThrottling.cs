using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace HiringPlatform.Web.Infrastructure;

// Every endpoint that checks a secret (password, authenticator code, recovery code, emailed token) is throttled by
// ASP.NET Core's rate limiter, three ways at once (ADR-0015):
//   - per client address, over all accounts: one machine cannot spray passwords across the staff list;
//   - per account and address: the tight limit, which an attacker elsewhere cannot use against the account's owner;
//   - per account over all addresses: the cap on a distributed guesser. A browser that has signed in to the account
//     before carries a device cookie and gets a bucket of its own, so a flood from elsewhere never locks its owner out.
// It replaces Identity's hard lockout, which let anyone lock any staff member out and told who had an account.
public enum ThrottledAccount
{
    // The "Email" field posted (sign-in, forgot password).
    FormEmail,
    // The "UserId" field posted (reset and set-password links).
    FormUserId,
    // The person between the password and the two-step code (Identity's two-factor cookie).
    TwoFactorUser,
    // The signed-in person (change password, two-step settings).
    SignedInUser,
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class ThrottledAttribute(ThrottledAccount account) : Attribute
{
    public ThrottledAccount Account { get; } = account;
}

public sealed class ThrottlingOptions
{
    public int PerAddress { get; set; } = 60;
    public int PerAccountAndAddress { get; set; } = 10;
    public int PerAccount { get; set; } = 100;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromHours(1);
}

public static class CredentialThrottling
{
    private const string AccountKey = "throttle.account";
    private const string DeviceKey = "throttle.device";
    public const string RetryAfterKey = "throttle.retry-after";
    public const string DeviceCookie = "hp.device";
    private const string DevicePurpose = "SignInDevice";

    public static IServiceCollection AddCredentialThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Security:Throttling").Get<ThrottlingOptions>() ?? new ThrottlingOptions();
        services.AddSingleton(options);
        // One rate limiter serves the app (the careers apply policy too, UseWebFeatures): this adds the global
        // credential limiter and wraps the refusal so credential requests get their own page.
        services.AddRateLimiter(_ => { });
        services.PostConfigure<RateLimiterOptions>(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partition(c => "address:" + Address(c), options.PerAddress, options.Window),
                Partition(c => Account(c) is { } account ? account + "@" + Address(c) : null, options.PerAccountAndAddress, options.Window),
                Partition(c => c.Items[DeviceKey] is string device ? "device:" + device : Account(c), options.PerAccount, options.AccountWindow));
            var other = o.OnRejected;
            o.OnRejected = (context, ct) =>
            {
                if (context.HttpContext.Items[AccountKey] is null && other is not null) return other(context, ct);
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var seconds = (int)Math.Ceiling(Math.Max(1, retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                // The status page (re-executed for 429) says when to come back.
                context.HttpContext.Items[RetryAfterKey] = seconds;
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    // Works out whose account a credential request is about before the limiter runs (its partitioners cannot await).
    // Goes after routing (it reads the endpoint) and before UseRateLimiter.
    public static IApplicationBuilder UseCredentialThrottling(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            var throttled = context.GetEndpoint()?.Metadata.GetMetadata<ThrottledAttribute>();
            if (throttled is not null && HttpMethods.IsPost(context.Request.Method))
            {
                var account = await AccountAsync(context, throttled.Account);
                // Nobody signed in (or between password and code): no credential is checked here, and the request is
                // sent to sign in; counting it would only let anonymous posts fill a bucket shared by everyone.
                if (account is null && throttled.Account is ThrottledAccount.SignedInUser or ThrottledAccount.TwoFactorUser)
                {
                    await next(context);
                    return;
                }
                context.Items[AccountKey] = account ?? "account:none";
                if (throttled.Account == ThrottledAccount.FormEmail && DeviceOf(context) is { } device) context.Items[DeviceKey] = device;
            }
            await next(context);
        });
        return app;
    }

    // Issued after a successful sign-in: this browser has proven it knows the account (OWASP's device cookies).
    public static void IssueDeviceCookie(HttpContext context, string email)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(DevicePurpose);
        var value = protector.Protect(Normalize(email) + "|" + Guid.NewGuid().ToString("N"));
        context.Response.Cookies.Append(DeviceCookie, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Expires = DateTimeOffset.UtcNow.AddDays(180),
        });
    }

    private static string? DeviceOf(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(DeviceCookie, out var cookie) || context.Items[AccountKey] is not string account) return null;
        try
        {
            var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(DevicePurpose);
            var parts = protector.Unprotect(cookie).Split('|');
            return parts.Length == 2 && "email:" + parts[0] == account ? parts[1] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static async Task<string?> AccountAsync(HttpContext context, ThrottledAccount kind)
    {
        switch (kind)
        {
            case ThrottledAccount.FormEmail or ThrottledAccount.FormUserId:
                if (!context.Request.HasFormContentType) return null;
                // Read once here; MVC's binding and antiforgery reuse the buffered form.
                IFormCollection form;
                try
                {
                    form = await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed body (invalid characters, too many values): MVC refuses it with a 400 of its own.
                    return null;
                }
                return kind == ThrottledAccount.FormEmail
                    ? form["Email"].ToString() is { Length: > 0 } email ? "email:" + Normalize(email) : null
                    : Guid.TryParse(form["UserId"].ToString(), out var id) ? "user:" + id : null;
            case ThrottledAccount.TwoFactorUser:
                var twoFactor = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
                return twoFactor.Principal?.FindFirstValue(ClaimTypes.Name) is { } userId ? "user:" + userId : null;
            default:
                // Runs before UseAuthentication; the result is cached for the rest of the request.
                var signedIn = await context.AuthenticateAsync();
                return signedIn.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId2 ? "user:" + userId2 : null;
        }
    }

    // Identity's own normalisation (upper-invariant), so "Ann@x.com " and "ann@X.com" share a bucket.
    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    // RemoteIpAddress is what forwarded-headers middleware rewrites, so a proxy setup composes with this.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Account(HttpContext context) => context.Items[AccountKey] as string;

    private static PartitionedRateLimiter<HttpContext> Partition(Func<HttpContext, string?> key, int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            // Only throttled endpoints; the status page re-executed for a 429 keeps the request's Items, not its endpoint.
            if (context.Items[AccountKey] is null || context.GetEndpoint()?.Metadata.GetMetadata<ThrottledAttribute>() is null)
                return RateLimitPartition.GetNoLimiter("");
            var partition = key(context);
            return partition is null
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetSlidingWindowLimiter(partition, _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = window,
                    SegmentsPerWindow = 5,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
}
