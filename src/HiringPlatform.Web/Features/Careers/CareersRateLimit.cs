using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Careers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Features.Careers;

// Application posts are limited per client address and hour: generous for a person, even several people behind
// one office address, and a brake on scripts. The limit is the admin setting "applications per hour from one
// address" (read through SettingsCache, so a change applies within seconds on every instance); an operator can
// pin it with Careers__ApplyRateLimitPerHour (load tests, incidents). The client address is the one the trusted
// proxy forwarded (ReverseProxy section, see ProxySetup), so applicants behind one ingress do not share a bucket.
// The refusal is a friendly page that says when to try again, with a Retry-After header.
public static class CareersRateLimit
{
    public const string ApplyPolicy = "careers-apply";
    private const string LimitItem = "careers.apply-limit";

    public static IServiceCollection AddCareersRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApplyPolicy, http =>
            {
                var limit = http.Items[LimitItem] as int? ?? SettingDefaults.ApplyRateLimitPerHour;
                // The limit is part of the key: after an admin changes it, the next request starts a bucket of the new size.
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http.Connection.RemoteIpAddress) + "|" + limit.ToString(CultureInfo.InvariantCulture),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
            });
            options.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    // The partitioner is synchronous, so the current limit is read (asynchronously, from the settings cache) just
    // before the rate limiter runs, and only for the endpoints that use the policy.
    public static IApplicationBuilder UseCareersRateLimit(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == ApplyPolicy)
                http.Items[LimitItem] = await CurrentLimitAsync(http.RequestServices, http.RequestAborted);
            await next(http);
        });
        return app.UseRateLimiter();
    }

    public static async Task<int> CurrentLimitAsync(IServiceProvider services, CancellationToken ct)
    {
        var pinned = services.GetRequiredService<IOptionsMonitor<CareersOptions>>().CurrentValue.ApplyRateLimitPerHour;
        if (pinned is > 0) return pinned.Value;
        var settings = await services.GetRequiredService<SettingsCache>().GetAsync(services.GetRequiredService<AppDbContext>(), ct);
        return Math.Max(1, settings.ApplyRateLimitPerHour);
    }

    // One bucket per IPv4 address, and per /64 for IPv6 (one subscriber usually holds a whole /64).
    public static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromHours(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var services = http.RequestServices;
        var view = new ViewResult
        {
            ViewName = "~/Features/Careers/TooManyRequests.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<TimeSpan>(services.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
            {
                Model = TimeSpan.FromSeconds(seconds),
            },
            TempData = services.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http),
        };
        await view.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }
}
