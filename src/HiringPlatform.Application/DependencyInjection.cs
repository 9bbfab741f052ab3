using FluentValidation;
using HiringPlatform.Application.Common.Behaviours;
using HiringPlatform.Application.Common.Security;
using HiringPlatform.Application.Common.Settings;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CommandScope>();
        services.AddScoped<TimestampInterceptor>();
        services.AddScoped<AuditInterceptor>();
        services.AddDbContext<AppDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton<SettingsCache>();
        services.AddAccountTokens();
        AddResourceAuthorizers(services);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    // Every nested `Authorizer : IResourceAuthorizer<TRequest>` in this assembly (ADR-0009).
    private static void AddResourceAuthorizers(IServiceCollection services)
    {
        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IResourceAuthorizer<>)))
            services.AddScoped(contract, type);
    }
}
