using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.IntegrationTests.Interviews;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Decisions;

public sealed class ScoreTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_compute_the_weighted_score_from_submitted_ratings_and_show_gaps_disagreements_and_coverage()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Score Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice, team.Bob]);
        var keys = await App.CompetencyIdsAsync();
        await App.SubmitScorecardAsync(interviewId, team.Alice,
            new Dictionary<string, int> { ["system-design"] = 4, ["api-design"] = 3, ["data-performance"] = 2, ["security"] = 3, ["remote-communication"] = 4 },
            recommendation: Recommendation.StrongYes);
        // A draft never counts.
        var bobsDraft = await App.ScorecardAsync(interviewId, team.Bob, otherwise: 1, submit: false);
        await App.SendAsync(bobsDraft, team.Bob);
        Assert.Equal(Math.Round(190m / 59m, 2), (await App.FindAsync<JobApplication>(applicationId))!.WeightedScore);

        await App.SubmitScorecardAsync(interviewId, team.Bob,
            new Dictionary<string, int> { ["system-design"] = 2, ["api-design"] = 3, ["data-performance"] = 2, ["security"] = 4, ["remote-communication"] = 4 },
            recommendation: Recommendation.No);

        // Means: design 3, API 3, data 2, security 3.5, communication 4; weights 15, 10, 12, 12, 10 → 181 / 59.
        var expected = Math.Round(181m / 59m, 2);
        Assert.Equal(3.07m, expected);
        Assert.Equal(expected, (await App.FindAsync<JobApplication>(applicationId))!.WeightedScore);

        var score = await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Manager);
        Assert.Equal(expected, score.WeightedScore);
        Assert.Equal(2, score.Columns.Count);
        Assert.Equal(10, score.Rows.Count);
        var design = score.Rows.Single(r => r.CompetencyId == keys["system-design"]);
        Assert.Equal(3m, design.Mean);
        Assert.True(design.StrongDisagreement);
        Assert.Equal(15m, design.WeightShare);
        Assert.Equal(2, design.Cells.Count);
        Assert.True(score.Rows.Single(r => r.CompetencyId == keys["data-performance"]).MustHaveBelowBar);
        Assert.False(score.Rows.Single(r => r.CompetencyId == keys["security"]).StrongDisagreement);
        // Unrated competencies are gaps, left out of the score.
        Assert.Equal(5, score.Rows.Count(r => r.IsGap));
        Assert.Contains(score.Rows, r => r.IsGap && r.CompetencyId == keys["cloud-devops"]);
        Assert.DoesNotContain(score.Rows, r => r.IsGap && r.CompetencyId == keys["security"]);
        // Coverage: the three unrated must-haves are missing; the rated ones have two interviewers each.
        Assert.Equal(3, score.MissingCoverage.Count());
        Assert.False(score.ReadyForDebrief);
        Assert.Equal(1, score.Recommendations[Recommendation.StrongYes]);
        Assert.Equal(1, score.Recommendations[Recommendation.No]);
        Assert.Equal(2, score.Levels[HiringPlatform.Application.Domain.JobPostings.JobLevel.Senior]);
        Assert.Empty(score.PendingFeedback);
        Assert.All(score.Columns, c => Assert.NotNull(c.PrivateNote));
    }

    [Fact]
    public async Task Should_keep_the_score_page_to_the_hiring_team()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Private Score", InterviewTestData.SystemDesign);
        var otherManager = await App.CreateUserAsync("Other Manager", Roles.HiringManager);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, otherManager));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Alice));
        var recruiterView = await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Recruiter);
        Assert.Null(recruiterView.WeightedScore);
        Assert.False(recruiterView.CanDecide);
    }

    [Fact]
    public async Task Should_rank_a_stages_candidates_by_weighted_score_with_must_have_gaps()
    {
        var team = await App.CreateTeamAsync();
        var strong = await ScoredApplicantAsync(team, "Strong Sam", 4);
        var weak = await ScoredApplicantAsync(team, "Weak Wes", 2);
        var middling = await ScoredApplicantAsync(team, "Middling Mo", 3);
        var (_, unscored) = await App.CreateApplicantAsync(team.Posting, "Unscored Uma", InterviewTestData.SystemDesign);
        await App.CreateApplicantAsync(team.Posting, "Elsewhere Eli", "Coding exercise");

        var compare = await App.SendAsync(new ComparePostingCandidates.Query
        {
            PostingId = team.Posting.Id, StageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id,
        }, team.Manager);

        Assert.Equal([strong, middling, weak, unscored], compare.Candidates.Select(c => c.ApplicationId));
        Assert.Equal(4, compare.TotalInStage);
        Assert.Equal(4m, compare.Candidates[0].WeightedScore);
        Assert.Null(compare.Candidates[3].WeightedScore);
        Assert.Equal(10, compare.Competencies.Count);
        // The system design stage rates five competencies: the other four must-haves are unrated for everyone.
        Assert.Contains("Quality and testing (unrated)", compare.Candidates[0].MustHaveGaps);
        Assert.Contains("System architecture and design (2.0)", compare.Candidates[2].MustHaveGaps);
        Assert.DoesNotContain(compare.Candidates[0].MustHaveGaps, g => g.StartsWith("System architecture"));
        Assert.Equal(2, compare.Candidates[0].Recommendations[Recommendation.Yes]);
        Assert.Equal(4m, compare.Candidates[0].Means[(await App.CompetencyIdsAsync())["security"]]);
        Assert.Null(compare.NextAfterId);
        var stage = compare.Stages.Single(s => s.Id == compare.StageId);
        Assert.Equal(4, stage.ActiveCount);
    }

    [Fact]
    public async Task Should_page_the_comparison_with_a_keyset_cursor()
    {
        var team = await App.CreateTeamAsync();
        var stageId = team.Posting.Stage(InterviewTestData.SystemDesign).Id;
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < ComparePostingCandidates.PageSize + 5; i++)
            {
                var candidate = new Candidate($"Bulk {i:00}", $"bulk{i}@example.com");
                db.Candidates.Add(candidate);
                var application = new JobApplication(candidate.Id, team.Posting.Id, team.Posting.First.Id, CandidateSource.Sourced, null, App.Clock.GetUtcNow());
                application.MoveTo(stageId, App.Clock.GetUtcNow());
                application.WeightedScore = i % 3 == 0 ? null : 1m + i % 7 * 0.5m;
                db.Applications.Add(application);
            }
            await db.SaveChangesAsync();
        });
        var first = await App.SendAsync(new ComparePostingCandidates.Query { PostingId = team.Posting.Id, StageId = stageId }, team.Recruiter);
        Assert.Equal(ComparePostingCandidates.PageSize, first.Candidates.Count);
        Assert.NotNull(first.NextAfterId);
        var second = await App.SendAsync(new ComparePostingCandidates.Query
        {
            PostingId = team.Posting.Id, StageId = stageId, AfterScore = first.NextAfterScore, AfterId = first.NextAfterId,
        }, team.Recruiter);
        Assert.Equal(5, second.Candidates.Count);
        Assert.Equal(ComparePostingCandidates.PageSize + 1, second.FirstRank);
        var all = first.Candidates.Concat(second.Candidates).ToList();
        Assert.Equal(all.Count, all.Select(c => c.ApplicationId).Distinct().Count());
        Assert.Equal(all.Select(c => c.WeightedScore ?? 0).OrderByDescending(s => s), all.Select(c => c.WeightedScore ?? 0));
    }

    private async Task<Guid> ScoredApplicantAsync(Team team, string name, int rating)
    {
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, name, InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice, team.Bob]);
        await App.SubmitScorecardAsync(interviewId, team.Alice, otherwise: rating);
        await App.SubmitScorecardAsync(interviewId, team.Bob, otherwise: rating);
        return applicationId;
    }
}
