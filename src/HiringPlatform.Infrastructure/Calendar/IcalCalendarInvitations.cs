using System.Text;
using HiringPlatform.Application.Common.Interfaces;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HiringPlatform.Infrastructure.Calendar;

// Builds one recipient's invitation with Ical.Net. The times carry the recipient's own zone (TZID plus a VTIMEZONE),
// so calendars that only show the raw file still read right. One UID per interview, SEQUENCE from the interview:
// a reschedule (REQUEST, higher SEQUENCE) replaces the entry and a cancellation (CANCEL) removes it.
public sealed class IcalCalendarInvitations(TimeProvider clock) : ICalendarInvitations
{
    public byte[] Create(CalendarInvitation invitation)
    {
        var zoneId = ZoneId(invitation.AttendeeTimeZoneId);
        var calendar = new Ical.Net.Calendar
        {
            ProductId = "-//HiringPlatform//Interviews//EN",
            Method = invitation.Cancelled ? "CANCEL" : "REQUEST",
        };
        if (zoneId is not null) calendar.AddTimeZone(zoneId);

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(invitation.InterviewId),
            Sequence = invitation.Sequence,
            Summary = invitation.Summary,
            Description = invitation.Description,
            Location = invitation.Location,
            DtStart = Time(invitation.StartsAtUtc, zoneId),
            DtEnd = Time(invitation.EndsAtUtc, zoneId),
            DtStamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, CalDateTime.UtcTzId),
            Status = invitation.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + invitation.Organizer.Email) { CommonName = invitation.Organizer.Name },
        };
        calendarEvent.Attendees.Add(new Attendee("mailto:" + invitation.Attendee.Email)
        {
            CommonName = invitation.Attendee.Name,
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = !invitation.Cancelled,
        });
        calendar.Events.Add(calendarEvent);
        return Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    public static string Uid(Guid interviewId) => $"interview-{interviewId:N}@hiringplatform";

    private static string? ZoneId(string? timeZoneId) =>
        string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId == "UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _) ? null : timeZoneId;

    private static CalDateTime Time(DateTimeOffset utc, string? zoneId)
    {
        if (zoneId is null) return new CalDateTime(utc.UtcDateTime, CalDateTime.UtcTzId);
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zoneId);
    }
}
