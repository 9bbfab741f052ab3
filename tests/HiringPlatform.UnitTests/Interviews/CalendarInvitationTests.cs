using System.Text;
using HiringPlatform.Application.Common.Interfaces;
using HiringPlatform.Infrastructure.Calendar;

namespace HiringPlatform.UnitTests.Interviews;

public sealed class CalendarInvitationTests
{
    private static readonly Guid InterviewId = Guid.CreateVersion7();
    private static readonly DateTimeOffset Start = new(2030, 1, 15, 14, 0, 0, TimeSpan.Zero);

    private static CalendarInvitation Invitation(string? zone, int sequence = 0, bool cancelled = false) => new(
        InterviewId, sequence, cancelled, "Interview: Cora — System design", "Kit: /interviews/x/kit", "https://meet.example.com/abc",
        Start, Start.AddMinutes(60), new CalendarPerson("rae@example.com", "Rae Recruiter"), new CalendarPerson("cora@example.com", "Cora Candidate"), zone);

    private static string Text(CalendarInvitation invitation) => Encoding.UTF8.GetString(new IcalCalendarInvitations(TimeProvider.System).Create(invitation));

    [Fact]
    public void Should_write_a_request_in_the_recipients_zone_with_a_stable_uid()
    {
        var ics = Text(Invitation("Asia/Kolkata"));
        Assert.Contains("METHOD:REQUEST", ics);
        Assert.Contains("DTSTART;TZID=Asia/Kolkata:20300115T193000", ics);
        Assert.Contains("DTEND;TZID=Asia/Kolkata:20300115T203000", ics);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains($"UID:interview-{InterviewId:N}@hiringplatform", ics);
        Assert.Contains("SEQUENCE:0", ics);
        Assert.Contains("mailto:cora@example.com", ics);
        Assert.Contains("LOCATION:https://meet.example.com/abc", ics);
    }

    [Fact]
    public void Should_write_utc_when_the_recipient_has_no_zone()
    {
        var ics = Text(Invitation(null));
        Assert.Contains("DTSTART:20300115T140000Z", ics);
        Assert.DoesNotContain("BEGIN:VTIMEZONE", ics);
    }

    [Fact]
    public void Should_write_a_cancellation_with_the_same_uid_and_a_higher_sequence()
    {
        var invitation = Invitation("Europe/Berlin", sequence: 2, cancelled: true);
        var ics = Text(invitation);
        Assert.Contains("METHOD:CANCEL", ics);
        Assert.Contains("STATUS:CANCELLED", ics);
        Assert.Contains("SEQUENCE:2", ics);
        Assert.Contains($"UID:interview-{InterviewId:N}@hiringplatform", ics);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", ((ICalendarInvitations)new IcalCalendarInvitations(TimeProvider.System)).ContentType(invitation));
    }
}
