using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Rubrics;
using HiringPlatform.Testing;

namespace HiringPlatform.IntegrationTests.Decisions;

// Stored weighted scores (board cards, the comparison's ranking, the decision page) stay equal to what the score page
// computes: after a rubric edit, and after a merge that combines two applications' scorecards.
public sealed class ScoreRecalculationTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<Guid> ScoredAsync(Team team, string name, TestUser interviewer, Dictionary<string, int> ratings, int otherwise)
    {
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, name, InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [interviewer]);
        await App.SubmitScorecardAsync(interviewId, interviewer, ratings, otherwise);
        return applicationId;
    }

    private async Task<decimal?> StoredAsync(Guid applicationId) => (await App.FindAsync<JobApplication>(applicationId))!.WeightedScore;

    [Fact]
    public async Task Should_recompute_stored_scores_in_the_rubric_edit_so_the_comparison_ranks_on_the_new_weights()
    {
        var team = await App.CreateTeamAsync();
        var designer = await ScoredAsync(team, "Dana Designer", team.Alice, new() { ["system-design"] = 4 }, 2);
        var allRounder = await ScoredAsync(team, "Al Rounder", team.Bob, new() { ["system-design"] = 1 }, 4);
        var stage = team.Posting.Stage(InterviewTestData.SystemDesign).Id;
        var before = await App.SendAsync(new ComparePostingCandidates.Query { PostingId = team.Posting.Id, StageId = stage }, team.Manager);
        Assert.Equal([allRounder, designer], before.Candidates.Select(c => c.ApplicationId));

        // System design now weighs ten times as much.
        var keys = await App.CompetencyIdsAsync();
        var form = await App.SendAsync(new EditRubric.Query { PostingId = team.Posting.Id }, team.Manager);
        await App.SendAsync(form with
        {
            Items = form.Items.Select(i => new EditRubric.Item
            {
                CompetencyId = i.CompetencyId, Included = i.Included, IsMustHave = i.IsMustHave,
                Weight = i.CompetencyId == keys["system-design"] ? 100m : i.Weight,
            }).ToList(),
        }, team.Manager);

        var after = await App.SendAsync(new ComparePostingCandidates.Query { PostingId = team.Posting.Id, StageId = stage }, team.Manager);
        Assert.Equal([designer, allRounder], after.Candidates.Select(c => c.ApplicationId));
        foreach (var applicationId in new[] { designer, allRounder })
        {
            var page = await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Manager);
            Assert.Equal(page.WeightedScore, await StoredAsync(applicationId));
            Assert.Equal(page.WeightedScore, (await App.SendAsync(new RecordDecision.Query { ApplicationId = applicationId }, team.Manager)).WeightedScore);
        }
    }

    [Fact]
    public async Task Should_keep_the_score_of_both_sides_scorecards_when_a_merge_combines_two_applications()
    {
        var team = await App.CreateTeamAsync();
        var first = await ScoredAsync(team, "Sam Same", team.Alice, [], 4);
        var second = await ScoredAsync(team, "Sam Same", team.Bob, [], 2);
        Assert.Equal(4m, await StoredAsync(first));
        var (survivor, duplicate) = ((await App.FindAsync<JobApplication>(first))!.CandidateId, (await App.FindAsync<JobApplication>(second))!.CandidateId);

        await App.SendAsync(new MergeCandidates.Command { CandidateId = survivor, OtherId = duplicate, SurvivorId = survivor }, team.Recruiter);

        var kept = await App.FindAsync<JobApplication>(first) is null ? second : first;
        var page = await App.SendAsync(new GetApplicationScore.Query { ApplicationId = kept }, team.Manager);
        Assert.Equal(2, page.Columns.Count);
        Assert.Equal(3m, page.WeightedScore);
        Assert.Equal(3m, await StoredAsync(kept));
    }
}
