using System.Globalization;
using HiringPlatform.Application.Common;

namespace HiringPlatform.Application.Features.Interviews.Shared;

public static class FeedbackRules
{
    // Feedback written the same day is sharper and less swayed by what others said: after a day it is overdue.
    public static readonly TimeSpan DueWithin = TimeSpan.FromHours(24);

    public static bool IsOverdue(DateTimeOffset endsAt, DateTimeOffset now) => endsAt + DueWithin <= now;
}

// Times in emails and invitations, written in the recipient's own zone (the web pages use the time-local tag helper).
public static class InterviewTimes
{
    // Nothing that started longer ago than the longest interview can still be going on.
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(Domain.Interviews.Interview.MaxDurationMinutes);

    public static TimeZoneInfo Zone(string? timeZoneId) => TimeZones.FindOrUtc(timeZoneId);

    public static string Format(DateTimeOffset utc, string? timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var name = zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id}, UTC{sign}{offset:hh\\:mm}";
        return local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({name})";
    }

    public static string Hour(DateTimeOffset utc, string? timeZoneId) =>
        TimeZoneInfo.ConvertTime(utc, Zone(timeZoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
