using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Common.Events;

// Reacts to a domain event inside the command's transaction, before its SaveChanges (ADR-0022): it may read and
// change tracked entities and add new ones, which are saved (and audited) with the rest. A handler of a base event
// type (ApplicationClosed) also runs for its subtypes. Registered by DependencyInjection from this assembly.
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken ct);
}
