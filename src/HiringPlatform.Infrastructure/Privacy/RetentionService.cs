using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Candidates.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    // Off only where a test drives the clock by hand.
    public bool ScheduleEnabled { get; set; } = true;

    public double IntervalHours { get; set; } = 6;

    // The first round waits a little, so a starting instance serves requests first.
    public double StartDelayMinutes { get; set; } = 5;
}

// Runs ScheduledRetention every few hours on every instance; the advisory lock inside makes one of them do the work.
public sealed partial class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(Math.Max(0, settings.StartDelayMinutes)), stoppingToken);
            using var timer = new PeriodicTimer(TimeSpan.FromHours(Math.Max(0.01, settings.IntervalHours)));
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (await scope.ServiceProvider.GetRequiredService<ScheduledRetention>().RunAsync(stoppingToken) is null) LogSkipped();
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One failed round (database restarting) must not stop the schedule; the next round retries.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    if (DatabaseUnavailable.Is(ex)) LogDatabaseUnavailable(DatabaseUnavailable.Kind(ex));
                    else LogFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(LogLevel.Debug, "Retention round skipped: another instance holds the lock")]
    private partial void LogSkipped();

    [LoggerMessage(LogLevel.Error, "Retention round failed; the next round retries")]
    private partial void LogFailed(Exception ex);

    [LoggerMessage(LogLevel.Warning, "Retention round skipped: the database is unavailable ({Kind}); the next round retries")]
    private partial void LogDatabaseUnavailable(string kind);
}
