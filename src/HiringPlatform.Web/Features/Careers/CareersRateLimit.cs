using System.Globalization;
using System.Threading.RateLimiting;
using HiringPlatform.Application.Features.Careers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.RateLimiting;

namespace HiringPlatform.Web.Features.Careers;

// Application posts are limited per client address and hour (Careers:ApplyRateLimitPerHour, default 20):
// generous for a person, even several people behind one office address, and a brake on scripts.
// The refusal is a friendly page that says when to try again, with a Retry-After header.
public static class CareersRateLimit
{
    public const string ApplyPolicy = "careers-apply";

    public static IServiceCollection AddCareersRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Math.Max(1, configuration.GetValue($"{CareersOptions.Section}:{nameof(CareersOptions.ApplyRateLimitPerHour)}", 20));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(ApplyPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            options.OnRejected = OnRejectedAsync;
        });
        return services;
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
