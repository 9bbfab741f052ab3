using System.Diagnostics;
using HiringPlatform.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HiringPlatform.Application.Common.Behaviours;

// Logs the request name and the user id only: request bodies hold candidate data and feedback.
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = RequestName.Of<TMessage>();
        LogHandling(name, user.Id);
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        LogHandled(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(LogLevel.Debug, "Handling {RequestName} for user {UserId}")]
    private partial void LogHandling(string requestName, Guid? userId);

    [LoggerMessage(LogLevel.Debug, "Handled {RequestName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string requestName, double elapsedMs);
}
