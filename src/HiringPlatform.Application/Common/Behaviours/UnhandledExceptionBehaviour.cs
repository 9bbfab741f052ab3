using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace HiringPlatform.Application.Common.Behaviours;

// Expected outcomes (validation, not found, forbidden, rule broken, conflict) pass through quietly;
// anything else is logged with the request name before it reaches the error page.
public sealed partial class UnhandledExceptionBehaviour<TMessage, TResponse>(ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not (ValidationException or NotFoundException or ForbiddenAccessException
                                       or UnauthorizedAccessException or DomainException or ConcurrencyConflictException
                                       or OperationCanceledException)
                                   // The database being unreachable is not a bug: the web layer logs one line for it.
                                   && !DatabaseUnavailable.Is(ex))
        {
            LogFailure(ex, RequestName.Of<TMessage>());
            throw;
        }
    }

    [LoggerMessage(LogLevel.Error, "Request {RequestName} failed")]
    private partial void LogFailure(Exception ex, string requestName);
}
