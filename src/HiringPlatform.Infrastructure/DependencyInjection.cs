using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Application.Features.Candidates.Shared;
using HiringPlatform.Infrastructure.Calendar;
using HiringPlatform.Infrastructure.Email;
using HiringPlatform.Infrastructure.Files;
using HiringPlatform.Infrastructure.Privacy;
using HiringPlatform.Infrastructure.Resumes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddScoped<IFileStorage, DatabaseFileStorage>();
        services.AddEmail(configuration, contentRoot);
        services.Configure<ResumeExtractionOptions>(configuration.GetSection(ResumeExtractionOptions.Section));
        services.AddSingleton<IResumeTextExtractor, ResumeExtractorProcess>();
        services.AddScoped<ResumeExtractionWorker>();
        if (configuration.GetValue($"{ResumeExtractionOptions.Section}:{nameof(ResumeExtractionOptions.ExtractionEnabled)}", true))
            services.AddHostedService<ResumeExtractionService>();
        services.AddSingleton<ICalendarInvitations, IcalCalendarInvitations>();
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<ScheduledRetention>();
        if (configuration.GetValue($"{RetentionOptions.Section}:{nameof(RetentionOptions.ScheduleEnabled)}", true))
            services.AddHostedService<RetentionService>();
        return services;
    }
}
