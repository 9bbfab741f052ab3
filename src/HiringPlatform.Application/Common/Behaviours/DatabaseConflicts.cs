using Npgsql;

namespace HiringPlatform.Application.Common.Behaviours;

// Two requests that race for the same unique key (same email, same candidate+posting, the first scorecard of an
// interviewer) or that PostgreSQL cannot serialise: the loser's transaction is rolled back whole, so nothing is
// half-written. TransactionBehaviour runs such a command once more (the re-run sees the winner's row and usually
// succeeds or gives the validator's own answer) and otherwise shows the same friendly conflict as an optimistic-
// concurrency clash, never a 500.
public static class DatabaseConflicts
{
    public const string Message =
        "Someone else saved the same thing at the same moment. The page now shows the current version; make your change again if it still applies.";

    public static bool IsUniqueViolation(Exception exception) =>
        Find(exception) is { SqlState: PostgresErrorCodes.UniqueViolation };

    // Unique violations, plus serialisation failures and deadlocks once the execution strategy's retries ran out.
    public static bool IsLostRace(Exception exception) =>
        Find(exception)?.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private static PostgresException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException pg) return pg;
        return null;
    }
}
