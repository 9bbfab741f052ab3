using System.Text;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Interviews;

public sealed class ScheduleInterviewTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // A wall-clock time a week ahead in Berlin (the recruiter's zone).
    private DateTime NextWeekInBerlin(int hour) =>
        TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow(), Berlin).Date.AddDays(7).AddHours(hour);

    private async Task<(Team Team, Guid CandidateId, Guid ApplicationId)> ArrangeAsync(string candidateZone = "America/New_York")
    {
        var team = await App.CreateTeamAsync();
        await App.SetUserZoneAsync(team.Recruiter, "Europe/Berlin");
        await App.SetUserZoneAsync(team.Alice, "Asia/Kolkata");
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Cora Candidate", InterviewTestData.SystemDesign);
        await App.SetCandidateZoneAsync(candidateId, candidateZone);
        return (team, candidateId, applicationId);
    }

    private static string Ics(HiringPlatform.Application.Domain.Operations.OutboxEmail email) => Encoding.UTF8.GetString(email.AttachmentContent!);

    [Fact]
    public async Task Should_store_utc_and_email_each_recipient_an_invitation_in_their_own_zone()
    {
        var (team, candidateId, applicationId) = await ArrangeAsync();
        var form = await App.SendAsync(new ScheduleInterview.Query { ApplicationId = applicationId }, team.Recruiter);
        Assert.Equal(team.Posting.Stage(InterviewTestData.SystemDesign).Id, form.StageId);
        Assert.Equal(60, form.DurationMinutes);

        var local = NextWeekInBerlin(15);
        var result = await App.SendAsync(form with { StartsAtLocal = local, InterviewerIds = [team.Alice.Id], LocationOrLink = "https://meet.example.com/xyz" }, team.Recruiter);

        Assert.Empty(result.Warnings);
        var interview = await App.WithDbAsync(db => db.Interviews.Include(i => i.Participants).SingleAsync(i => i.Id == result.InterviewId));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, Berlin), interview.StartsAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, interview.StartsAt.Offset);
        Assert.Equal(interview.StartsAt.AddMinutes(60), interview.EndsAt);
        Assert.Equal(team.Alice.Id, Assert.Single(interview.Participants).InterviewerId);

        var emails = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.Equal(2, emails.Count);
        var toAlice = emails.Single(e => e.To == team.Alice.Email);
        var toCandidate = emails.Single(e => e.To != team.Alice.Email);
        // Both are about the candidate, so erasure and export find both.
        Assert.All(emails, e => Assert.Equal(candidateId, e.CandidateId));
        foreach (var email in emails)
        {
            Assert.Equal("invite.ics", email.AttachmentName);
            Assert.StartsWith("text/calendar", email.AttachmentContentType);
            Assert.Contains("METHOD:REQUEST", Ics(email));
            Assert.Contains($"UID:interview-{interview.Id:N}@hiringplatform", Ics(email));
            Assert.Contains("SEQUENCE:0", Ics(email));
        }
        var inKolkata = TimeZoneInfo.ConvertTime(interview.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"));
        var inNewYork = TimeZoneInfo.ConvertTime(interview.StartsAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Contains($"DTSTART;TZID=Asia/Kolkata:{inKolkata:yyyyMMdd'T'HHmmss}", Ics(toAlice));
        Assert.Contains("BEGIN:VTIMEZONE", Ics(toAlice));
        Assert.Contains($"DTSTART;TZID=America/New_York:{inNewYork:yyyyMMdd'T'HHmmss}", Ics(toCandidate));
        Assert.Contains(inKolkata.ToString("HH:mm"), toAlice.TextBody);
        Assert.Contains(inNewYork.ToString("HH:mm"), toCandidate.TextBody);
        Assert.Matches($@"https?://\S+/interviews/{interview.Id}/kit", toAlice.TextBody);
        Assert.Matches($@"https?://\S+/interviews/{interview.Id}/scorecard", toAlice.TextBody);
        Assert.DoesNotContain($" /interviews/{interview.Id}", toAlice.TextBody);
        Assert.DoesNotContain("/kit", toCandidate.TextBody);

        var activity = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync());
        Assert.Contains(activity, e => e.Kind == ActivityKind.InterviewScheduled);
    }

    [Fact]
    public async Task Should_warn_about_an_overlapping_interview_and_save_nothing_until_confirmed()
    {
        var (team, _, applicationId) = await ArrangeAsync();
        var local = NextWeekInBerlin(15);
        var (_, otherApplication) = await App.CreateApplicantAsync(team.Posting, "Other Candidate", InterviewTestData.SystemDesign);
        await App.CreateInterviewAsync(otherApplication, [team.Alice], new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.AddMinutes(30), Berlin)));
        var command = new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [team.Alice.Id, team.Bob.Id],
            StartsAtLocal = local, DurationMinutes = 60,
        };

        var first = await App.SendAsync(command, team.Recruiter);

        Assert.Null(first.InterviewId);
        var warning = Assert.Single(first.Warnings);
        Assert.Contains("Alice Interviewer", warning);
        Assert.Contains("overlaps", warning);
        Assert.Equal(1, await App.WithDbAsync(db => db.Interviews.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.OutboxEmails.CountAsync()));

        var confirmed = await App.SendAsync(command with { ScheduleAnyway = true }, team.Recruiter);
        Assert.NotNull(confirmed.InterviewId);
        Assert.Equal(2, await App.WithDbAsync(db => db.Interviews.CountAsync()));
    }

    [Fact]
    public async Task Should_not_count_an_adjacent_or_cancelled_interview_as_an_overlap()
    {
        var (team, _, applicationId) = await ArrangeAsync();
        var local = NextWeekInBerlin(15);
        var (_, other) = await App.CreateApplicantAsync(team.Posting, "Other Candidate", InterviewTestData.SystemDesign);
        await App.CreateInterviewAsync(other, [team.Alice], new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local.AddHours(-1), Berlin)));
        var cancelled = await App.CreateInterviewAsync(other, [team.Alice], new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Berlin)));
        await App.SendAsync(new CancelInterview.Command { InterviewId = cancelled }, team.Recruiter);

        var result = await App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [team.Alice.Id],
            StartsAtLocal = local, DurationMinutes = 60,
        }, team.Recruiter);

        Assert.Empty(result.Warnings);
        Assert.NotNull(result.InterviewId);
    }

    [Fact]
    public async Task Should_warn_when_the_slot_is_outside_working_hours_for_the_candidate()
    {
        // 15:00 in Berlin is 23:00 or midnight in Tokyo.
        var (team, _, applicationId) = await ArrangeAsync("Asia/Tokyo");
        var result = await App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [team.Alice.Id],
            StartsAtLocal = NextWeekInBerlin(15), DurationMinutes = 60,
        }, team.Recruiter);

        Assert.Null(result.InterviewId);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("outside 08:00–18:00", warning);
        Assert.Contains("Asia/Tokyo", warning);
    }

    [Fact]
    public async Task Should_refuse_a_time_in_the_past_and_interviewers_off_the_team()
    {
        var (team, _, applicationId) = await ArrangeAsync();
        var outsider = await App.CreateUserAsync("Olly Outsider", Roles.Interviewer);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [outsider.Id],
            StartsAtLocal = NextWeekInBerlin(15).AddDays(-30), DurationMinutes = 60,
        }, team.Recruiter));
        Assert.Contains(nameof(ScheduleInterview.Command.StartsAtLocal), ex.Errors.Keys);
        Assert.Contains(nameof(ScheduleInterview.Command.InterviewerIds), ex.Errors.Keys);
    }

    [Fact]
    public async Task Should_hide_the_application_from_a_recruiter_not_on_the_team()
    {
        var (_, _, applicationId) = await ArrangeAsync();
        var stranger = await App.CreateUserAsync("Stranger Recruiter", Roles.Recruiter);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new ScheduleInterview.Query { ApplicationId = applicationId }, stranger));
    }

    [Fact]
    public async Task Should_send_updates_with_the_same_uid_and_a_higher_sequence_on_reschedule_and_cancel()
    {
        var (team, candidateId, applicationId) = await ArrangeAsync();
        var created = await App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [team.Alice.Id],
            StartsAtLocal = NextWeekInBerlin(14), DurationMinutes = 60,
        }, team.Recruiter);
        var id = created.InterviewId!.Value;
        await App.WithDbAsync(db => db.OutboxEmails.ExecuteDeleteAsync());

        var form = await App.SendAsync(new RescheduleInterview.Query { InterviewId = id }, team.Recruiter);
        Assert.Equal(NextWeekInBerlin(14), form.StartsAtLocal);
        var moved = await App.SendAsync(form with { StartsAtLocal = NextWeekInBerlin(16), DurationMinutes = 45 }, team.Recruiter);
        Assert.Equal(id, moved.InterviewId);
        var interview = await App.FindAsync<Interview>(id);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(NextWeekInBerlin(16), Berlin), interview!.StartsAt.UtcDateTime);
        Assert.Equal(45, interview.DurationMinutes);

        var rescheduled = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.Equal(2, rescheduled.Count);
        Assert.All(rescheduled, e =>
        {
            Assert.Contains("METHOD:REQUEST", Ics(e));
            Assert.Contains("SEQUENCE:1", Ics(e));
            Assert.Contains($"UID:interview-{id:N}@hiringplatform", Ics(e));
        });
        Assert.Contains(rescheduled, e => e.CandidateId == candidateId && e.Subject.StartsWith("New time"));
        await App.WithDbAsync(db => db.OutboxEmails.ExecuteDeleteAsync());

        await App.SendAsync(new CancelInterview.Command { InterviewId = id, Reason = "Candidate asked to move to next week" }, team.Recruiter);
        var cancelled = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        Assert.Equal(2, cancelled.Count);
        Assert.All(cancelled, e =>
        {
            Assert.Contains("METHOD:CANCEL", Ics(e));
            Assert.Contains("STATUS:CANCELLED", Ics(e));
            Assert.Contains("SEQUENCE:2", Ics(e));
            Assert.Contains($"UID:interview-{id:N}@hiringplatform", Ics(e));
            Assert.Contains("method=CANCEL", e.AttachmentContentType);
        });
        Assert.Equal(InterviewStatus.Cancelled, (await App.FindAsync<Interview>(id))!.Status);
        var kinds = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).Select(e => e.Kind).ToListAsync());
        Assert.Contains(ActivityKind.InterviewRescheduled, kinds);
        Assert.Contains(ActivityKind.InterviewCancelled, kinds);

        // A cancelled interview cannot be moved again.
        await Assert.ThrowsAsync<HiringPlatform.Application.Domain.Common.DomainException>(() =>
            App.SendAsync(form with { StartsAtLocal = NextWeekInBerlin(10) }, team.Recruiter));
    }

    [Fact]
    public async Task Should_not_schedule_an_interview_for_a_rejected_application()
    {
        var (team, _, applicationId) = await ArrangeAsync();
        await App.WithDbAsync(async db =>
        {
            var a = await db.Applications.SingleAsync(x => x.Id == applicationId);
            a.Reject(RejectionReason.ExperienceLevel, null, null, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        });
        var ex = await Assert.ThrowsAsync<HiringPlatform.Application.Domain.Common.DomainException>(() => App.SendAsync(new ScheduleInterview.Command
        {
            ApplicationId = applicationId, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id, InterviewerIds = [team.Alice.Id],
            StartsAtLocal = NextWeekInBerlin(10), DurationMinutes = 60,
        }, team.Recruiter));
        Assert.Contains("rejected", ex.Message);
    }
}
