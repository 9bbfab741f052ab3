namespace HiringPlatform.Application.Common.Interfaces;

public sealed record CalendarPerson(string Email, string Name);

// One recipient's invitation: the same UID for every version of one interview; SEQUENCE grows with each change.
public sealed record CalendarInvitation(
    Guid InterviewId,
    int Sequence,
    bool Cancelled,
    string Summary,
    string Description,
    string? Location,
    DateTimeOffset StartsAtUtc,
    DateTimeOffset EndsAtUtc,
    CalendarPerson Organizer,
    CalendarPerson Attendee,
    string? AttendeeTimeZoneId);

// .ics files (RFC 5545) for interview invitations, built in Infrastructure with Ical.Net.
public interface ICalendarInvitations
{
    const string FileName = "invite.ics";

    byte[] Create(CalendarInvitation invitation);

    string ContentType(CalendarInvitation invitation) =>
        $"text/calendar; method={(invitation.Cancelled ? "CANCEL" : "REQUEST")}; charset=utf-8";
}
