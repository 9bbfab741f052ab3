using System.Diagnostics;
using FluentValidation;
using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Events;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Common.Telemetry;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Interceptors;
using HiringPlatform.Application.Data.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiringPlatform.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, string connectionString, ReadReplicaOptions? readReplica = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CommandScope>();
        services.AddScoped<TimestampInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<DomainEventsInterceptor>();
        // The optional read replica (ADR-0020): without a ReadOnly connection string every query reads the primary.
        services.AddSingleton(readReplica ?? new ReadReplicaOptions());
        services.AddSingleton<ReadReplica>();
        services.AddScoped<ReadRouting>();
        services.AddScoped<ReplicaRoutingInterceptor>();
        var hasReplica = !string.IsNullOrWhiteSpace(readReplica?.ConnectionString);
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(
                // A restart or failover: a few quick tries (about 4 s in all) before the page answers 503. Each retry
                // replays the whole command (TransactionBehaviour), so commands that create things carry an
                // idempotency key (IdempotencyBehaviour) in case the first commit landed but its answer was lost.
                maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(5),
                // The server shutting down, crashing or still starting: transient, whatever Npgsql's list says.
                errorCodesToAdd: ["57P01", "57P02", "57P03"])
                // Trace a command only inside a span (a request, a mediator request, an email send): the background
                // workers' polls every few seconds would otherwise each be a trace of their own (ADR-0021).
                .ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing =>
                    tracing.ConfigureCommandFilter(_ => Activity.Current is not null).ConfigureBatchFilter(_ => Activity.Current is not null))))
            .UseSnakeCaseNamingConvention()
            // Every failed connection attempt (four per request while PostgreSQL restarts) would be an Error line; the
            // exception reaches the caller, which logs or maps it (503 while the database is away).
            .ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)))
            .AddInterceptors(
                // Events first: what their handlers add is then cleaned, timestamped and audited like everything else.
                sp.GetRequiredService<DomainEventsInterceptor>(),
                new StorableTextInterceptor(), sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<AuditInterceptor>())
            .AddInterceptors(hasReplica ? [sp.GetRequiredService<ReplicaRoutingInterceptor>()] : []));
        services.AddSingleton<SettingsCache>();
        services.AddSingleton<HiringMetrics>();
        services.AddSingleton<OperationalBacklog>();
        AddResourceAuthorizers(services);
        AddDomainEventHandlers(services);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    // Every IDomainEventHandler<TEvent> in this assembly (ADR-0022).
    private static void AddDomainEventHandlers(IServiceCollection services)
    {
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
                services.AddScoped(contract, type);
    }

    // Every nested `Authorizer : IResourceAuthorizer<TRequest>` in this assembly (ADR-0009).
    private static void AddResourceAuthorizers(IServiceCollection services)
    {
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IResourceAuthorizer<>)))
                services.AddScoped(contract, type);
    }
}
