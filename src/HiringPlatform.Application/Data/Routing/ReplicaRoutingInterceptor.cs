using System.Data.Common;
using HiringPlatform.Application.Common.Exceptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiringPlatform.Application.Data.Routing;

// Points the scope's one AppDbContext connection at the replica while a marked query runs (ADR-0020), and back at
// the primary for everything else. EF opens and closes the connection around each query outside a transaction, so
// the choice is made here, at each open: no second context type, no change in the handlers.
// A replica that refuses the connection is marked down and the same open goes to the primary at once; one that
// fails a command mid-way (a fast shutdown, a dropped socket) is marked down and the retrying execution strategy
// runs the query again, now on the primary. Either way the page is served, from the primary.
public sealed class ReplicaRoutingInterceptor(ReadRouting routing, ReadReplica replica) : DbConnectionInterceptor, IDbCommandInterceptor
{
    private DbConnection? _onReplica;
    private string? _primary;

    public bool IsOnReplica(DbConnection connection) => ReferenceEquals(_onReplica, connection);

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!ShouldUseReplica())
        {
            PointAtPrimary(connection, eventData);
            return result;
        }
        PointAtReplica(connection, eventData);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return InterceptionResult.Suppress();
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            replica.MarkDown(ex);
            PointAtPrimary(connection, eventData);
            return result;
        }
    }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (!ShouldUseReplica())
        {
            PointAtPrimary(connection, eventData);
            return result;
        }
        PointAtReplica(connection, eventData);
        try
        {
            connection.Open();
            return InterceptionResult.Suppress();
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            replica.MarkDown(ex);
            PointAtPrimary(connection, eventData);
            return result;
        }
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command, eventData.Exception);
        return Task.CompletedTask;
    }

    private void Failed(DbCommand command, Exception exception)
    {
        if (command.Connection is { } connection && IsOnReplica(connection) && DatabaseUnavailable.Is(exception))
            replica.MarkDown(exception);
    }

    private bool ShouldUseReplica() => routing is { UseReplica: true, RecentWrite: false } && replica.IsAvailable;

    private void PointAtReplica(DbConnection connection, ConnectionEventData eventData)
    {
        // EF's own copy of the configured string: Npgsql's ConnectionString getter drops the password once opened.
        _primary ??= eventData.Context!.Database.GetConnectionString();
        if (IsOnReplica(connection)) return;
        connection.ConnectionString = replica.ConnectionString;
        _onReplica = connection;
    }

    private void PointAtPrimary(DbConnection connection, ConnectionEventData eventData)
    {
        if (!IsOnReplica(connection)) return;
        connection.ConnectionString = _primary ?? eventData.Context!.Database.GetConnectionString();
        _onReplica = null;
    }
}
