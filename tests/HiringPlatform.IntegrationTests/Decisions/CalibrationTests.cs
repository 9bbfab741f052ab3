using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.IntegrationTests.Interviews;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Decisions;

public sealed class CalibrationTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_compare_each_interviewers_ratings_with_the_panel_and_with_the_final_decisions()
    {
        var team = await App.CreateTeamAsync();
        var (_, hired) = await App.CreateApplicantAsync(team.Posting, "Offer Olga", InterviewTestData.SystemDesign);
        var (_, rejected) = await App.CreateApplicantAsync(team.Posting, "Reject Ron", InterviewTestData.SystemDesign);
        var (_, pending) = await App.CreateApplicantAsync(team.Posting, "Pending Pat", InterviewTestData.SystemDesign);
        foreach (var applicationId in new[] { hired, rejected, pending })
        {
            var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice, team.Bob]);
            // Alice scores everyone high and says yes; Bob scores 2 and says no.
            await App.SubmitScorecardAsync(interviewId, team.Alice, otherwise: 4, recommendation: Recommendation.StrongYes);
            await App.SubmitScorecardAsync(interviewId, team.Bob, otherwise: 2, recommendation: Recommendation.No);
        }
        await App.SendAsync(new RecordDecision.Command { ApplicationId = hired, Kind = DecisionKind.Offer, Rationale = "Yes.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, team.Manager);
        await App.SendAsync(new RecordDecision.Command
        {
            ApplicationId = rejected, Kind = DecisionKind.Reject, RejectionReason = HiringPlatform.Application.Domain.Candidates.RejectionReason.ExperienceLevel, Rationale = "No.",
        }, team.Manager);

        var calibration = await App.SendAsync(new GetCalibration.Query { PostingId = team.Posting.Id }, team.Manager);

        Assert.Equal(30, calibration.Panel.Count);
        Assert.Equal(3m, calibration.Panel.Mean);
        Assert.Equal([0, 15, 0, 15], calibration.Panel.Distribution);
        var alice = calibration.Interviewers.Single(i => i.Id == team.Alice.Id);
        Assert.Equal(4m, alice.Ratings.Mean);
        Assert.Equal(100m, alice.Ratings.Share(4));
        Assert.Equal(3, alice.Scorecards);
        Assert.Equal(2, alice.Decided);
        Assert.Equal(1, alice.Matched);
        Assert.Equal(50m, alice.MatchRate);
        var bob = calibration.Interviewers.Single(i => i.Id == team.Bob.Id);
        Assert.Equal(2m, bob.Ratings.Mean);
        Assert.Equal(1, bob.Matched);

        var overall = await App.SendAsync(new GetCalibration.Query(), team.Manager);
        Assert.Equal(30, overall.Panel.Count);
        var otherManager = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        Assert.Equal(0, (await App.SendAsync(new GetCalibration.Query(), otherManager)).Panel.Count);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetCalibration.Query { PostingId = team.Posting.Id }, otherManager));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetCalibration.Query(), team.Recruiter));
    }

    [Theory]
    [InlineData(HiringPlatform.Application.Domain.Candidates.RejectionReason.PositionFilled, 0)]
    [InlineData(HiringPlatform.Application.Domain.Candidates.RejectionReason.CandidateWithdrew, 0)]
    [InlineData(HiringPlatform.Application.Domain.Candidates.RejectionReason.ExperienceLevel, 1)]
    public async Task Should_count_a_rejection_as_an_outcome_only_when_it_judged_the_candidate(
        HiringPlatform.Application.Domain.Candidates.RejectionReason reason, int decided)
    {
        var team = await App.CreateTeamAsync();
        var (_, application) = await App.CreateApplicantAsync(team.Posting, "Late Lee", InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(application, [team.Alice]);
        await App.SubmitScorecardAsync(interviewId, team.Alice, otherwise: 2, recommendation: Recommendation.No);
        await App.SendAsync(new RecordDecision.Command { ApplicationId = application, Kind = DecisionKind.Reject, RejectionReason = reason, Rationale = "Closed." }, team.Manager);

        var alice = (await App.SendAsync(new GetCalibration.Query { PostingId = team.Posting.Id }, team.Manager)).Interviewers.Single(i => i.Id == team.Alice.Id);

        Assert.Equal(1, alice.Scorecards);
        Assert.Equal(decided, alice.Decided);
        Assert.Equal(decided, alice.Matched);
    }
}
