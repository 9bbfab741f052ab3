using System.Globalization;
using HiringPlatform.Application.Data.Routing;

namespace HiringPlatform.Web.Infrastructure;

// Read-your-writes for the read replica (ADR-0020). A request in which a command succeeded sets a short cookie
// (the moment the window ends); while it lasts, that browser's marked queries read the primary too, so the page
// after a save shows the save even if the replica has not replayed it yet. A cookie rather than server memory:
// it works across app instances, and a forged one can only send its own reads to the primary.
public sealed class ReadYourWritesMiddleware(RequestDelegate next)
{
    public const string CookieName = "hp.wrote";

    public Task InvokeAsync(HttpContext context, ReadRouting routing, ReadReplica replica, TimeProvider clock)
    {
        if (!replica.IsConfigured) return next(context);

        var now = clock.GetUtcNow();
        var window = replica.ReadYourWritesWindow;
        if (context.Request.Cookies.TryGetValue(CookieName, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var until)
            && until > now.ToUnixTimeMilliseconds() && until <= now.Add(window).ToUnixTimeMilliseconds())
            routing.RecentWrite = true;

        context.Response.OnStarting(() =>
        {
            if (routing.Wrote)
                context.Response.Cookies.Append(CookieName,
                    clock.GetUtcNow().Add(window).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                    new CookieOptions
                    {
                        HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true, Path = "/",
                        MaxAge = window,
                    });
            return Task.CompletedTask;
        });
        return next(context);
    }

    // ConnectionStrings:ReadOnly plus the two timings under Database: (docs/operations.md, "Read replica").
    public static ReadReplicaOptions Options(IConfiguration configuration) => new()
    {
        ConnectionString = configuration.GetConnectionString("ReadOnly"),
        ReadYourWrites = TimeSpan.FromSeconds(configuration.GetValue("Database:ReadYourWritesSeconds", 5.0)),
        RetryAfter = TimeSpan.FromSeconds(configuration.GetValue("Database:ReplicaRetrySeconds", 30.0)),
    };
}
