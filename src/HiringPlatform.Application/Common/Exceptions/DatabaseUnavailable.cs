using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HiringPlatform.Application.Common.Exceptions;

// Tells "the database cannot be reached right now" (restarting, failing over, refusing connections) apart from
// a bug. Such a failure is nobody's fault and passes by itself: the web layer answers 503 with Retry-After
// instead of 500, and logs one line, not a stack trace per request.
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg:
                    return IsUnavailableState(pg.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                // EF gave up retrying: look at what it was retrying (the loop goes on to the inner exception).
                case RetryLimitExceededException:
                    continue;
            }
        }
        return false;
    }

    // The failure type for the log line: one line per kind of failure, not per request.
    public static string Kind(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException pg) return $"PostgreSQL {pg.SqlState}";
            if (ex is NpgsqlException { InnerException: { } inner }) return $"{inner.GetType().Name}: {inner.Message}";
            if (ex is NpgsqlException npgsql) return $"NpgsqlException: {npgsql.Message}";
        }
        return exception.GetType().Name;
    }

    // Class 08 connection exceptions; 57P01-57P03 the server shutting down, crashed or starting; 53300 too many connections.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
