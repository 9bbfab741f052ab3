using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Common.Telemetry;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

// Sends the outbox's due emails. Several app instances can run this at once without sending anything twice:
// each email is claimed on its own, just before it is sent, in a short transaction (FOR UPDATE SKIP LOCKED) that
// marks it Sending with a lease and a fresh claim token. While the SMTP server holds the send, a heartbeat renews
// the lease, fenced by the token; if the claim is gone (taken over, erased) or cannot be renewed before it runs
// out, the send is cancelled. The result is recorded only while the token still matches (it is the row's
// concurrency token). An instance that dies mid-send leaves the row in Sending; it is due again when the lease
// runs out, so delivery is at least once, never silently dropped (ADR-0007, ADR-0017).
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes, IEmailSender sender, TimeProvider clock, IOptions<EmailOptions> options, HiringMetrics metrics,
    ILogger<OutboxProcessor> logger)
{
    // The default claim (Email:ClaimSeconds).
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private TimeSpan ClaimTime => TimeSpan.FromSeconds(options.Value.ClaimSeconds);

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

    // Up to BatchSize emails, each claimed just before it is sent: a claim never waits behind a slow batch.
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var attempted = 0;
        while (attempted < options.Value.BatchSize && !ct.IsCancellationRequested)
        {
            var email = await ClaimOneAsync(db, ct);
            if (email is null) break;
            attempted++;
            var (error, claimLost) = await SendHoldingClaimAsync(email, ct);
            if (claimLost)
            {
                LogClaimLost(email.Id);
                db.ChangeTracker.Clear();
                continue;
            }
            if (error is null) email.MarkSent(clock.GetUtcNow());
            else email.MarkFailed(error, clock.GetUtcNow());
            try
            {
                // One save per email, fenced by the claim token: a failure later in the batch must not send the earlier
                // ones again, and a dispatcher whose claim was taken over records nothing.
                await db.SaveChangesAsync(ct);
                // Counted once the result is recorded: a dispatcher that lost its claim counts nothing.
                if (error is null) metrics.EmailsSent.Add(1);
                else metrics.EmailSendFailures.Add(1, new KeyValuePair<string, object?>("final", email.Status == EmailStatus.Failed));
            }
            catch (DbUpdateException ex)
            {
                // The row went away or was claimed by another dispatcher meanwhile: nothing left to record.
                LogRecordFailed(ex, email.Id);
            }
            db.ChangeTracker.Clear();
        }
        return attempted;
    }

    // Sends while a heartbeat keeps the claim. Returns the send error (null when sent), or claimLost when the claim
    // went away or could not be renewed in time: then another dispatcher may send it and this one must not record it.
    private async Task<(string? Error, bool ClaimLost)> SendHoldingClaimAsync(OutboxEmail email, CancellationToken ct)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var stopHeartbeat = new CancellationTokenSource();
        var lost = 0;
        var heartbeat = Task.Run(() => HeartbeatAsync(email.Id, email.ClaimToken!.Value, email.NextAttemptAt, () =>
        {
            Interlocked.Exchange(ref lost, 1);
            sending.Cancel();
        }, stopHeartbeat.Token), CancellationToken.None);
        string? error = null;
        try
        {
            await sender.SendAsync(new EmailMessage(email.To, email.ToName, email.Subject, email.TextBody, email.HtmlBody,
                email.AttachmentName, email.AttachmentContentType, email.AttachmentContent), sending.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Volatile.Read(ref lost) == 0)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            LogSendFailed(email.Id, email.Attempts + 1, error);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Cancelled by the heartbeat (whatever the sender throws then): the claim is gone.
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }
        ct.ThrowIfCancellationRequested();
        return (error, Volatile.Read(ref lost) == 1);
    }

    // Renews the claim every third of the claim time. Gives up (and cancels the send) when the row no longer carries
    // this claim's token, or when renewals keep failing (the database is away) until the claim is about to run out.
    private async Task HeartbeatAsync(Guid emailId, Guid token, DateTimeOffset heldUntil, Action onLost, CancellationToken stop)
    {
        var every = ClaimTime / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stop);
                var until = clock.GetUtcNow() + ClaimTime;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var sending = EmailStatus.Sending;
                var renewed = await db.OutboxEmails
                    .Where(e => e.Id == emailId && e.ClaimToken == token && e.Status == sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, until), stop);
                if (renewed == 0)
                {
                    onLost();
                    return;
                }
                heldUntil = until;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRenewFailed(ex, emailId);
                if (clock.GetUtcNow() + every >= heldUntil)
                {
                    onLost();
                    return;
                }
            }
        }
    }

    private async Task<OutboxEmail?> ClaimOneAsync(AppDbContext db, CancellationToken ct)
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
            var email = await db.OutboxEmails.FromSql($"""
                SELECT * FROM outbox_emails
                WHERE status = {sending} AND next_attempt_at <= {now}
                ORDER BY next_attempt_at LIMIT 1
                FOR UPDATE SKIP LOCKED
                """).FirstOrDefaultAsync(token)
                ?? await db.OutboxEmails.FromSql($"""
                    SELECT * FROM outbox_emails
                    WHERE status = {pending} AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """).FirstOrDefaultAsync(token);
            if (email is null) return null;
            email.MarkSending(now + ClaimTime, Guid.NewGuid());
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return email;
        }, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Sending outbox email {EmailId} failed (attempt {Attempt}): {Error}")]
    private partial void LogSendFailed(Guid emailId, int attempt, string error);

    [LoggerMessage(LogLevel.Warning, "Could not record the delivery result of outbox email {EmailId}")]
    private partial void LogRecordFailed(Exception ex, Guid emailId);

    [LoggerMessage(LogLevel.Warning, "Could not renew the claim on outbox email {EmailId}")]
    private partial void LogRenewFailed(Exception ex, Guid emailId);

    [LoggerMessage(LogLevel.Warning, "Lost the claim on outbox email {EmailId} while sending; another dispatcher will send it")]
    private partial void LogClaimLost(Guid emailId);
}
