using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Jobs;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Retention without anyone pressing a button (ADR-0012): erases the candidates who are due, one batch per
// transaction. Several app instances may run it at once; a transaction-scoped advisory lock lets exactly one of
// them work and the others skip the round. Each batch leaves an audit entry listing the erased ids (ids only).
public sealed partial class ScheduledRetention(AppDbContext db, IFileStorage storage, TimeProvider clock, CommandScope scope,
    ILogger<ScheduledRetention> logger)
{
    public const string CommandName = "ScheduledRetention";
    public const string AuditEntityType = "Retention";

    // Erases every candidate who is due, in batches, then forgets idempotency keys past their use. Null when another
    // instance holds the lock.
    public async Task<int?> RunAsync(CancellationToken ct)
    {
        var erased = await EraseDueAsync(ct);
        // Safe on every instance at once: a delete of old rows, nothing to coordinate.
        var cutoff = clock.GetUtcNow() - IdempotencyRecord.KeptFor;
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
        return erased;
    }

    private async Task<int?> EraseDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var erased = await RunBatchAsync(ct);
            if (erased is null) return total == 0 ? null : total;
            total += erased.Value;
            if (erased.Value < EraseDueCandidates.BatchSize) return total;
        }
    }

    public async Task<int?> RunBatchAsync(CancellationToken ct)
    {
        scope.CommandName = CommandName;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            if (!await JobLock.TryAcquireAsync(db, JobLock.Retention, token)) return (int?)null;
            var now = clock.GetUtcNow();
            var months = await Retention.MonthsAsync(db, token);
            var batch = await Retention.Ordered(Retention.Due(db, now.AddMonths(-months))).Select(c => c.Id)
                .Take(EraseDueCandidates.BatchSize).ToListAsync(token);
            if (batch.Count == 0) return 0;
            var erased = await CandidateEraser.EraseAsync(db, storage, batch, null, now, token);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, UserName = "(scheduled retention)", Command = CommandName, EntityType = AuditEntityType,
                EntityId = $"{months} months", Action = "Erased", Fields = batch.Select(id => id.ToString()).ToList(),
            });
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            LogErased(erased, months);
            return erased;
        }, ct);
    }

    [LoggerMessage(LogLevel.Information, "Retention erased {Count} candidates with no activity for {Months} months")]
    private partial void LogErased(int count, int months);
}
