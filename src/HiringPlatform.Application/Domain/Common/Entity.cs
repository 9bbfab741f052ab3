namespace HiringPlatform.Application.Domain.Common;

// Guid v7 ids are time-ordered (index-friendly, keyset-pageable), made without a database round trip,
// and do not reveal how many candidates or postings exist.
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}

// Timestamps are written by AuditableEntityInterceptor from TimeProvider, so tests control the clock.
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}

// Entities edited by two people at once carry PostgreSQL's xmin as a concurrency token:
// the second save fails with DbUpdateConcurrencyException and the user is told.
public interface IConcurrencyChecked
{
    uint Version { get; }
}

public abstract class AuditableEntity : Entity, IAuditable
{
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
