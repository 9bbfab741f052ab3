using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Behaviours;

// Every command runs in one transaction, through EF's execution strategy so a transient fault retries the
// whole command. The audit interceptor writes inside the same transaction. Queries skip all of this.
public sealed class TransactionBehaviour<TMessage, TResponse>(AppDbContext db, CommandScope scope)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);

        scope.CommandName = RequestName.Of<TMessage>();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            var committed = await strategy.ExecuteAsync(async ct =>
            {
                // A lost unique-key race rolls back and runs once more, now seeing the winner's rows (DatabaseConflicts).
                for (var attempt = 1; ; attempt++)
                {
                    db.ChangeTracker.Clear();
                    scope.DiscardAfterCommit();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    try
                    {
                        var response = await next(message, ct);
                        await transaction.CommitAsync(ct);
                        return response;
                    }
                    catch (Exception ex) when (attempt == 1 && DatabaseConflicts.IsUniqueViolation(ex))
                    {
                        await transaction.RollbackAsync(ct);
                    }
                }
            }, cancellationToken);
            scope.RunAfterCommit();
            return committed;
        }
        catch (Exception ex) when (DatabaseConflicts.IsLostRace(ex))
        {
            throw new ConcurrencyConflictException(DatabaseConflicts.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this while you were working on it. The page now shows the current version; make your change again if it still applies.");
        }
        finally
        {
            scope.CommandName = null;
            scope.DiscardAfterCommit();
        }
    }
}
