using HiringPlatform.Application.Common.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HiringPlatform.Application.Data.Routing;

// The optional read replica (ConnectionStrings:ReadOnly, ADR-0020) and whether it is worth trying right now.
// One per process: after a failed connection every instance keeps its marked queries on the primary for RetryAfter,
// then tries the replica again on the next marked query. No background probe: the first query after the pause is
// the probe, and it falls back to the primary at once if the replica still refuses.
public sealed partial class ReadReplica(ReadReplicaOptions options, TimeProvider clock, ILogger<ReadReplica> logger)
{
    private long _downUntilTicks;

    public string? ConnectionString { get; } = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : options.ConnectionString;

    public bool IsConfigured => ConnectionString is not null;

    public TimeSpan ReadYourWritesWindow => options.ReadYourWrites;

    public bool IsAvailable => IsConfigured && clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref _downUntilTicks);

    // The replica refused or dropped a connection: the primary serves its queries for a while.
    public void MarkDown(Exception exception)
    {
        var until = clock.GetUtcNow().Add(options.RetryAfter).UtcTicks;
        var previous = Interlocked.Exchange(ref _downUntilTicks, until);
        if (previous <= clock.GetUtcNow().UtcTicks) LogDown(DatabaseUnavailable.Kind(exception), options.RetryAfter.TotalSeconds);
        // Pooled connections to a replica that went away are broken; do not hand them out again.
        using var pool = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(pool);
    }

    [LoggerMessage(LogLevel.Warning, "Read replica unavailable ({Kind}); marked queries read the primary for {Seconds:0} s")]
    private partial void LogDown(string kind, double seconds);
}

public sealed record ReadReplicaOptions
{
    public string? ConnectionString { get; init; }

    // After a write, the same browser reads the primary this long (longer than the replica's usual lag).
    public TimeSpan ReadYourWrites { get; init; } = TimeSpan.FromSeconds(5);

    // After the replica fails, marked queries read the primary this long before the replica is tried again.
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}

// Where this scope's reads go. Scoped: one per web request (or per mediator call in tests).
public sealed class ReadRouting
{
    // Inside a marked query's handler (set by ReadRoutingBehaviour).
    public bool UseReplica { get; internal set; }

    // This browser wrote within the read-your-writes window (set by the web layer from its cookie).
    public bool RecentWrite { get; set; }

    // A command succeeded in this scope: the web layer starts this browser's read-your-writes window.
    public bool Wrote { get; internal set; }
}
