namespace HiringPlatform.Application.Common;

// People's time zones are IANA ids ("Europe/Berlin"): the same on every server and understood by calendars.
public static class TimeZones
{
    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    public const string InvalidMessage = "Choose a time zone from the list, for example Europe/Berlin or America/New_York.";
}
