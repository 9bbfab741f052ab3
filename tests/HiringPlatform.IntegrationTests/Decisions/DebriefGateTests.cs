using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Decisions;

// The debrief gate: an offer needs every must-have competency rated by at least two interviewers (the score page's
// "ready for the debrief"), or the hiring manager's written reason; moving a card to Offer and drafting an offer too.
public sealed class DebriefGateTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private static RecordDecision.Command Offer(Guid applicationId, string? overrideReason = null) =>
        new() { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Strong panel.", CoverageOverrideReason = overrideReason };

    [Fact]
    public async Task Should_refuse_an_offer_decision_without_the_panels_coverage_or_a_reason()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Zero Scorecards", "Debrief");

        var error = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Offer(applicationId, "  "), team.Manager));

        Assert.Contains("two interviewers", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Decisions.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Offers.CountAsync()));
        Assert.Equal(team.Posting.Stage("Debrief").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
        Assert.False((await App.SendAsync(new RecordDecision.Query { ApplicationId = applicationId }, team.Manager)).ReadyForDebrief);
    }

    [Fact]
    public async Task Should_record_the_hiring_managers_reason_on_the_decision_its_page_and_the_audit()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Fast Track", "Debrief");

        await App.SendAsync(Offer(applicationId, "Former colleague; two references vouch for the must-haves."), team.Manager);

        var decision = await App.WithDbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == applicationId));
        Assert.Equal("Former colleague; two references vouch for the must-haves.", decision.CoverageOverrideReason);
        var page = await App.SendAsync(new RecordDecision.Query { ApplicationId = applicationId }, team.Manager);
        Assert.Equal(decision.CoverageOverrideReason, Assert.Single(page.History).CoverageOverrideReason);
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == nameof(Decision) && a.EntityId == decision.Id.ToString()));
        Assert.Contains(nameof(Decision.CoverageOverrideReason), audit.Fields);
        Assert.Equal(OfferStatus.Draft, (await App.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.ApplicationId == applicationId))).Status);
    }

    [Fact]
    public async Task Should_make_the_offer_without_a_reason_once_every_must_have_is_covered_by_two_interviewers()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Well Covered", "Debrief");
        foreach (var stage in team.Posting.Stages.Where(s => s.Kind == StageKind.Interview))
        {
            var interviewId = await App.CreatePastInterviewAsync(applicationId, [team.Alice, team.Bob], stage.Id);
            if ((await App.SendAsync(new GetScorecard.Query { InterviewId = interviewId }, team.Alice)).Competencies.Count == 0) continue;
            await App.SubmitScorecardAsync(interviewId, team.Alice);
            await App.SubmitScorecardAsync(interviewId, team.Bob);
        }
        Assert.True((await App.SendAsync(new GetApplicationScore.Query { ApplicationId = applicationId }, team.Manager)).ReadyForDebrief);

        await App.SendAsync(Offer(applicationId), team.Manager);

        Assert.Null((await App.WithDbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == applicationId))).CoverageOverrideReason);
        Assert.Equal(team.Posting.Stage("Offer").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
    }

    [Fact]
    public async Task Should_refuse_to_move_a_card_to_offer_or_draft_an_offer_before_the_gate()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Dragged Card", "Debrief");
        var version = await App.QueryAsync(async db => (await db.Applications.FindAsync(applicationId))!.Version);
        var offerStage = team.Posting.Stage("Offer").Id;

        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(
            new MoveApplication.Command { ApplicationId = applicationId, ToStageId = offerStage, Version = version }, team.Recruiter));
        var bulk = await App.SendAsync(new BulkMoveApplications.Command { PostingId = team.Posting.Id, ToStageId = offerStage, Selected = [$"{applicationId}:{version}"] }, team.Recruiter);
        Assert.Equal(0, bulk.Moved);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new SaveOffer.Command
        {
            ApplicationId = applicationId, Salary = 190_000m, Currency = "USD", StartDate = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(30),
        }, team.Recruiter));
        Assert.Equal(team.Posting.Stage("Debrief").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
        Assert.Equal(0, await App.WithDbAsync(db => db.Offers.CountAsync()));

        // Once the hiring manager recorded the offer decision (here with a reason), the card may sit in Offer.
        await App.SendAsync(Offer(applicationId, "Exceptional take-home; the panel agreed to skip the last round."), team.Manager);
        Assert.Equal(offerStage, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
    }
}
