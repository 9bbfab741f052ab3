using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace HiringPlatform.IntegrationTests.Common;

// Simulates the connection dropping after PostgreSQL committed but before the answer arrived: the commit is
// done, and the app sees a transient Npgsql error, so the retrying execution strategy runs the command again.
// Off unless a test arms it (the fixture is shared).
public sealed class LostCommitAcknowledgement : DbTransactionInterceptor
{
    public static readonly LostCommitAcknowledgement Instance = new();

    private int _armed;

    public void Arm(int times = 1) => Interlocked.Exchange(ref _armed, times);

    public void Disarm() => Interlocked.Exchange(ref _armed, 0);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _armed) >= 0)
            throw new NpgsqlException("Simulated: the connection dropped before the commit was acknowledged.", new IOException("Connection reset by peer"));
        Interlocked.Exchange(ref _armed, 0);
        return Task.CompletedTask;
    }
}
