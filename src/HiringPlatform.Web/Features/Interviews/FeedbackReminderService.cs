using HiringPlatform.Application.Features.Interviews;
using Mediator;

namespace HiringPlatform.Web.Features.Interviews;

// Every few minutes, sends the one reminder owed for each overdue scorecard. The work is the SendFeedbackReminders
// command (tested with a controllable clock); this only runs it. Off in tests, which send the command themselves.
public sealed class FeedbackReminderService(IServiceScopeFactory scopes, IHostEnvironment environment, IConfiguration configuration,
    ILogger<FeedbackReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (environment.IsEnvironment("Testing") || !configuration.GetValue("Interviews:FeedbackReminders:Enabled", true)) return;
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Interviews:FeedbackReminders:IntervalMinutes", 5.0));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SendFeedbackReminders.Command(), stoppingToken);
                if (sent > 0) logger.LogInformation("Queued {Count} overdue-feedback reminders", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round (database restarting, say) is retried at the next tick.
                logger.LogError(ex, "Sending overdue-feedback reminders failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
