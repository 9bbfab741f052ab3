using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Careers.Shared;
using HiringPlatform.Web.Features.Careers;

namespace HiringPlatform.Web.Infrastructure;

// Web-only services and middleware that features add (rate limits and the like), kept out of Program.cs.
public static class WebFeatures
{
    public static IServiceCollection AddWebFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CareersOptions>(configuration.GetSection(CareersOptions.Section));
        // The framework's rate limiter serves the credential throttle; the careers limit counts in PostgreSQL (CareersRateLimit).
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        return services;
    }

    public static IApplicationBuilder UseWebFeatures(this IApplicationBuilder app) => app.UseRateLimiter().UseCareersRateLimit();

    public static IServiceCollection Scan<TService>(this IServiceCollection services) where TService : class
    {
        var implementations = typeof(TService).Assembly.GetTypes()
            .Concat(typeof(WebFeatures).Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TService).IsAssignableFrom(t))
            .Distinct();
        foreach (var type in implementations) services.AddScoped(typeof(TService), type);
        return services;
    }
}
