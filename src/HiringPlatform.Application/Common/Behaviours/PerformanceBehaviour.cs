using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HiringPlatform.Application.Common.Behaviours;

public sealed partial class PerformanceBehaviour<TMessage, TResponse>(ILogger<PerformanceBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    private const int SlowMs = 500;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsed > SlowMs) LogSlow(RequestName.Of<TMessage>(), elapsed);
        return response;
    }

    [LoggerMessage(LogLevel.Warning, "Slow request {RequestName}: {ElapsedMs:0} ms")]
    private partial void LogSlow(string requestName, double elapsedMs);
}
