using HiringPlatform.Application.Common.Exceptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Infrastructure.Email;

// Polls the outbox every Email:PollSeconds in each app instance; OutboxProcessor keeps instances from
// sending the same email twice.
public sealed partial class OutboxDispatcher(OutboxProcessor processor, IOptions<EmailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        LogMode(settings.Describe());
        if (!settings.DispatcherEnabled || (settings.Mode == EmailMode.Smtp && !settings.IsSmtpConfigured)) return;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.PollSeconds), clock);
        try
        {
            do
            {
                try
                {
                    await processor.ProcessDueAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database may be briefly unreachable (one line, no stack); the next tick tries again.
                    if (DatabaseUnavailable.Is(ex)) LogDatabaseUnavailable(DatabaseUnavailable.Kind(ex));
                    else LogPollFailed(ex);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(LogLevel.Information, "Email outbox: {Mode}")]
    private partial void LogMode(string mode);

    [LoggerMessage(LogLevel.Warning, "Email outbox poll skipped: the database is unavailable ({Kind})")]
    private partial void LogDatabaseUnavailable(string kind);

    [LoggerMessage(LogLevel.Error, "Email outbox poll failed")]
    private partial void LogPollFailed(Exception ex);
}
