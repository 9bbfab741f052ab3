using HiringPlatform.Testing;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Interviews;

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
}
