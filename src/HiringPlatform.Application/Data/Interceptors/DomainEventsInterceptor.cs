using System.Collections.Concurrent;
using System.Reflection;
using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.Application.Data.Interceptors;

// Dispatches the events raised by tracked entities before SaveChanges, so what they cause (the candidate's record,
// the timeline, cancelled interviews, withdrawn offers, the emails) is saved in the same transaction and audited
// by the interceptors that run after this one (ADR-0022, eShop's OrderingContext, JT's DispatchDomainEventsInterceptor).
// Handlers may raise further events; those are dispatched in the next round.
public sealed class DomainEventsInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private const int MaxRounds = 5;
    private static readonly ConcurrentDictionary<Type, (Type Contract, MethodInfo Handle)[]> Contracts = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) await DispatchAsync(context, cancellationToken);
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    // Handlers read the database; every command saves asynchronously, so a synchronous save with events is a mistake.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Raised(context).Count > 0)
            throw new InvalidOperationException("Entities raised domain events: save them with SaveChangesAsync, which dispatches them.");
        return base.SavingChanges(eventData, result);
    }

    private async Task DispatchAsync(DbContext context, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var raised = Raised(context);
            if (raised.Count == 0) return;
            if (round > MaxRounds) throw new InvalidOperationException("Domain event handlers keep raising events; is there a cycle?");
            var events = raised.SelectMany(e => e.DomainEvents).ToList();
            foreach (var entity in raised) entity.ClearDomainEvents();
            foreach (var domainEvent in events)
                foreach (var (contract, handle) in ContractsOf(domainEvent.GetType()))
                    foreach (var handler in services.GetServices(contract))
                        await (Task)handle.Invoke(handler, [domainEvent, ct])!;
        }
    }

    private static List<IHasDomainEvents> Raised(DbContext context) =>
        context.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();

    // The handler contracts for an event's own type and each of its base types, most specific first.
    private static (Type Contract, MethodInfo Handle)[] ContractsOf(Type eventType) => Contracts.GetOrAdd(eventType, t =>
    {
        var result = new List<(Type, MethodInfo)>();
        for (var type = t; type is not null && typeof(IDomainEvent).IsAssignableFrom(type); type = type.BaseType)
        {
            var contract = typeof(IDomainEventHandler<>).MakeGenericType(type);
            result.Add((contract, contract.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!));
        }
        return [.. result];
    });
}
