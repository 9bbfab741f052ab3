using System.Globalization;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.Web.Features.JobPostings;

// How posting facts read on staff pages and the careers site alike.
public static class PostingDisplay
{
    public static string BadgeClass(PostingStatus status) => status switch
    {
        PostingStatus.Draft => "text-bg-secondary",
        PostingStatus.AwaitingApproval => "text-bg-warning",
        PostingStatus.Open => "text-bg-success",
        PostingStatus.Paused => "text-bg-info",
        _ => "text-bg-dark",
    };

    public static string StatusText(PostingStatus status, ClosedReason? reason) =>
        status == PostingStatus.Closed && reason is { } r ? $"Closed · {(r == ClosedReason.Filled ? "filled" : "cancelled")}" : status.Display();

    public static string LocationIcon(LocationType type) => type switch
    {
        LocationType.Remote => "bi-globe2",
        LocationType.Hybrid => "bi-building-check",
        _ => "bi-building",
    };

    // "Remote", "Hybrid · Berlin, Germany", "On-site · London".
    public static string Where(LocationType type, string? location) =>
        string.IsNullOrWhiteSpace(location) || (type == LocationType.Remote && location.Equals("Remote", StringComparison.OrdinalIgnoreCase))
            ? type.Display()
            : $"{type.Display()} · {location}";

    public static string Offset(int hours) => hours switch
    {
        0 => "UTC",
        < 0 => $"UTC−{-hours}",
        _ => $"UTC+{hours}",
    };

    public static string? TimeZoneRange(int? min, int? max) =>
        min is { } a && max is { } b ? (a == b ? Offset(a) : $"{Offset(a)} to {Offset(b)}") : null;

    public static string Money(decimal amount, string currency)
    {
        var number = amount.ToString("#,0", CultureInfo.InvariantCulture);
        return currency switch
        {
            "USD" => $"${number}",
            "EUR" => $"€{number}",
            "GBP" => $"£{number}",
            _ => $"{number} {currency}",
        };
    }

    public static string? SalaryRange(decimal? min, decimal? max, string? currency)
    {
        if (currency is null) return null;
        if (min is { } a && max is { } b)
            return a == b ? $"{Money(a, currency)} a year" : $"{Money(a, currency)} – {Money(b, currency)} a year";
        if (min is { } from) return $"From {Money(from, currency)} a year";
        if (max is { } to) return $"Up to {Money(to, currency)} a year";
        return null;
    }

    public static string LevelText(JobLevel level) => level == JobLevel.Mid ? "Mid-level" : level.Display();
}
