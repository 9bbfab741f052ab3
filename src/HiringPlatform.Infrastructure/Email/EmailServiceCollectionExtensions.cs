using HiringPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IHostEnvironment>((o, environment) =>
            {
                o.Mode ??= environment.IsDevelopment() ? EmailMode.Pickup : EmailMode.Smtp;
                o.PickupDirectory = string.IsNullOrWhiteSpace(o.PickupDirectory)
                    ? Path.Combine(RepositoryRoot(contentRoot) ?? contentRoot, ".data", "mail")
                    : Path.GetFullPath(o.PickupDirectory, contentRoot);
            })
            .Validate(o => o.PollSeconds > 0 && o.BatchSize is > 0 and <= 500, "Email:PollSeconds must be positive and Email:BatchSize between 1 and 500.")
            .Validate(o => o.ClaimSeconds >= 1, "Email:ClaimSeconds must be at least 1.")
            .ValidateOnStart();

        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<PickupFolderEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode == EmailMode.Pickup
            ? sp.GetRequiredService<PickupFolderEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }

    // The checkout's top folder (where build.sh keeps .data/), found from src/HiringPlatform.Web upwards.
    private static string? RepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "build.sh")) && Directory.Exists(Path.Combine(dir.FullName, "src"))) return dir.FullName;
        }
        return null;
    }
}
