using System.Reflection;
using HiringPlatform.Application.Common.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HiringPlatform.Web.Infrastructure.Observability;

// OpenTelemetry traces and metrics (ADR-0021). Always collected; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
// is set, and scraped by Prometheus on Metrics:Port, a port of its own that the Service and the ingress never expose.
public static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<BacklogOptions>(configuration.GetSection(BacklogOptions.Section));
        builder.Services.AddOptions<BacklogHealthOptions>().Bind(configuration.GetSection(BacklogHealthOptions.Section));
        var metricsPort = MetricsPort(configuration);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        var version = typeof(ObservabilityExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "hiringplatform", serviceVersion: version))
            .WithTracing(tracing => tracing
                .AddSource(HiringTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                    // Probes (every few seconds, per pod) and scrapes would drown the traces that matter.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && http.Connection.LocalPort != metricsPort)
                .AddHttpClientInstrumentation()
                // Npgsql's own ActivitySource; AddApplication traces only commands run inside a span (see there).
                .AddNpgsql())
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(HiringTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (metricsPort is not null) metrics.AddPrometheusExporter();
                // The backlog gauges exist once OperationalBacklog does: create it with the meter provider.
                if (metrics is IDeferredMeterProviderBuilder deferred) deferred.Configure((services, _) => services.GetRequiredService<OperationalBacklog>());
            });
        // OTLP's endpoint, protocol, headers and timeouts come from the standard OTEL_EXPORTER_OTLP_* settings.
        if (otlp) telemetry.UseOtlpExporter();

        if (metricsPort is { } port) builder.WebHost.ListenAlsoOn(configuration, port);
        return builder;
    }

    // /metrics answers only on the metrics port; everything else on that port is a 404, and /metrics on the public
    // port falls through to the app, which has no such page (404). The check is on the port the connection came in on,
    // never the Host header, which a client chooses.
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        if (MetricsPort(app.Configuration) is not { } port) return app;
        app.UseWhen(http => http.Connection.LocalPort == port, metricsPort =>
        {
            metricsPort.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == MetricsPath);
            metricsPort.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        return app;
    }

    public static int? MetricsPort(IConfiguration configuration) =>
        configuration.GetValue<int?>("Metrics:Port") is { } port and > 0 and <= 65535 ? port : null;

    // Kestrel listens on the configured addresses (URLS, or HTTP_PORTS / HTTPS_PORTS) plus the metrics port. Listening
    // set in code would replace those addresses; adding to the same setting keeps them.
    private static void ListenAlsoOn(this IWebHostBuilder webHost, IConfiguration configuration, int port)
    {
        if (configuration.GetSection("Kestrel:Endpoints").Exists()) return; // explicit endpoints: list the metrics port there too
        var (key, value) = ListenSetting(configuration[WebHostDefaults.ServerUrlsKey], configuration[WebHostDefaults.HttpPortsKey],
            configuration[WebHostDefaults.HttpsPortsKey], port);
        webHost.UseSetting(key, value);
    }

    internal static (string Key, string Value) ListenSetting(string? urls, string? httpPorts, string? httpsPorts, int metricsPort)
    {
        if (!string.IsNullOrWhiteSpace(urls)) return (WebHostDefaults.ServerUrlsKey, $"{urls.TrimEnd(';')};http://*:{metricsPort}");
        if (!string.IsNullOrWhiteSpace(httpPorts) || !string.IsNullOrWhiteSpace(httpsPorts))
            return (WebHostDefaults.HttpPortsKey, string.IsNullOrWhiteSpace(httpPorts) ? $"{metricsPort}" : $"{httpPorts.TrimEnd(';')};{metricsPort}");
        // Kestrel's own default when nothing is configured.
        return (WebHostDefaults.ServerUrlsKey, $"http://localhost:5000;http://*:{metricsPort}");
    }
}
