namespace HiringPlatform.Application.Domain.Common;

// Something that happened to an entity which other parts of the system react to (ADR-0022). Raised by the entity's
// own state methods, collected on it, and dispatched before SaveChanges, inside the same transaction.
public interface IDomainEvent
{
    DateTimeOffset At { get; }
}

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }
    void ClearDomainEvents();
}
