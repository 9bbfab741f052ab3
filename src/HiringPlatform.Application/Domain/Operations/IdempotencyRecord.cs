namespace HiringPlatform.Application.Domain.Operations;

// The outcome of a command that carried an idempotency key (IIdempotentCommand), committed with the command.
// Bookkeeping, not a person's change: never audited. Scheduled retention deletes rows older than KeptFor.
public sealed class IdempotencyRecord
{
    // A replay comes within seconds or minutes (a lost acknowledgement, a resubmitted form); a week is ample.
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    private IdempotencyRecord() { }

    public IdempotencyRecord(Guid key, string requestName, Guid? userId, DateTimeOffset createdAt, string response)
    {
        Key = key;
        RequestName = requestName;
        UserId = userId;
        CreatedAt = createdAt;
        Response = response;
    }

    public Guid Key { get; private set; }
    public string RequestName { get; private set; } = "";
    public Guid? UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    // The handler's response as JSON, returned as is to a replay.
    public string Response { get; private set; } = "";
}
