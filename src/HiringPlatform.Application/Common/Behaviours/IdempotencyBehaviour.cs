using System.Text.Json;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Operations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Behaviours;

// Runs a command that carries an idempotency key (IIdempotentCommand) at most once per key. It sits inside
// TransactionBehaviour, so the key and the command's writes commit together: if the commit happened, the key is
// there, whether or not its acknowledgement reached us. A replay (the execution strategy retrying after a lost
// acknowledgement, or the person sending the form again after a 503) finds the key and gets the first outcome.
public sealed class IdempotencyBehaviour<TMessage, TResponse>(AppDbContext db, ICurrentUser user, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    // First half of the two-part advisory lock key, so these locks never meet anyone else's.
    private const int LockClass = 170017;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IIdempotentCommand { IdempotencyKey: { } key } || db.Database.CurrentTransaction is null)
            return await next(message, cancellationToken);

        var name = RequestName.Of<TMessage>();
        // Two arrivals at once (a double-click): the second waits here until the first commits, then finds its key.
        var lockKey = BitConverter.ToInt32(key.ToByteArray(), 12);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {lockKey})", cancellationToken);

        var previous = await db.IdempotencyRecords.AsNoTracking().Where(r => r.Key == key)
            .Select(r => new { r.RequestName, r.UserId, r.Response }).SingleOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            // A key is only ever reused by the same person sending the same form again.
            if (previous.RequestName != name || previous.UserId != user.Id)
                throw new DomainException("This form has already been sent. Reload the page and try again.");
            return JsonSerializer.Deserialize<TResponse>(previous.Response)!;
        }

        var response = await next(message, cancellationToken);
        db.IdempotencyRecords.Add(new IdempotencyRecord(key, name, user.Id, clock.GetUtcNow(), JsonSerializer.Serialize(response)));
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }
}
