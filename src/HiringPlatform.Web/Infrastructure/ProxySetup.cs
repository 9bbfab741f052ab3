using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HiringPlatform.Web.Infrastructure;

// The app usually runs behind a proxy that terminates TLS (nginx, a Kubernetes ingress). It believes the proxy's
// X-Forwarded-For / X-Forwarded-Proto only from addresses it is told to trust (ReverseProxy:KnownProxies and
// ReverseProxy:KnownNetworks, plus loopback), so a client cannot claim another address or scheme. With the real
// scheme known, Secure cookies and antiforgery work, HSTS is sent, plain HTTP is redirected to the public https
// address, and rate limits count each client's own address instead of the proxy's.
public static class ProxySetup
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Host is not forwarded: links are built from App:PublicUrl, never from a header the client controls.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            // The defaults (127.0.0.0/8 and ::1) stay: a proxy on the same host or in the same pod is trusted.
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', which is not an IP address."));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', which is not a CIDR range such as 10.0.0.0/8."));
        });

        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("Hsts:MaxAgeDays", 365));
            options.IncludeSubDomains = configuration.GetValue("Hsts:IncludeSubDomains", false);
            // HSTS is only ever sent over HTTPS; the default list would skip it for "localhost", which is where a
            // proxy test or a single-host install reaches the app.
            options.ExcludedHosts.Clear();
        });

        // Redirect plain HTTP to the public address's HTTPS port (443 unless App:PublicUrl names another).
        if (environment.IsProduction() && HttpsPublicUrl(configuration) is { } uri)
            services.AddHttpsRedirection(options => options.HttpsPort = uri.Port);
        return services;
    }

    // The public address when it is https: then plain HTTP is redirected to it (and only then).
    private static Uri? HttpsPublicUrl(IConfiguration configuration) =>
        Uri.TryCreate(configuration["App:PublicUrl"], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;

    // First in the pipeline: everything after it sees the client's address and scheme.
    public static IApplicationBuilder UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsProduction()) return app;
        app.UseHsts();
        // Only when the public address is https; health probes (kubelet, load balancers) come over plain HTTP.
        if (HttpsPublicUrl(app.Configuration) is not null)
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        return app;
    }
}
