using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Routing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Behaviours;

// Marked queries (IReadFromReplica) read the replica while their handler runs; authorization and validation before
// it read the primary, so a role or team change is never judged on stale rows. A command that succeeds starts the
// browser's read-your-writes window (the web layer turns ReadRouting.Wrote into a short-lived cookie). ADR-0020.
public sealed class ReadRoutingBehaviour<TMessage, TResponse>(ReadRouting routing, ReadReplica replica, AppDbContext db,
    ReplicaRoutingInterceptor interceptor) : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // Never a command, even one marked by mistake (an architecture test forbids it): a hot standby refuses writes.
        if (message is IReadFromReplica and not IBaseCommand && replica.IsConfigured && !routing.UseReplica && db.Database.CurrentTransaction is null)
        {
            routing.UseReplica = true;
            try
            {
                return await next(message, cancellationToken);
            }
            finally
            {
                routing.UseReplica = false;
                // A handler that opened the connection itself leaves it open: close it, or the next request in this
                // scope would read the replica too.
                var connection = db.Database.GetDbConnection();
                if (connection.State != System.Data.ConnectionState.Closed && interceptor.IsOnReplica(connection))
                    await db.Database.CloseConnectionAsync();
            }
        }

        var response = await next(message, cancellationToken);
        if (message is IBaseCommand) routing.Wrote = true;
        return response;
    }
}
