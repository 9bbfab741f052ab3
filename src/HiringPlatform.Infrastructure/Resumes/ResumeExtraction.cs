using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Common.Files;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Resumes;

public sealed class ResumeExtractionOptions
{
    public const string Section = "Resumes";

    public bool ExtractionEnabled { get; set; } = true;

    // How long the worker sleeps when nothing is pending.
    public double ExtractionPollSeconds { get; set; } = 5;

    // Extractor processes running at once in this app instance (each is one file).
    public int MaxConcurrent { get; set; } = 2;

    // Wall-clock limit of one extractor process; it is killed (with its tree) after this.
    public double TimeoutSeconds { get; set; } = 30;

    // The child's managed heap limit (DOTNET_GCHeapHardLimit); the OS data limit is at least three times this.
    public int MemoryLimitMegabytes { get; set; } = 256;

    public int OsMemoryLimitMegabytes { get; set; } = 768;

    // prlimit --data on Linux when util-linux is installed; the GC limit alone otherwise.
    public bool UseOsMemoryLimit { get; set; } = true;

    // Text read back from the child; more than this is a hostile file, not a résumé.
    public int MaxOutputBytes { get; set; } = 1024 * 1024;

    // A file whose reader crashed or timed out this many times is failed for good.
    public int MaxAttempts { get; set; } = 2;

    // An attempt older than this was abandoned by an app instance that died; another instance may take over.
    public double AttemptLeaseSeconds { get; set; } = 300;
}

// One file at a time (ADR-0014). The attempt is counted and stamped in its own committed statement BEFORE the extractor
// runs, so a crash (of the child, or of this process) can never roll it back and put the file back in the queue as new;
// the result is written in a second short transaction. One file's failure never touches another file.
public sealed partial class ResumeExtractionWorker(AppDbContext db, IFileStorage storage, IResumeTextExtractor extractor,
    IOptions<ResumeExtractionOptions> options, TimeProvider clock, ILogger<ResumeExtractionWorker> logger)
{
    // Claims and extracts the oldest pending file; false when there was none.
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var file = await ClaimAsync(ct);
        if (file is null) return false;

        if (file.ContentType is not (ResumeFile.PdfContentType or ResumeFile.DocxContentType))
        {
            await FinishAsync(file, ExtractionStatus.NotApplicable, null, null, ct);
            return true;
        }
        var content = await storage.ReadAsync(file.StorageKey, ct);
        if (content is null)
        {
            await FinishAsync(file, ExtractionStatus.NotApplicable, null, null, ct);
            return true;
        }

        ResumeTextResult result;
        try
        {
            result = await extractor.ExtractAsync(content, file.ContentType, ct);
        }
        catch (Exception)
        {
            // Not the file's doing (the extractor could not start, or the app is stopping): the attempt does not count.
            await UndoClaimAsync(file.Id);
            throw;
        }
        LogAttempt(file.Id, file.ExtractionAttempts, result.Failure?.ToString() ?? "Text", (long)result.Elapsed.TotalMilliseconds,
            result.PeakMemoryBytes / (1024 * 1024));
        if (result.Failure is null)
        {
            await FinishAsync(file, ExtractionStatus.Done, result.Text, null, ct);
            return true;
        }
        var retry = result.Failure is ExtractionFailure.Crashed or ExtractionFailure.TimedOut
            && file.ExtractionAttempts < Math.Max(1, options.Value.MaxAttempts);
        LogFailed(file.Id, result.Failure.Value, file.ExtractionAttempts, retry);
        if (retry)
            await ReleaseAsync(file.Id, ct);
        else
            await FinishAsync(file, ExtractionStatus.Failed, null, result.Failure, ct);
        return true;
    }

    private async Task<StoredFile?> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var abandonedBefore = now - TimeSpan.FromSeconds(Math.Max(options.Value.TimeoutSeconds * 2, options.Value.AttemptLeaseSeconds));
        var maxAttempts = Math.Max(1, options.Value.MaxAttempts);
        var pending = nameof(ExtractionStatus.Pending);
        var failed = nameof(ExtractionStatus.Failed);
        var interrupted = nameof(ExtractionFailure.Interrupted);
        db.ChangeTracker.Clear();
        // Files whose last allowed attempt took its app instance down with it: never again (the poison pill).
        var given = await db.Database.ExecuteSqlAsync($"""
            UPDATE files SET extraction = {failed}, extraction_failure = {interrupted}, extraction_started_at = NULL
            WHERE extraction = {pending} AND extraction_started_at < {abandonedBefore} AND extraction_attempts >= {maxAttempts}
            """, ct);
        if (given > 0) LogGivenUp(given);
        // One statement, committed on its own: the attempt counts even if everything after it dies.
        var claimed = await db.Files.FromSql($"""
            UPDATE files SET extraction_attempts = extraction_attempts + 1, extraction_started_at = {now}
            WHERE id = (
                SELECT id FROM files
                WHERE extraction = {pending} AND extraction_attempts < {maxAttempts}
                  AND (extraction_started_at IS NULL OR extraction_started_at < {abandonedBefore})
                ORDER BY uploaded_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
        return claimed.SingleOrDefault();
    }

    private Task UndoClaimAsync(Guid fileId) =>
        db.Files.Where(f => f.Id == fileId && f.Extraction == ExtractionStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.ExtractionAttempts, f => f.ExtractionAttempts - 1)
                .SetProperty(f => f.ExtractionStartedAt, (DateTimeOffset?)null), CancellationToken.None);

    // Another attempt later (the first crash or timeout may have been the machine, not the file).
    private Task ReleaseAsync(Guid fileId, CancellationToken ct) =>
        db.Files.Where(f => f.Id == fileId && f.Extraction == ExtractionStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ExtractionStartedAt, (DateTimeOffset?)null), ct);

    private async Task FinishAsync(StoredFile file, ExtractionStatus status, string? text, ExtractionFailure? failure, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            // Only a file still pending: one erased meanwhile keeps its blanks.
            var updated = await db.Files.Where(f => f.Id == file.Id && f.Extraction == ExtractionStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Extraction, status)
                    .SetProperty(f => f.ExtractedText, text)
                    .SetProperty(f => f.ExtractionFailure, failure)
                    .SetProperty(f => f.ExtractionStartedAt, (DateTimeOffset?)null), token);
            // Search reads the candidate's latest résumé; an older file finishing late must not replace it.
            if (updated > 0 && text is not null)
                await db.Candidates
                    .Where(c => c.Id == file.CandidateId && c.ErasedAt == null && (c.ResumeFileId == file.Id || c.ResumeFileId == null))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.ResumeText, text), token);
            await transaction.CommitAsync(token);
        }, ct);
    }

    [LoggerMessage(LogLevel.Information, "Résumé file {FileId} attempt {Attempt}: {Outcome} in {ElapsedMs} ms, child peak {PeakMegabytes} MB")]
    private partial void LogAttempt(Guid fileId, int attempt, string outcome, long elapsedMs, long peakMegabytes);

    [LoggerMessage(LogLevel.Warning, "No text could be extracted from file {FileId}: {Reason} (attempt {Attempt}, will retry: {Retry})")]
    private partial void LogFailed(Guid fileId, ExtractionFailure reason, int attempt, bool retry);

    [LoggerMessage(LogLevel.Warning, "Gave up on {Count} résumé file(s) whose extraction was interrupted on every attempt")]
    private partial void LogGivenUp(int count);
}

// Runs the worker off the request path: applying stays fast however large the résumé. MaxConcurrent loops, each
// extracting one file at a time in its own child process.
public sealed partial class ResumeExtractionService(IServiceScopeFactory scopes, IOptions<ResumeExtractionOptions> options,
    ILogger<ResumeExtractionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Clamp(options.Value.MaxConcurrent, 1, 16)).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.ExtractionPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                processed = await scope.ServiceProvider.GetRequiredService<ResumeExtractionWorker>().ProcessNextAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failure (database restarting, say) must not stop the service; the file's attempt is already counted.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // The database may be briefly unreachable (one line, no stack); the next poll tries again.
                if (DatabaseUnavailable.Is(ex)) LogDatabaseUnavailable(DatabaseUnavailable.Kind(ex));
                else LogFailed(ex);
            }
            if (processed) continue;
            try
            {
                await Task.Delay(idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Résumé text extraction failed; retrying later")]
    private partial void LogFailed(Exception ex);

    [LoggerMessage(LogLevel.Warning, "Résumé text extraction paused: the database is unavailable ({Kind})")]
    private partial void LogDatabaseUnavailable(string kind);
}
