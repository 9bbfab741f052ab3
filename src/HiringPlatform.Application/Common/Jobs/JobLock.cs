using HiringPlatform.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Common.Jobs;

// Background jobs run in every app instance; the work of one round must be done by one of them. A PostgreSQL
// transaction-level advisory lock does that without a scheduler of its own: the instance that gets it does the
// round inside its command's transaction, the others skip the round, and the lock goes away with the commit (or
// with the connection, if the instance dies). See ADR-0018.
public static class JobLock
{
    public const long FeedbackReminders = 0x48505f0001; // "HP_" + job number: stable across versions and instances
    public const long Retention = 0x48505f0002;

    // False when another instance holds the lock for this job right now. Must run inside the command's transaction.
    public static async Task<bool> TryAcquireAsync(AppDbContext db, long job, CancellationToken ct) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("JobLock needs the command's transaction (TransactionBehaviour).")
            : await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({job}) AS \"Value\"").SingleAsync(ct);
}
