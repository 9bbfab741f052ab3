using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Interviews;

public sealed class FeedbackReminderTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_list_feedback_as_overdue_24_hours_after_the_interview_and_remind_exactly_once()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Late Candidate", InterviewTestData.SystemDesign);
        // Ended an hour ago; Alice submits, Bob does not.
        var interviewId = await App.CreateInterviewAsync(applicationId, [team.Alice, team.Bob], App.Clock.GetUtcNow().AddHours(-2), durationMinutes: 60);
        await App.SubmitScorecardAsync(interviewId, team.Alice);

        var bobsDay = await App.SendAsync(new GetMyInterviews.Query(), team.Bob);
        var due = Assert.Single(bobsDay.MyFeedbackDue);
        Assert.False(due.IsOverdue);
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Recruiter)).TeamOverdue);
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Alice)).MyFeedbackDue);
        Assert.Equal(0, await App.SendAsync(new SendFeedbackReminders.Command(), null));

        App.Clock.Advance(TimeSpan.FromHours(23.5));

        Assert.True(Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), team.Bob)).MyFeedbackDue).IsOverdue);
        var overdue = Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), team.Recruiter)).TeamOverdue);
        Assert.Equal("Bob Interviewer", overdue.InterviewerName);
        Assert.Equal(interviewId, overdue.InterviewId);
        Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), team.Manager)).TeamOverdue);

        Assert.Equal(1, await App.SendAsync(new SendFeedbackReminders.Command(), null));
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await App.SendAsync(new SendFeedbackReminders.Command(), null));

        var emails = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
        var reminder = Assert.Single(emails);
        Assert.Equal(team.Bob.Email, reminder.To);
        Assert.Contains("overdue", reminder.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Matches($@"https?://\S+/interviews/{interviewId}/scorecard", reminder.TextBody);
        Assert.Equal(await App.WithDbAsync(db => db.Applications.Where(a => db.Interviews.Any(i => i.Id == interviewId && i.ApplicationId == a.Id)).Select(a => a.CandidateId).SingleAsync()),
            reminder.CandidateId);
        var participant = await App.WithDbAsync(db => db.InterviewParticipants.AsNoTracking().SingleAsync(p => p.InterviewerId == team.Bob.Id));
        Assert.NotNull(participant.ReminderSentAt);
        Assert.NotNull(Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), team.Recruiter)).TeamOverdue).ReminderSentAt);
    }

    [Fact]
    public async Task Should_remind_once_when_several_instances_run_the_job_at_the_same_moment()
    {
        var team = await App.CreateTeamAsync();
        for (var i = 0; i < 6; i++)
        {
            var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, $"Late Candidate {i}", InterviewTestData.SystemDesign);
            await App.CreateInterviewAsync(applicationId, [team.Alice, team.Bob], App.Clock.GetUtcNow().AddHours(-2 - i), durationMinutes: 60);
        }
        App.Clock.Advance(TimeSpan.FromDays(2));

        // Four "instances" start the same round together, each in its own scope and transaction.
        using var start = new SemaphoreSlim(0);
        var rounds = Enumerable.Range(0, 4).Select(async _ =>
        {
            await start.WaitAsync();
            return await App.SendAsync(new SendFeedbackReminders.Command(), null);
        }).ToList();
        start.Release(4);
        var sent = await Task.WhenAll(rounds);

        Assert.Equal(12, sent.Sum());
        var emails = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().Select(e => new { e.To, e.Subject }).ToListAsync());
        Assert.Equal(12, emails.Count);
        Assert.Equal(12, emails.Distinct().Count());
        Assert.Equal(0, await App.SendAsync(new SendFeedbackReminders.Command(), null));
    }

    [Fact]
    public async Task Should_keep_the_pending_feedback_marker_on_those_who_still_owe_a_scorecard()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Marked Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreateInterviewAsync(applicationId, [team.Alice, team.Bob], App.Clock.GetUtcNow().AddHours(-2), durationMinutes: 60);
        var endsAt = (await App.FindAsync<Interview>(interviewId))!.EndsAt;
        await App.SubmitScorecardAsync(interviewId, team.Alice);

        var pending = await App.WithDbAsync(db => db.InterviewParticipants.AsNoTracking().Where(p => p.InterviewId == interviewId)
            .ToDictionaryAsync(p => p.InterviewerId, p => p.PendingFeedbackEndsAt));
        Assert.Null(pending[team.Alice.Id]);
        Assert.Equal(endsAt, pending[team.Bob.Id]);
    }

    [Fact]
    public async Task Should_not_remind_about_cancelled_interviews()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Cancelled Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreateInterviewAsync(applicationId, [team.Bob], App.Clock.GetUtcNow().AddHours(1));
        await App.SendAsync(new CancelInterview.Command { InterviewId = interviewId }, team.Recruiter);
        Assert.Null(await App.WithDbAsync(db => db.InterviewParticipants.AsNoTracking().Select(p => p.PendingFeedbackEndsAt).SingleAsync()));
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await App.SendAsync(new SendFeedbackReminders.Command(), null));
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Bob)).MyFeedbackDue);
    }

    [Fact]
    public async Task Should_list_upcoming_interviews_soonest_first_for_the_panel_and_the_team()
    {
        var team = await App.CreateTeamAsync();
        var (_, a1) = await App.CreateApplicantAsync(team.Posting, "Later Candidate", InterviewTestData.SystemDesign);
        var (_, a2) = await App.CreateApplicantAsync(team.Posting, "Sooner Candidate", InterviewTestData.SystemDesign);
        await App.CreateInterviewAsync(a1, [team.Alice], App.Clock.GetUtcNow().AddDays(3));
        await App.CreateInterviewAsync(a2, [team.Alice, team.Bob], App.Clock.GetUtcNow().AddDays(1));

        var alice = await App.SendAsync(new GetMyInterviews.Query(), team.Alice);
        Assert.Equal(["Sooner Candidate", "Later Candidate"], alice.MyUpcoming.Select(i => i.CandidateName));
        var bob = await App.SendAsync(new GetMyInterviews.Query(), team.Bob);
        Assert.Equal(["Sooner Candidate"], bob.MyUpcoming.Select(i => i.CandidateName));
        var recruiter = await App.SendAsync(new GetMyInterviews.Query(), team.Recruiter);
        Assert.Equal(2, recruiter.TeamUpcoming.Count);
        Assert.Equal(InterviewStatus.Scheduled, (await App.FindAsync<Interview>(alice.MyUpcoming[0].InterviewId))!.Status);
    }
}
