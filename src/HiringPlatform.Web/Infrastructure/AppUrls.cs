using HiringPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Infrastructure;

public sealed class AppUrlOptions
{
    // The address people use to reach the app, e.g. https://hiring.example.com (App__PublicUrl).
    public string? PublicUrl { get; set; }
}

// Links in emails point at the configured public address. Outside Production it defaults to the address
// ./build.sh run serves on; Production refuses to start without it rather than mail out broken links.
public sealed class AppUrls(IOptions<AppUrlOptions> options) : IAppUrls
{
    public const string DevelopmentUrl = "http://localhost:5000";

    public string Absolute(string pathAndQuery) =>
        options.Value.PublicUrl!.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');
}

public static class AppUrlsRegistration
{
    public static IServiceCollection AddAppUrls(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<AppUrlOptions>()
            .Bind(configuration.GetSection("App"))
            .PostConfigure(o => o.PublicUrl = string.IsNullOrWhiteSpace(o.PublicUrl) && !environment.IsProduction() ? AppUrls.DevelopmentUrl : o.PublicUrl)
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "Set App__PublicUrl to the address people use to reach HiringPlatform (for example https://hiring.example.com): emailed links are built from it.")
            .ValidateOnStart();
        services.AddSingleton<IAppUrls, AppUrls>();
        return services;
    }
}
