using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

// Sends the outbox's due emails. Several app instances can run this at once without sending anything twice:
// a short transaction claims a batch with FOR UPDATE SKIP LOCKED and marks it Sending with a lease, then the
// emails go out with no lock held (an SMTP server can be slow) and each is marked sent or failed on its own.
// An instance that dies mid-batch leaves rows in Sending; they become due again when the lease runs out,
// so delivery is at least once, never silently dropped.
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes, IEmailSender sender, TimeProvider clock, IOptions<EmailOptions> options, ILogger<OutboxProcessor> logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Works through everything due now, a batch at a time. Returns how many emails it tried to send.
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            var attempted = await ProcessBatchAsync(ct);
            total += attempted;
            if (attempted < options.Value.BatchSize) break;
        }
        return total;
    }

    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await ClaimAsync(db, options.Value.BatchSize, ct);
        foreach (var email in batch)
        {
            string? error = null;
            try
            {
                await sender.SendAsync(new EmailMessage(email.To, email.ToName, email.Subject, email.TextBody, email.HtmlBody,
                    email.AttachmentName, email.AttachmentContentType, email.AttachmentContent), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
                LogSendFailed(email.Id, email.Attempts + 1, error);
            }
            if (error is null) email.MarkSent(clock.GetUtcNow());
            else email.MarkFailed(error, clock.GetUtcNow());
            try
            {
                // One save per email: a failure later in the batch must not send the earlier ones again.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // The row went away meanwhile (erased, or a test reset): nothing left to record.
                LogRecordFailed(ex, email.Id);
                db.ChangeTracker.Clear();
            }
        }
        return batch.Count;
    }

    private async Task<List<OutboxEmail>> ClaimAsync(AppDbContext db, int size, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = clock.GetUtcNow();
            var sending = nameof(EmailStatus.Sending);
            var pending = nameof(EmailStatus.Pending);
            // Abandoned claims first (rare), then queued emails in due order; both walk the (status, next_attempt_at) index.
            var claimed = await db.OutboxEmails.FromSql($"""
                SELECT * FROM outbox_emails
                WHERE status = {sending} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at LIMIT {size}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(token);
            if (claimed.Count < size)
            {
                claimed.AddRange(await db.OutboxEmails.FromSql($"""
                    SELECT * FROM outbox_emails
                    WHERE status = {pending} AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at LIMIT {size - claimed.Count}
                    FOR UPDATE SKIP LOCKED
                    """).ToListAsync(token));
            }
            foreach (var email in claimed) email.MarkSending(now + Lease);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return claimed;
        }, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Sending outbox email {EmailId} failed (attempt {Attempt}): {Error}")]
    private partial void LogSendFailed(Guid emailId, int attempt, string error);

    [LoggerMessage(LogLevel.Warning, "Could not record the delivery result of outbox email {EmailId}")]
    private partial void LogRecordFailed(Exception ex, Guid emailId);
}
