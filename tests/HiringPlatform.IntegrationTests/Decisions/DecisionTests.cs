using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Operations;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.IntegrationTests.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Decisions;

public sealed class DecisionTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Should_advance_to_the_next_stage_with_the_rationale_on_the_timeline_and_in_the_audit_log()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Ada Advance", InterviewTestData.SystemDesign);

        var page = await App.SendAsync(new RecordDecision.Query { ApplicationId = applicationId }, team.Manager);
        Assert.Equal("Coding exercise", page.NextStageName);
        Assert.True(page.CanDecide);
        await App.SendAsync(page.Form with { Kind = DecisionKind.Advance, Rationale = "Clear, well-argued design; strong on data." }, team.Manager);

        var application = await App.FindAsync<JobApplication>(applicationId);
        Assert.Equal(team.Posting.Stage("Coding exercise").Id, application!.StageId);
        var decision = await App.WithDbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == applicationId));
        Assert.Equal(DecisionKind.Advance, decision.Kind);
        Assert.Equal(team.Manager.Id, decision.DecidedBy);
        var kinds = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).Select(e => e.Kind).ToListAsync());
        Assert.Contains(ActivityKind.DecisionRecorded, kinds);
        Assert.Contains(ActivityKind.Moved, kinds);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Command == "RecordDecision.Command" && a.EntityType == nameof(Decision))));
        Assert.Single((await App.SendAsync(new RecordDecision.Query { ApplicationId = applicationId }, team.Recruiter)).History);
    }

    [Fact]
    public async Task Should_reject_with_a_structured_reason_and_start_the_retention_clock()
    {
        var team = await App.CreateTeamAsync();
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Rita Reject", InterviewTestData.SystemDesign);
        var keys = await App.CompetencyIdsAsync();
        var command = new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Reject, Rationale = "Could not reason about failure modes." };

        var missing = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, team.Manager));
        Assert.Contains("RejectionReason", missing.Errors.Keys);
        var noCompetency = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { RejectionReason = RejectionReason.SkillsGap }, team.Manager));
        Assert.Contains("RejectionCompetencyId", noCompetency.Errors.Keys);
        var noRationale = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command with { RejectionReason = RejectionReason.Compensation, Rationale = "" }, team.Manager));
        Assert.Contains("Rationale", noRationale.Errors.Keys);

        await App.SendAsync(command with { RejectionReason = RejectionReason.SkillsGap, RejectionCompetencyId = keys["system-design"] }, team.Manager);

        var application = await App.FindAsync<JobApplication>(applicationId);
        Assert.Equal(ApplicationStatus.Rejected, application!.Status);
        Assert.Equal(RejectionReason.SkillsGap, application.RejectionReason);
        Assert.Equal(keys["system-design"], application.RejectionCompetencyId);
        Assert.NotNull((await App.FindAsync<Candidate>(candidateId))!.LastApplicationClosedAt);
        var decision = await App.WithDbAsync(db => db.Decisions.AsNoTracking().SingleAsync(d => d.ApplicationId == applicationId));
        Assert.Equal(RejectionReason.SkillsGap, decision.RejectionReason);
    }

    [Fact]
    public async Task Should_move_to_the_offer_stage_and_open_a_draft_offer_inside_the_band()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Olive Offer", "Debrief");
        await App.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Strong across the board.", CoverageOverrideReason = "No scorecards in this test." }, team.Manager);

        Assert.Equal(team.Posting.Stage("Offer").Id, (await App.FindAsync<JobApplication>(applicationId))!.StageId);
        var offer = await App.WithDbAsync(db => db.Offers.AsNoTracking().SingleAsync(o => o.ApplicationId == applicationId));
        Assert.Equal(OfferStatus.Draft, offer.Status);
        Assert.Equal(185_000m, offer.Salary);
        Assert.Equal("USD", offer.Currency);
        Assert.False(offer.OutsideBand);

        // Deciding "offer" again keeps the one draft.
        await App.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Confirmed at the second debrief.", CoverageOverrideReason = "No scorecards in this test." }, team.Manager);
        Assert.Equal(1, await App.WithDbAsync(db => db.Offers.CountAsync(o => o.ApplicationId == applicationId)));
        // "Advance" never goes into the Offer stage.
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new RecordDecision.Command
        {
            ApplicationId = applicationId, Kind = DecisionKind.Advance, Rationale = "-",
        }, team.Manager));
    }

    [Fact]
    public async Task Should_let_only_the_postings_hiring_manager_decide()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Guarded Gil", "Debrief");
        var command = new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Yes." };
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(command, team.Recruiter));
        var otherManager = await App.CreateUserAsync("Other Manager", HiringPlatform.Application.Domain.Users.Roles.HiringManager);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(command, otherManager));
        Assert.Equal(0, await App.WithDbAsync(db => db.Decisions.CountAsync()));
    }
}
