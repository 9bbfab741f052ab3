namespace HiringPlatform.Application.Domain.Common;

// Guid v7 ids are time-ordered (index-friendly, keyset-pageable), made without a database round trip,
// and do not reveal how many candidates or postings exist.
public abstract class Entity : IHasDomainEvents
{
    // Not mapped: EF only maps properties it can write, and the field's name does not match this one.
    private List<IDomainEvent>? _raised;

    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public IReadOnlyList<IDomainEvent> DomainEvents => _raised ?? (IReadOnlyList<IDomainEvent>)[];

    public void ClearDomainEvents() => _raised?.Clear();

    protected void Raise(IDomainEvent domainEvent) => (_raised ??= []).Add(domainEvent);
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
