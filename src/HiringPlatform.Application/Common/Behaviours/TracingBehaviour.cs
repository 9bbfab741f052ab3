using System.Diagnostics;
using HiringPlatform.Application.Common.Telemetry;
using Mediator;

namespace HiringPlatform.Application.Common.Behaviours;

// One span per mediator request, named like the log lines (ApplyToPosting.Command), around the whole pipeline: its
// database spans (Npgsql) nest inside it, under the request's server span. Outermost, so it also times refusals.
// Only the name and the outcome are recorded, never the request's values (personal data).
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = HiringTelemetry.ActivitySource.StartActivity(RequestName.Of<TMessage>());
        if (activity is null) return await next(message, cancellationToken);
        activity.SetTag("hiring.request.kind", message is IBaseCommand ? "command" : "query");
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex)
        {
            // The type only: messages can quote what a user typed.
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }
}
