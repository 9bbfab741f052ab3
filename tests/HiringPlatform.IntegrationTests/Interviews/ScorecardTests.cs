using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Interviews;

public sealed class ScorecardTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(Team Team, Guid ApplicationId, Guid InterviewId)> ArrangeAsync()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Sasha Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice, team.Bob]);
        return (team, applicationId, interviewId);
    }

    [Fact]
    public async Task Should_show_the_stage_focus_competencies_with_descriptors_red_flags_and_the_kit()
    {
        var (team, _, interviewId) = await ArrangeAsync();
        var page = await App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, team.Alice);

        Assert.True(page.IsMine);
        Assert.True(page.CanEdit);
        Assert.Null(page.Status);
        Assert.Equal(5, page.Competencies.Count);
        Assert.Equal("System architecture and design", page.Competencies[0].Name);
        Assert.All(page.Competencies, c => Assert.False(string.IsNullOrWhiteSpace(c.Descriptor(4))));
        Assert.Equal(5, page.RedFlags.Count);
        Assert.Equal(4, page.Kit.Count);
        Assert.IsType<SaveScorecard.Command>(page.Form);
    }

    [Fact]
    public async Task Should_save_a_draft_then_require_evidence_for_every_rating_to_submit_and_lock_it()
    {
        var (team, applicationId, interviewId) = await ArrangeAsync();
        var full = await App.ScorecardAsync(interviewId, team.Alice, submit: false);
        var draft = full with
        {
            Ratings = full.Ratings.Select((r, i) => i == 0 ? r : r with { Rating = null, Evidence = null }).ToList(),
            Recommendation = null,
        };
        var id = await App.SendAsync(draft, team.Alice);
        var saved = await App.WithDbAsync(db => db.Scorecards.Include(s => s.Ratings).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(ScorecardStatus.Draft, saved.Status);
        Assert.Equal(5, saved.Ratings.Count);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(draft with { Submit = true }, team.Alice));
        Assert.Contains("Ratings[1].Evidence", ex.Errors.Keys);
        Assert.Contains("Ratings[1].Rating", ex.Errors.Keys);
        Assert.Contains("Recommendation", ex.Errors.Keys);

        await App.SendAsync(full with { Submit = true }, team.Alice);
        var submitted = await App.FindAsync<Scorecard>(id);
        Assert.Equal(ScorecardStatus.Submitted, submitted!.Status);
        Assert.NotNull(submitted.SubmittedAt);

        var locked = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(full with { Submit = false }, team.Alice));
        Assert.Contains("locked", locked.Message);
        var page = await App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, team.Alice);
        Assert.True(page.CanAmend);
        Assert.False(page.CanEdit);
        Assert.IsType<AmendScorecard.Command>(page.Form);
        Assert.Contains(await App.WithDbAsync(db => db.ActivityEvents.Where(e => e.ApplicationId == applicationId).Select(e => e.Kind).ToListAsync()),
            k => k == ActivityKind.ScorecardSubmitted);
    }

    [Fact]
    public async Task Should_not_accept_a_submission_before_the_interview_has_started()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Early Candidate", InterviewTestData.SystemDesign);
        var interviewId = await App.CreateInterviewAsync(applicationId, [team.Alice]);
        var command = await App.ScorecardAsync(interviewId, team.Alice);
        var ex = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(command, team.Alice));
        Assert.Contains("not started", ex.Message);
        await App.SendAsync(command with { Submit = false }, team.Alice);
    }

    [Fact]
    public async Task Should_keep_the_original_and_record_who_changed_what_when_amending()
    {
        var (team, applicationId, interviewId) = await ArrangeAsync();
        var keys = await App.CompetencyIdsAsync();
        var command = await App.ScorecardAsync(interviewId, team.Alice);
        var id = await App.SendAsync(command, team.Alice);
        var before = (await App.FindAsync<JobApplication>(applicationId))!.WeightedScore;
        Assert.Equal(3.00m, before);

        var amend = new AmendScorecard.Command
        {
            InterviewId = interviewId,
            Ratings = command.Ratings.Select(r => r.CompetencyId == keys["security"] ? r with { Rating = 1, Evidence = "Stored tokens in local storage; no expiry." } : r).ToList(),
            RedFlagIds = command.RedFlagIds,
            Recommendation = Recommendation.No,
            SupportedLevel = JobLevel.Mid,
            PrivateNote = command.PrivateNote,
            Reason = "Re-read my notes on the auth discussion.",
        };
        var missingReason = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(amend with { Reason = " " }, team.Alice));
        Assert.Contains("Reason", missingReason.Errors.Keys);
        await App.SendAsync(amend, team.Alice);

        var scorecard = await App.WithDbAsync(db => db.Scorecards.Include(s => s.Amendments).Include(s => s.Ratings).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(Recommendation.No, scorecard.Recommendation);
        var amendment = Assert.Single(scorecard.Amendments);
        Assert.Equal(team.Alice.Id, amendment.ByUserId);
        Assert.Contains("Security-first development: rating 3 → 1", amendment.Changes);
        Assert.Contains("evidence changed (was: Walked through a concrete example for Security-first development.)", amendment.Changes);
        Assert.Contains("Recommendation: Yes → No", amendment.Changes);

        // Weights: system design 15, API 10, data 12, security 12, communication 10 → (15·3+10·3+12·3+12·1+10·3)/59.
        Assert.Equal(Math.Round(153m / 59m, 2), (await App.FindAsync<JobApplication>(applicationId))!.WeightedScore);

        var page = await App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, team.Alice);
        var history = Assert.Single(page.Amendments);
        Assert.Equal("Alice Interviewer", history.ByName);
        Assert.Equal("Re-read my notes on the auth discussion.", history.Reason);
        Assert.Contains(history.Changes, c => c.Contains("rating 3 → 1"));
    }

    [Fact]
    public async Task Should_refuse_scorecards_from_anyone_not_on_the_interview()
    {
        var (team, _, interviewId) = await ArrangeAsync();
        var command = await App.ScorecardAsync(interviewId, team.Alice);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(command, team.Manager));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, team.Manager));
    }
}
