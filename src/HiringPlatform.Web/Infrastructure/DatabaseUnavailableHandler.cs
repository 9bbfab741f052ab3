using System.Collections.Concurrent;
using System.Net;
using HiringPlatform.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Serilog.Events;

namespace HiringPlatform.Web.Infrastructure;

// While PostgreSQL restarts or cannot be reached, every page that needs it answers 503 with Retry-After and a
// short page saying so, instead of a 500 with a stack trace logged per request. The page is written here, not
// rendered through MVC: re-running the pipeline would sign the user in again, which needs the database.
// One warning per kind of failure per minute is enough to see an outage in the logs.
public sealed partial class DatabaseUnavailableHandler(TimeProvider clock, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastLogged = new();

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseUnavailable.Is(exception)) return false;

        var kind = DatabaseUnavailable.Kind(exception);
        var now = clock.GetUtcNow();
        var last = _lastLogged.GetOrAdd(kind, DateTimeOffset.MinValue);
        if (now - last >= LogEvery && _lastLogged.TryUpdate(kind, now, last)) LogUnavailable(kind);

        var response = context.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Page(context.TraceIdentifier, HttpMethods.IsGet(context.Request.Method)), cancellationToken);
        return true;
    }

    // Same stylesheet and wording as the other status pages (Status.cshtml), no layout: nothing here may need the database.
    private static string Page(string reference, bool canReload) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Back in a moment · HiringPlatform</title>
            <link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css" />
        </head>
        <body>
        <main class="container-xl py-5 text-center">
            <p class="display-6 text-body-secondary">503</p>
            <h1 class="h3">Back in a moment</h1>
            <p class="text-body-secondary">We can't reach our database right now. Please try again in a few seconds.</p>
            <p class="text-body-secondary">If you were sending a form, go back and send it again: it will not be saved twice.</p>
            <p class="small text-body-secondary">Reference: <code class="text-body-secondary">{{WebUtility.HtmlEncode(reference)}}</code></p>
            {{(canReload ? "<a class=\"btn btn-primary\" href=\"\">Try again</a>" : "")}}
        </main>
        </body>
        </html>
        """;

    // EF Core logs each failed query and save at Error with the stack trace, before the exception reaches whoever
    // handles it; while the database is away that is a stack per request. Those echoes are dropped: this handler
    // logs the outage, and real errors are still logged where they are handled.
    public static bool IsEntityFrameworkEcho(LogEvent e) =>
        e.Exception is not null && DatabaseUnavailable.Is(e.Exception)
        && e.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name }
        && name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

    [LoggerMessage(LogLevel.Warning, "The database is unavailable ({Kind}); answering 503 until it is back")]
    private partial void LogUnavailable(string kind);
}
