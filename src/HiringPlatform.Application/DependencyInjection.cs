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
            .AddInterceptors(new StorableTextInterceptor(), sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<AuditInterceptor>()));
        services.AddSingleton<SettingsCache>();
        services.AddAccountTokens();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
