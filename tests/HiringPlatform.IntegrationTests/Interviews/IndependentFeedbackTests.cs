using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Interviews;

public sealed class IndependentFeedbackTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_show_an_interviewer_nobody_elses_scorecards_until_they_have_submitted_their_own()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Indy Candidate", InterviewTestData.SystemDesign);
        var first = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);
        var second = await App.CreatePastInterviewAsync(applicationId, [team.Bob], team.Posting.Stage("Coding exercise").Id);
        await App.SubmitScorecardAsync(first, team.Alice, recommendation: Recommendation.StrongYes);

        // Bob is interviewing the same candidate but has not submitted: he gets nothing, however he asks.
        var locked = await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Bob);
        Assert.True(locked.Locked);
        Assert.Empty(locked.Scorecards);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetScorecard.Query { InterviewId = first, InterviewerId = team.Alice.Id }, team.Bob));
        var interviewPage = await App.SendAsync(new GetInterview.Query { InterviewId = second }, team.Bob);
        Assert.All(interviewPage.Participants.Where(p => !p.IsMe), p => Assert.Null(p.Recommendation));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Bob));

        // The hiring manager and the recruiter see everything submitted, at any time.
        Assert.Single((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Manager)).Scorecards);
        Assert.Single((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Recruiter)).Scorecards);

        await App.SubmitScorecardAsync(second, team.Bob, recommendation: Recommendation.No);
        var unlocked = await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Bob);
        Assert.False(unlocked.Locked);
        var alice = Assert.Single(unlocked.Scorecards);
        Assert.Equal(Recommendation.StrongYes, alice.Recommendation);
        Assert.Null(alice.PrivateNote);
        var aliceCard = await App.SendAsync(new GetScorecard.Query { InterviewId = first, InterviewerId = team.Alice.Id }, team.Bob);
        Assert.False(aliceCard.IsMine);
        Assert.All(aliceCard.Form.Ratings, r => Assert.NotNull(r.Rating));

        // Only the hiring manager reads the private notes.
        Assert.All((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Manager)).Scorecards, s => Assert.NotNull(s.PrivateNote));
        Assert.All((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Recruiter)).Scorecards, s => Assert.Null(s.PrivateNote));
    }

    [Fact]
    public async Task Should_hide_a_candidate_entirely_from_an_interviewer_who_is_not_interviewing_them()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Private Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);
        var outsider = await App.CreateUserAsync("Other Interviewer", Roles.Interviewer);

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetInterview.Query { InterviewId = interviewId }, outsider));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetScorecard.Query { InterviewId = interviewId, InterviewerId = team.Alice.Id }, outsider));
        var mine = await App.SendAsync(new GetMyInterviews.Query(), outsider);
        Assert.Empty(mine.MyUpcoming);
        Assert.Empty(mine.MyFeedbackDue);
        Assert.False(mine.ShowsTeam);
    }

    [Fact]
    public async Task Should_lock_hiring_managers_and_recruiters_on_the_panel_until_they_submit_their_own()
    {
        var team = await App.CreateTeamAsync();
        var recruiterPanelist = await App.CreateUserAsync("Panel Recruiter", Roles.Recruiter, Roles.Interviewer);
        await App.WithDbAsync(async db =>
        {
            db.PostingTeamMembers.Add(new HiringPlatform.Application.Domain.JobPostings.PostingTeamMember(team.Posting.Id, recruiterPanelist.Id, HiringPlatform.Application.Domain.JobPostings.TeamRole.Recruiter));
            await db.SaveChangesAsync();
        });
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Panel Candidate", InterviewTestData.SystemDesign);
        var first = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);
        var panel = await App.CreatePastInterviewAsync(applicationId, [team.Manager, recruiterPanelist], team.Posting.Stage("Coding exercise").Id);
        await App.SubmitScorecardAsync(first, team.Alice, recommendation: Recommendation.StrongYes);

        foreach (var panelist in new[] { team.Manager, recruiterPanelist })
        {
            var feedback = await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, panelist);
            Assert.True(feedback.Locked);
            Assert.Empty(feedback.Scorecards);
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetScorecard.Query { InterviewId = first, InterviewerId = team.Alice.Id }, panelist));
            var score = await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, panelist);
            Assert.Empty(score.Columns);
            Assert.Null(score.WeightedScore);
            var compare = await App.SendAsync(new ComparePostingCandidates.Query { PostingId = team.Posting.Id, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id }, panelist);
            Assert.All(compare.Candidates.Where(c => c.ApplicationId == applicationId), c => Assert.Null(c.WeightedScore));
            var page = await App.SendAsync(new GetInterview.Query { InterviewId = first }, panelist);
            Assert.All(page.Participants, p => Assert.Null(p.Recommendation));
            var profile = await App.SendAsync(new HiringPlatform.Application.Features.Candidates.GetCandidateProfile.Query { CandidateId = candidateId }, panelist);
            Assert.DoesNotContain(profile.Timeline, t => t.Summary.Contains("strong yes", StringComparison.OrdinalIgnoreCase));
        }

        // The recruiter who is not on the panel sees everything at once.
        Assert.Single((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Recruiter)).Scorecards);
        Assert.Single((await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Recruiter)).Columns);

        // Once the hiring manager submits, they see the panel's feedback again, private notes included.
        await App.SubmitScorecardAsync(panel, team.Manager, recommendation: Recommendation.Yes);
        var open = await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, team.Manager);
        Assert.False(open.Locked);
        Assert.NotNull(Assert.Single(open.Scorecards).PrivateNote);
        Assert.Equal(2, (await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Manager)).Columns.Count);
        // The recruiter on the same panel is still locked.
        Assert.True((await App.SendAsync(new GetPanelFeedback.Query { ApplicationId = applicationId }, recruiterPanelist)).Locked);
    }
}
