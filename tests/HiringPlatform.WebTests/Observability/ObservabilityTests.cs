using System.Collections;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Telemetry;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Testing;
using HiringPlatform.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;
using ActivityKind = System.Diagnostics.ActivityKind;

namespace HiringPlatform.WebTests.Observability;

// ADR-0021: a request's trace (server, mediator and database spans), the product's meters, the private metrics port
// and the Degraded readiness checks, on the app as configured in production plus an in-memory span exporter.
public sealed class ObservabilityTests(ObservabilityTests.ObservedApp app) : TestBase<ObservabilityTests.ObservedApp>(app),
    IClassFixture<ObservabilityTests.ObservedApp>
{
    public const int MetricsPort = 9464;

    public sealed class ObservedApp : AppFixture
    {
        protected override string DatabaseName => "obs";

        public LockedList<Activity> Spans { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Metrics:Port", MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Metrics:BacklogRefreshSeconds", "0");
            builder.UseSetting("Health:OutboxPendingDegradedAt", "3");
            builder.UseSetting("Health:OutboxOldestPendingDegradedMinutes", "30");
            builder.UseSetting("Health:ExtractionBacklogDegradedAt", "2");
            // Rows stay where the tests put them.
            builder.UseSetting("Resumes:ExtractionEnabled", "false");
            builder.UseSetting("Email:DispatcherEnabled", "false");
            // A mail server that refuses at once (nothing listens there): the send fails inside its span.
            builder.UseSetting("Email:Mode", "Smtp");
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", ClosedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static readonly int ClosedPort = FindClosedPort();

        private static int FindClosedPort()
        {
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<IStartupFilter, TestLocalPort>();
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        }
    }

    [Fact]
    public async Task Should_trace_a_request_with_its_mediator_span_and_database_spans_in_one_trace()
    {
        // Our own trace id on the way in (W3C traceparent), so spans from other test hosts in this process never match.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/careers");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await App.CreateClientAs(null).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var spans = await SpansAsync(traceId, s => s.Kind == ActivityKind.Server);
        var server = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        var mediator = Assert.Single(spans, s => s.Source.Name == HiringTelemetry.Name && s.DisplayName == "ListOpenPostings.Query");
        Assert.True(IsBelow(mediator, server, spans), "the mediator span sits under the server span");
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(database);
        Assert.All(database, d => Assert.True(IsBelow(d, mediator, spans), $"database span {d.DisplayName} sits under the mediator span"));
        Assert.All(database, d => Assert.Equal("postgresql", d.GetTagItem("db.system.name") ?? d.GetTagItem("db.system")));
    }

    // Serilog 4 stamps every event with Activity.Current's ids, and the compact JSON that production writes carries them.
    // (Checked on a logger of its own: Program's UseSerilog sets the process-wide Log.Logger, and in this test process
    // the last app host built owns it, so a request's lines may land in another host's sinks.)
    [Fact]
    public void Should_write_the_current_trace_and_span_id_on_every_log_line()
    {
        var captured = new CapturedLogs();
        using var logger = new Serilog.LoggerConfiguration().WriteTo.Sink(captured).CreateLogger();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HiringTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using (var span = HiringTelemetry.ActivitySource.StartActivity("ListOpenPostings.Query"))
        {
            Assert.NotNull(span);
            logger.Information("Handled {RequestName}", "ListOpenPostings.Query");
            var json = new StringWriter();
            new CompactJsonFormatter().Format(Assert.Single(captured.Snapshot()), json);
            Assert.Contains($"\"@tr\":\"{span.TraceId}\"", json.ToString(), StringComparison.Ordinal);
            Assert.Contains($"\"@sp\":\"{span.SpanId}\"", json.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_trace_a_failed_smtp_send_and_count_the_failure()
    {
        await App.WithDbAsync(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("someone@example.com", null, "Hello", "Body", null, App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });
        using var measurements = new AppMeasurements(App);
        var traced = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HiringTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (traced) traced.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        // The processor's own span context: started from this test, so only this test's sends are in `traced`.
        using (var root = new Activity("test").Start())
        {
            await App.Services.GetRequiredService<HiringPlatform.Infrastructure.Email.OutboxProcessor>().ProcessDueAsync(CancellationToken.None);
            lock (traced)
            {
                var smtp = Assert.Single(traced, a => a.DisplayName == "smtp send" && a.TraceId == root.TraceId);
                Assert.Equal(ActivityKind.Client, smtp.Kind);
                Assert.Equal(ActivityStatusCode.Error, smtp.Status);
                Assert.Equal("127.0.0.1", smtp.GetTagItem("server.address"));
            }
        }

        Assert.Equal(1, measurements.Sum("hiring.emails.send_failures"));
        Assert.Equal(0, measurements.Sum("hiring.emails.sent"));
    }

    [Fact]
    public async Task Should_count_applications_received_once_committed_and_not_a_refused_one()
    {
        var recruiter = await App.CreateUserAsync("Obs Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Obs Manager", Roles.HiringManager);
        var open = await App.CreatePostingAsync(recruiter, manager);
        var closed = await App.CreatePostingAsync(recruiter, manager, status: PostingStatus.Closed);
        var closedApplication = await App.ApplicationAsync(open.Id, "Closed Door") with { PostingId = closed.Id };
        using var measurements = new AppMeasurements(App);

        await App.SendAsync(await App.ApplicationAsync(open.Id, "Ada Applicant"), null);
        await App.SendAsync(await App.ApplicationAsync(open.Id, "Bo Applicant"), null);
        await Assert.ThrowsAnyAsync<Exception>(() => App.SendAsync(closedApplication, null));

        Assert.Equal(2, measurements.Sum("hiring.applications.received"));
    }

    [Fact]
    public async Task Should_report_the_outbox_and_extraction_backlog_as_gauges()
    {
        var now = App.Clock.GetUtcNow();
        var candidateId = await App.CreateCandidateAsync("Gauge Candidate");
        await App.WithDbAsync(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("a@example.com", null, "One", "Body", null, now.AddMinutes(-10)));
            db.OutboxEmails.Add(new OutboxEmail("b@example.com", null, "Two", "Body", null, now));
            var failed = new OutboxEmail("c@example.com", null, "Three", "Body", null, now);
            for (var i = 0; i < OutboxEmail.MaxAttempts; i++) failed.MarkFailed("550 no such user", now);
            db.OutboxEmails.Add(failed);
            db.Files.Add(new StoredFile(candidateId, FileKind.Resume, "cv.pdf", ResumeFile.PdfContentType, 9, "resumes/gauge", now));
            await db.SaveChangesAsync();
        });
        using var measurements = new AppMeasurements(App);

        // Gauges report the last numbers read and never wait for the database: read them once first.
        await App.Services.GetRequiredService<OperationalBacklog>().GetAsync(CancellationToken.None);
        measurements.Observe();

        Assert.Equal(2, measurements.Last("hiring.outbox.pending"));
        Assert.Equal(1, measurements.Last("hiring.outbox.failed"));
        Assert.InRange(measurements.Last("hiring.outbox.oldest_pending_age"), 600, 660);
        Assert.Equal(1, measurements.Last("hiring.resumes.extraction_backlog"));
    }

    [Fact]
    public async Task Should_serve_metrics_on_the_private_port_only()
    {
        var client = App.CreateClientAs(null);
        var staff = App.CreateClientAs(await App.CreateUserAsync("Metrics Reader", Roles.Admin));
        await client.GetAsync("/careers");

        var scrape = await GetAsync(client, "/metrics", MetricsPort);
        var publicAnonymous = await GetAsync(client, "/metrics", null);
        var publicSignedIn = await GetAsync(staff, "/metrics", null);
        var appOnMetricsPort = await GetAsync(client, "/careers", MetricsPort);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("hiring_outbox_pending", text, StringComparison.Ordinal);
        // On the public port /metrics is just an unknown page: the sign-in redirect for a visitor, 404 when signed in.
        Assert.Equal(HttpStatusCode.Found, publicAnonymous.StatusCode);
        Assert.Contains("/account/sign-in", publicAnonymous.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, publicSignedIn.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await publicSignedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, appOnMetricsPort.StatusCode);
    }

    [Fact]
    public async Task Should_stay_ready_but_report_degraded_when_the_outbox_backlog_passes_its_threshold()
    {
        var client = App.CreateClientAs(null);
        Assert.Equal("Healthy", await ReadyAsync(client));

        var now = App.Clock.GetUtcNow();
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2; i++) db.OutboxEmails.Add(new OutboxEmail($"p{i}@example.com", null, "Queued", "Body", null, now));
            await db.SaveChangesAsync();
        });
        Assert.Equal("Healthy", await ReadyAsync(client));

        await App.WithDbAsync(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("p3@example.com", null, "Queued", "Body", null, now));
            await db.SaveChangesAsync();
        });
        Assert.Equal("Degraded", await ReadyAsync(client));
    }

    [Fact]
    public async Task Should_report_degraded_when_the_oldest_waiting_email_is_older_than_its_threshold()
    {
        var client = App.CreateClientAs(null);
        var now = App.Clock.GetUtcNow();
        await App.WithDbAsync(async db =>
        {
            db.OutboxEmails.Add(new OutboxEmail("old@example.com", null, "Queued", "Body", null, now.AddMinutes(-29)));
            await db.SaveChangesAsync();
        });
        Assert.Equal("Healthy", await ReadyAsync(client));

        App.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal("Degraded", await ReadyAsync(client));
    }

    [Fact]
    public async Task Should_report_degraded_when_the_extraction_backlog_passes_its_threshold()
    {
        var client = App.CreateClientAs(null);
        var candidateId = await App.CreateCandidateAsync("Backlog Candidate");
        var now = App.Clock.GetUtcNow();
        await AddPendingFileAsync(candidateId, "resumes/one", now);
        Assert.Equal("Healthy", await ReadyAsync(client));

        await AddPendingFileAsync(candidateId, "resumes/two", now);

        Assert.Equal("Degraded", await ReadyAsync(client));
    }

    [Theory]
    [InlineData(null, null, null, "urls", "http://localhost:5000;http://*:9464")]
    [InlineData("http://+:8080", "8081", null, "urls", "http://+:8080;http://*:9464")]
    [InlineData(null, "8080", null, "http_ports", "8080;9464")]
    [InlineData(null, null, "8443", "http_ports", "9464")]
    public void Should_listen_on_the_metrics_port_besides_the_configured_addresses(string? urls, string? httpPorts, string? httpsPorts,
        string key, string value)
    {
        Assert.Equal((key, value), ObservabilityExtensions.ListenSetting(urls, httpPorts, httpsPorts, 9464));
    }

    private Task AddPendingFileAsync(Guid candidateId, string key, DateTimeOffset at) => App.WithDbAsync(async db =>
    {
        db.Files.Add(new StoredFile(candidateId, FileKind.Resume, "cv.pdf", ResumeFile.PdfContentType, 9, key, at));
        await db.SaveChangesAsync();
    });

    private static async Task<string> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        // Degraded keeps the pod in rotation: readiness is still 200.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, int? localPort)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (localPort is not null) request.Headers.Add(TestLocalPort.HeaderName, localPort.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return client.SendAsync(request);
    }

    // The server span ends just after the response is sent: wait for it briefly.
    private async Task<List<Activity>> SpansAsync(ActivityTraceId traceId, Func<Activity, bool> last)
    {
        for (var i = 0; ; i++)
        {
            var spans = App.Spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
            if (spans.Any(last) || i == 50) return spans;
            await Task.Delay(100);
        }
    }

    private static bool IsBelow(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId) return true;
            parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }
        return false;
    }
}

// This app's measurements only: its instruments come from its own IMeterFactory (Meter.Scope), so other test hosts
// in the same process, with meters of the same name, are not heard.
public sealed class AppMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value)> _values = [];

    public AppMeasurements(AppFixture app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HiringTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, _, _) => Add(i.Name, v));
        _listener.SetMeasurementEventCallback<double>((i, v, _, _) => Add(i.Name, v));
        _listener.Start();
    }

    private void Add(string name, double value)
    {
        lock (_values) _values.Add((name, value));
    }

    public void Observe() => _listener.RecordObservableInstruments();

    public double Sum(string name)
    {
        lock (_values) return _values.Where(v => v.Name == name).Sum(v => v.Value);
    }

    public double Last(string name)
    {
        lock (_values) return _values.Last(v => v.Name == name).Value;
    }

    public void Dispose() => _listener.Dispose();
}

public sealed class CapturedLogs : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public void Emit(LogEvent logEvent)
    {
        lock (_events) _events.Add(logEvent);
    }

    public List<LogEvent> Snapshot()
    {
        lock (_events) return [.. _events];
    }
}

// TestServer leaves Connection.LocalPort at 0; a test says which port a request came in on (the metrics port or not).
public sealed class TestLocalPort : IStartupFilter
{
    public const string HeaderName = "X-Test-Local-Port";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.LocalPort = int.TryParse(context.Request.Headers[HeaderName].ToString(), out var port) ? port : 8080;
            return nextMiddleware(context);
        });
        next(app);
    };
}

// The in-memory exporter adds from whichever thread ends a span; the test reads a copy.
public sealed class LockedList<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public List<T> Snapshot()
    {
        lock (_items) return [.. _items];
    }

    public void Add(T item)
    {
        lock (_items) _items.Add(item);
    }

    public void Clear()
    {
        lock (_items) _items.Clear();
    }

    public bool Contains(T item)
    {
        lock (_items) return _items.Contains(item);
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_items) _items.CopyTo(array, arrayIndex);
    }

    public bool Remove(T item)
    {
        lock (_items) return _items.Remove(item);
    }

    public int Count
    {
        get { lock (_items) return _items.Count; }
    }

    public bool IsReadOnly => false;

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
