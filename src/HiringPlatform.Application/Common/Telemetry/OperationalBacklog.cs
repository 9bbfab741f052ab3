using System.Diagnostics;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Application.Common.Telemetry;

public sealed class BacklogOptions
{
    public const string Section = "Metrics";

    // How old the counts may be before the next reader (a scrape, a readiness probe) reads them again. Scrapes and
    // probes from every pod then cost one small query per pod per period, however often they come.
    public double BacklogRefreshSeconds { get; set; } = 15;
}

// Emails waiting (Pending or Sending), given up (Failed), the oldest waiting email's age, and résumé files waiting
// for text extraction, as of ReadAt.
public sealed record BacklogSnapshot(long EmailsPending, long EmailsFailed, TimeSpan? OldestPendingEmailAge, long ExtractionBacklog,
    DateTimeOffset ReadAt);

// One home for the backlog numbers: the readiness checks and the metrics gauges both read them from here, cached, so
// neither hammers the database. One round trip over indexed columns.
public sealed partial class OperationalBacklog
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly IOptions<BacklogOptions> _options;
    private readonly ILogger<OperationalBacklog> _logger;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private volatile Cached? _cached;
    private int _refreshing;

    private sealed record Cached(BacklogSnapshot Snapshot, long ReadTimestamp);

    public OperationalBacklog(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BacklogOptions> options,
        ILogger<OperationalBacklog> logger, HiringMetrics metrics)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options;
        _logger = logger;
        // Observable gauges: the SDK calls these at each scrape or export; they never wait for the database.
        var meter = metrics.Meter;
        meter.CreateObservableGauge("hiring.outbox.pending", () => Observe(s => s.EmailsPending), "{email}",
            "Emails waiting to be sent (queued, retrying or being sent).");
        meter.CreateObservableGauge("hiring.outbox.failed", () => Observe(s => s.EmailsFailed), "{email}",
            "Emails given up after every attempt failed; an admin can queue them again on /admin/outbox.");
        meter.CreateObservableGauge("hiring.outbox.oldest_pending_age", () => Observe(s => s.OldestPendingEmailAge?.TotalSeconds ?? 0), "s",
            "Age of the oldest email still waiting to be sent.");
        meter.CreateObservableGauge("hiring.resumes.extraction_backlog", () => Observe(s => s.ExtractionBacklog), "{file}",
            "Résumé files waiting for text extraction.");
    }

    private TimeSpan MaxAge => TimeSpan.FromSeconds(Math.Max(0, _options.Value.BacklogRefreshSeconds));

    // The numbers at most BacklogRefreshSeconds old; reads the database when they are older (one reader at a time).
    public async Task<BacklogSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } fresh) return fresh;
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh() is { } other) return other;
            await using var scope = _scopes.CreateAsyncScope();
            var snapshot = await ReadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), _clock.GetUtcNow(), ct);
            _cached = new Cached(snapshot, Stopwatch.GetTimestamp());
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private BacklogSnapshot? Fresh() =>
        _cached is { } c && Stopwatch.GetElapsedTime(c.ReadTimestamp) <= MaxAge ? c.Snapshot : null;

    // A gauge reports the cached value and, when it is stale, starts one refresh in the background for the next
    // collection. Before the first read completes it reports nothing rather than a made-up zero.
    private IEnumerable<System.Diagnostics.Metrics.Measurement<T>> Observe<T>(Func<BacklogSnapshot, T> value) where T : struct
    {
        var cached = _cached;
        if (cached is null || Stopwatch.GetElapsedTime(cached.ReadTimestamp) > MaxAge) RefreshInBackground();
        return cached is null ? [] : [new System.Diagnostics.Metrics.Measurement<T>(value(cached.Snapshot))];
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await GetAsync(timeout.Token);
            }
            catch (Exception ex)
            {
                // The database away: the gauges keep their last values and the readiness check says so.
                LogRefreshFailed(ex.GetType().Name);
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private static async Task<BacklogSnapshot> ReadAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Plain ADO: four scalars in one round trip; walks the (status, …) indexes of outbox_emails and the
        // (extraction, uploaded_at) index of files. The status names are our own constants, not input.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT
                  (SELECT count(*) FROM outbox_emails WHERE status IN ('{EmailStatus.Pending}', '{EmailStatus.Sending}')),
                  (SELECT count(*) FROM outbox_emails WHERE status = '{EmailStatus.Failed}'),
                  (SELECT min(created_at) FROM outbox_emails WHERE status IN ('{EmailStatus.Pending}', '{EmailStatus.Sending}')),
                  (SELECT count(*) FROM files WHERE extraction = '{ExtractionStatus.Pending}')
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var oldest = reader.IsDBNull(2) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(2);
            var age = oldest is { } o ? (now - o < TimeSpan.Zero ? TimeSpan.Zero : now - o) : (TimeSpan?)null;
            return new BacklogSnapshot(reader.GetInt64(0), reader.GetInt64(1), age, reader.GetInt64(3), now);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not read the outbox and extraction backlog for the metrics ({Kind})")]
    private partial void LogRefreshFailed(string kind);
}
