using HiringPlatform.Application.Common.Telemetry;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HiringPlatform.Web.Infrastructure.Observability;

public sealed class BacklogHealthOptions
{
    public const string Section = "Health";

    // Degraded from this many emails waiting to be sent. 0 turns the check off.
    public long OutboxPendingDegradedAt { get; set; } = 1000;

    // Degraded when the oldest waiting email is this old. 0 turns the check off.
    public double OutboxOldestPendingDegradedMinutes { get; set; } = 30;

    // Degraded from this many résumé files waiting for text extraction. 0 turns the check off.
    public long ExtractionBacklogDegradedAt { get; set; } = 500;
}

// Degraded, never Unhealthy: a backlog is for a person to look at, and taking pods out of rotation would not drain it.
// Degraded still answers 200 on /health/ready (ASP.NET Core's default status codes), so readiness holds.
public sealed class OutboxHealthCheck(OperationalBacklog backlog, IOptions<BacklogHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await BacklogRead.TryAsync(backlog, cancellationToken) is not { } s) return BacklogRead.Unreadable;
        var o = options.Value;
        var data = new Dictionary<string, object>
        {
            ["pending"] = s.EmailsPending, ["failed"] = s.EmailsFailed,
            ["oldestPendingSeconds"] = s.OldestPendingEmailAge?.TotalSeconds ?? 0
        };
        if (o.OutboxPendingDegradedAt > 0 && s.EmailsPending >= o.OutboxPendingDegradedAt)
            return HealthCheckResult.Degraded($"{s.EmailsPending} emails waiting to be sent (threshold {o.OutboxPendingDegradedAt}).", data: data);
        if (o.OutboxOldestPendingDegradedMinutes > 0 && s.OldestPendingEmailAge >= TimeSpan.FromMinutes(o.OutboxOldestPendingDegradedMinutes))
            return HealthCheckResult.Degraded($"The oldest waiting email is {s.OldestPendingEmailAge.Value.TotalMinutes:0} minutes old.", data: data);
        return HealthCheckResult.Healthy(data: data);
    }
}

public sealed class ResumeExtractionHealthCheck(OperationalBacklog backlog, IOptions<BacklogHealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (await BacklogRead.TryAsync(backlog, cancellationToken) is not { } s) return BacklogRead.Unreadable;
        var threshold = options.Value.ExtractionBacklogDegradedAt;
        var data = new Dictionary<string, object> { ["backlog"] = s.ExtractionBacklog };
        return threshold > 0 && s.ExtractionBacklog >= threshold
            ? HealthCheckResult.Degraded($"{s.ExtractionBacklog} résumé files waiting for text extraction (threshold {threshold}).", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}

internal static class BacklogRead
{
    // The database away: the postgresql check already says Unhealthy; a short Degraded here, not a stack trace per probe.
    public static readonly HealthCheckResult Unreadable = HealthCheckResult.Degraded("Could not read the backlog.");

    public static async Task<BacklogSnapshot?> TryAsync(OperationalBacklog backlog, CancellationToken ct)
    {
        try
        {
            return await backlog.GetAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
