namespace HiringPlatform.Application.Domain.Operations;

// The outcome of a command that carried an idempotency key (IIdempotentCommand), committed with the command.
// Bookkeeping, not a person's change: never audited. Rows older than a few days can be deleted at will.
public sealed class IdempotencyRecord
{
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
