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

    public int BatchSize { get; set; } = 10;
}

// One batch of pending files: claimed oldest first with FOR UPDATE SKIP LOCKED (several app instances never
// extract the same file), extracted, and written back with the candidate's search text in one transaction.
public sealed partial class ResumeExtractionWorker(AppDbContext db, IFileStorage storage, IResumeTextExtractor extractor,
    IOptions<ResumeExtractionOptions> options, ILogger<ResumeExtractionWorker> logger)
{
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var pending = nameof(ExtractionStatus.Pending);
            var batchSize = Math.Clamp(options.Value.BatchSize, 1, 100);
            var files = await db.Files
                .FromSql($"SELECT * FROM files WHERE extraction = {pending} ORDER BY uploaded_at, id LIMIT {batchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(token);
            if (files.Count == 0) return 0;

            var candidateIds = files.Select(f => f.CandidateId).Distinct().ToList();
            var candidates = await db.Candidates.Where(c => candidateIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, token);
            foreach (var file in files)
            {
                if (file.ContentType is not (ResumeFile.PdfContentType or ResumeFile.DocxContentType))
                {
                    file.Extraction = ExtractionStatus.NotApplicable;
                    continue;
                }
                var content = await storage.ReadAsync(file.StorageKey, token);
                var text = content is null ? null : extractor.Extract(content, file.ContentType);
                if (text is null)
                {
                    file.Extraction = ExtractionStatus.Failed;
                    LogFailed(file.Id);
                    continue;
                }
                file.ExtractedText = text;
                file.Extraction = ExtractionStatus.Done;
                // Search reads the candidate's latest résumé; an older file finishing late must not replace it.
                if (candidates.TryGetValue(file.CandidateId, out var candidate) && !candidate.IsErased
                    && (candidate.ResumeFileId == file.Id || candidate.ResumeFileId is null))
                    candidate.ResumeText = text;
            }
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return files.Count;
        }, ct);
    }

    [LoggerMessage(LogLevel.Warning, "No text could be extracted from file {FileId}")]
    private partial void LogFailed(Guid fileId);
}

// Runs the worker off the request path: applying stays fast however large the résumé.
public sealed partial class ResumeExtractionService(IServiceScopeFactory scopes, IOptions<ResumeExtractionOptions> options,
    ILogger<ResumeExtractionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var idle = TimeSpan.FromSeconds(Math.Max(0.2, options.Value.ExtractionPollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                processed = await scope.ServiceProvider.GetRequiredService<ResumeExtractionWorker>().ProcessBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // One failed batch (database restarting, a concurrent edit) must not stop the service; it retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(ex);
                processed = 0;
            }
            if (processed > 0) continue;
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

    [LoggerMessage(LogLevel.Error, "Résumé text extraction batch failed; retrying later")]
    private partial void LogBatchFailed(Exception ex);
}
