using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

public sealed class RejectApplicationTests(IntegrationFixture fixture) : PipelineTestBase(fixture)
{
    private Task<Guid> RubricCompetency() => App.QueryAsync(db => db.RubricItems.Where(r => r.PostingId == Posting.Id).Select(r => r.CompetencyId).FirstAsync());

    [Theory]
    [InlineData(RejectionReason.ExperienceLevel, null)]
    [InlineData(RejectionReason.Compensation, "Asked for 40% above the band.")]
    [InlineData(RejectionReason.LocationOrTimeZone, null)]
    [InlineData(RejectionReason.PositionFilled, null)]
    [InlineData(RejectionReason.CandidateWithdrew, null)]
    [InlineData(RejectionReason.Other, "Accepted another offer before the screen.")]
    public async Task Should_reject_with_each_structured_reason(RejectionReason reason, string? note)
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace", "Recruiter screen");
        await App.SendAsync(new RejectApplication.Command { ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = reason, Note = note }, Recruiter);

        var application = (await App.FindAsync<JobApplication>(applicationId))!;
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal(reason, application.RejectionReason);
        Assert.Equal(note, application.RejectionNote);
        Assert.Null(application.RejectionCompetencyId);
        Assert.NotNull((await App.FindAsync<Candidate>(candidateId))!.LastApplicationClosedAt);
        Assert.True(await App.QueryAsync(db => db.ActivityEvents.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Rejected)));
        Assert.False(await App.QueryAsync(db => db.OutboxEmails.AnyAsync()));
    }

    [Fact]
    public async Task Should_require_a_rubric_competency_for_a_skills_gap()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var version = await VersionOf(applicationId);
        var missing = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = version, Reason = RejectionReason.SkillsGap,
        }, Recruiter));
        Assert.Equal("Name the competency that is missing.", missing.Errors[nameof(RejectApplication.Command.CompetencyId)].Single());

        var notInRubric = await App.QueryAsync(db => db.Competencies.Where(c => !db.RubricItems.Any(r => r.PostingId == Posting.Id && r.CompetencyId == c.Id))
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync());
        if (notInRubric is not null)
        {
            var wrong = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RejectApplication.Command
            {
                ApplicationId = applicationId, Version = version, Reason = RejectionReason.SkillsGap, CompetencyId = notInRubric,
            }, Recruiter));
            Assert.Contains(nameof(RejectApplication.Command.CompetencyId), wrong.Errors.Keys);
        }

        var competency = await RubricCompetency();
        await App.SendAsync(new RejectApplication.Command { ApplicationId = applicationId, Version = version, Reason = RejectionReason.SkillsGap, CompetencyId = competency }, Recruiter);
        var application = (await App.FindAsync<JobApplication>(applicationId))!;
        Assert.Equal(competency, application.RejectionCompetencyId);
        var summary = await App.QueryAsync(db => db.ActivityEvents.Where(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Rejected).Select(e => e.Summary).SingleAsync());
        Assert.StartsWith("Rejected: Skills gap (", summary);
    }

    [Fact]
    public async Task Should_require_a_note_for_other()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var version = await VersionOf(applicationId);
        var error = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = version, Reason = RejectionReason.Other, Note = "  ",
        }, Recruiter));
        Assert.Contains(nameof(RejectApplication.Command.Note), error.Errors.Keys);
        var reason = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = version,
        }, Recruiter));
        Assert.Contains(nameof(RejectApplication.Command.Reason), reason.Errors.Keys);
    }

    [Fact]
    public async Task Should_queue_the_rejection_email_from_the_template()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        await App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = RejectionReason.ExperienceLevel,
            SendEmail = true, EmailTemplate = "after-review",
        }, Recruiter);
        var email = await App.QueryAsync(db => db.OutboxEmails.SingleAsync());
        var candidate = (await App.FindAsync<Candidate>(candidateId))!;
        Assert.Equal(candidate.Email, email.To);
        Assert.Equal(candidateId, email.CandidateId);
        Assert.Contains("Hi Ada,", email.TextBody);
        Assert.Contains("Senior Backend Engineer", email.Subject);
        Assert.True(await App.QueryAsync(db => db.ActivityEvents.AnyAsync(e => e.CandidateId == candidateId && e.Kind == ActivityKind.EmailQueued)));
    }

    [Fact]
    public async Task Should_reject_several_at_once_with_one_reason()
    {
        var (_, a) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        var (_, b) = await App.CreateApplicantAsync(Posting, "Alan Turing");
        var result = await App.SendAsync(new BulkRejectApplications.Command
        {
            PostingId = Posting.Id, Selected = [$"{a}:{await VersionOf(a)}", $"{b}:{await VersionOf(b)}"], Reason = RejectionReason.PositionFilled,
            SendEmail = true, EmailTemplate = "position-filled",
        }, Recruiter);
        Assert.Equal(2, result.Rejected);
        Assert.Empty(result.Skipped);
        Assert.Equal(2, await App.QueryAsync(db => db.Applications.CountAsync(x => x.Status == ApplicationStatus.Rejected && x.RejectionReason == RejectionReason.PositionFilled)));
        Assert.Equal(2, await App.QueryAsync(db => db.OutboxEmails.CountAsync()));
    }

    [Fact]
    public async Task Should_reopen_a_rejected_application_in_its_stage_and_refuse_reopening_an_active_one()
    {
        var (_, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace", "System design interview");
        var active = await VersionOf(applicationId);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ReopenApplication.Command { ApplicationId = applicationId, Version = active }, Recruiter));
        await App.SendAsync(new RejectApplication.Command { ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = RejectionReason.ExperienceLevel }, Recruiter);

        var result = await App.SendAsync(new ReopenApplication.Command { ApplicationId = applicationId, Version = await VersionOf(applicationId) }, Manager);

        Assert.Equal("System design interview", result.StageName);
        var application = (await App.FindAsync<JobApplication>(applicationId))!;
        Assert.Equal(ApplicationStatus.Active, application.Status);
        Assert.Null(application.RejectionReason);
        Assert.True(await App.QueryAsync(db => db.ActivityEvents.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Reopened)));
    }

    [Fact]
    public async Task Should_withdraw_on_the_candidates_behalf_and_start_the_retention_clock()
    {
        var (candidateId, applicationId) = await App.CreateApplicantAsync(Posting, "Ada Lovelace");
        await App.SendAsync(new WithdrawApplication.Command { ApplicationId = applicationId, Version = await VersionOf(applicationId) }, Recruiter);
        Assert.Equal(ApplicationStatus.Withdrawn, (await App.FindAsync<JobApplication>(applicationId))!.Status);
        Assert.NotNull((await App.FindAsync<Candidate>(candidateId))!.LastApplicationClosedAt);
        Assert.True(await App.QueryAsync(db => db.ActivityEvents.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Withdrawn)));
        var withdrawn = await VersionOf(applicationId);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = withdrawn, Reason = RejectionReason.ExperienceLevel,
        }, Recruiter));
    }
}
