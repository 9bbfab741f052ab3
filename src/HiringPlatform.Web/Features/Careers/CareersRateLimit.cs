using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Careers.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Features.Careers;

// Marks the endpoints counted against "applications per hour from one address".
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApplyRateLimitedAttribute : Attribute;

// Application posts are limited per client address and clock hour: generous for a person, even several people behind
// one office address, and a brake on scripts. The limit is the admin setting "applications per hour from one address"
// (read through SettingsCache, so a change applies within seconds everywhere); an operator can pin it with
// Careers__ApplyRateLimitPerHour (load tests, incidents). The count is kept in PostgreSQL (rate_limit_windows, one
// upsert per post), so it holds across every app instance; the client address is the one the trusted proxy
// forwarded (ProxySetup). The refusal is a friendly page that says when to try again, with a Retry-After header.
public static class CareersRateLimit
{
    public static IApplicationBuilder UseCareersRateLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ApplyRateLimitedAttribute>() is null)
            {
                await next(http);
                return;
            }
            var services = http.RequestServices;
            var limit = await CurrentLimitAsync(services, http.RequestAborted);
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var window = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
            var hits = await HitAsync(services.GetRequiredService<AppDbContext>(), "apply:" + ClientKey(http.Connection.RemoteIpAddress), window, http.RequestAborted);
            if (hits <= limit)
            {
                await next(http);
                return;
            }
            await RejectAsync(http, window.AddHours(1) - now);
        });

    public static async Task<int> CurrentLimitAsync(IServiceProvider services, CancellationToken ct)
    {
        var pinned = services.GetRequiredService<IOptionsMonitor<CareersOptions>>().CurrentValue.ApplyRateLimitPerHour;
        if (pinned is > 0) return pinned.Value;
        var settings = await services.GetRequiredService<SettingsCache>().GetAsync(services.GetRequiredService<AppDbContext>(), ct);
        return Math.Max(1, settings.ApplyRateLimitPerHour);
    }

    // Counts this request and returns the window's count so far, atomically across instances.
    private static async Task<int> HitAsync(AppDbContext db, string key, DateTimeOffset window, CancellationToken ct)
    {
        var hits = await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_windows (key, window_start, hits) VALUES ({key}, {window}, 1)
            ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
            RETURNING hits AS "Value"
            """).ToListAsync(ct);
        // Past windows are of no use: about one request in a hundred sweeps them away.
        if (Random.Shared.Next(100) == 0)
            await db.Database.ExecuteSqlAsync($"DELETE FROM rate_limit_windows WHERE window_start < {window.AddHours(-1)}", ct);
        return hits[0];
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

    private static async Task RejectAsync(HttpContext http, TimeSpan retryAfter)
    {
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
