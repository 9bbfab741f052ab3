using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Interviews;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.Application.Features.Interviews.Shared;

// Warnings a scheduler should see before confirming, never errors: overlapping interviews and unsocial hours
// for the candidate are sometimes what everyone agreed to.
public static class SchedulingChecks
{
    public static readonly TimeOnly DayStarts = new(8, 0);
    public static readonly TimeOnly DayEnds = new(18, 0);

    public static async Task<List<string>> WarningsAsync(AppDbContext db, IReadOnlyCollection<Guid> interviewerIds, DateTimeOffset startsAt,
        DateTimeOffset endsAt, Guid? excludeInterviewId, string? candidateTimeZoneId, CancellationToken ct)
    {
        var warnings = new List<string>();
        var clashes = await (
            from p in db.InterviewParticipants.AsNoTracking()
            join i in db.Interviews on p.InterviewId equals i.Id
            join u in db.Users on p.InterviewerId equals u.Id
            where interviewerIds.Contains(p.InterviewerId) && i.Status == InterviewStatus.Scheduled
                  && i.StartsAt < endsAt && i.EndsAt > startsAt && i.Id != excludeInterviewId
            orderby u.DisplayName, i.StartsAt
            select new { u.DisplayName, u.TimeZoneId, i.StartsAt, i.EndsAt }).Take(20).ToListAsync(ct);
        foreach (var c in clashes)
            warnings.Add($"{c.DisplayName} already has an interview from {InterviewTimes.Format(c.StartsAt, c.TimeZoneId)} to {InterviewTimes.Hour(c.EndsAt, c.TimeZoneId)} that overlaps this slot.");

        if (!string.IsNullOrWhiteSpace(candidateTimeZoneId) && OutsideWorkingHours(startsAt, endsAt, candidateTimeZoneId))
            warnings.Add($"For the candidate this is {InterviewTimes.Format(startsAt, candidateTimeZoneId)} to {InterviewTimes.Hour(endsAt, candidateTimeZoneId)}, " +
                         $"outside {DayStarts:HH\\:mm}–{DayEnds:HH\\:mm} in their time zone.");
        return warnings;
    }

    public static bool OutsideWorkingHours(DateTimeOffset startsAt, DateTimeOffset endsAt, string timeZoneId)
    {
        var zone = InterviewTimes.Zone(timeZoneId);
        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        var end = TimeZoneInfo.ConvertTime(endsAt, zone);
        if (TimeOnly.FromTimeSpan(start.TimeOfDay) < DayStarts) return true;
        if (end.Date > start.Date) return true;
        return TimeOnly.FromTimeSpan(end.TimeOfDay) > DayEnds;
    }

    // The scheduler types a wall-clock time in their own zone; it is stored in UTC.
    public static bool TryToUtc(DateTime local, string? timeZoneId, out DateTimeOffset utc)
    {
        var zone = InterviewTimes.Zone(timeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Near DateTime.Min/Max the zone's offset would overflow the conversion: no interview is held there.
        if (local.Year is < 1900 or > 9000 || zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }
        utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
        return true;
    }

    public static DateTime ToLocal(DateTimeOffset utc, string? timeZoneId) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, InterviewTimes.Zone(timeZoneId)).DateTime, DateTimeKind.Unspecified);
}
