namespace HiringPlatform.Application.Common;

// People's time zones are IANA ids ("Europe/Berlin"): the same on every server and understood by calendars.
public static class TimeZones
{
    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public const string InvalidMessage = "Choose a time zone from the list, for example Europe/Berlin or America/New_York.";

    public static TimeZoneInfo FindOrUtc(string? id) => IsValid(id) ? TimeZoneInfo.FindSystemTimeZoneById(id!) : TimeZoneInfo.Utc;

    // The zones every picker offers (careers form, candidate contact fields, staff profiles and users): the IANA zones
    // people live in ("Region/City", no Etc/ or legacy aliases), and UTC.
    public static IReadOnlyList<TimeZoneInfo> Listed => ListedZones.Value;

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> ListedZones = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .Append(TimeZoneInfo.Utc).DistinctBy(z => z.Id).ToList());

    private static readonly DateOnly MinDay = new(1900, 1, 1), MaxDay = new(9000, 12, 31);

    // A day a person types ("applied from 10 March") means that day where they are: it starts at local midnight, so a
    // filter from..to covers [StartOfDay(from), StartOfDay(to + 1 day)).
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        // Clamped: a zone's offset at DateOnly.Min/MaxValue would fall outside DateTimeOffset's range.
        day = day < MinDay ? MinDay : day > MaxDay ? MaxDay : day;
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A day that starts inside a daylight-saving gap starts at the end of the gap.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    // The end of a typed "to" day (exclusive); none for the last representable day.
    public static DateTimeOffset? EndOfDay(DateOnly day, TimeZoneInfo zone) =>
        day < MaxDay ? StartOfDay(day.AddDays(1), zone) : null;
}
