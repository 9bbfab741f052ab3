using System.Text.RegularExpressions;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Candidates;
using HiringPlatform.Application.Features.Careers;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.Application.Features.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Candidates;

// Closing an application (reject, withdraw — by the team or the candidate's own link — or the debrief's reject) and
// what follows from it through the domain events (ADR-0022): interviews ahead are called off with notices, open
// offers are withdrawn, nobody is chased for feedback, and the timeline says it once.
public sealed partial class CloseApplicationTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    [GeneratedRegex("/careers/my-application/([A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    private Task<uint> VersionOf(Guid applicationId) =>
        App.QueryAsync(async db => (await db.Applications.FindAsync(applicationId))!.Version);

    private Task<List<Application.Domain.Operations.OutboxEmail>> EmailsAsync() =>
        App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());

    [Fact]
    public async Task Should_cancel_the_interviews_ahead_and_tell_the_panel_and_the_candidate_when_rejected()
    {
        var team = await App.CreateTeamAsync();
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Rhea Rejected", InterviewTestData.SystemDesign);
        var ahead = await App.CreateInterviewAsync(applicationId, [team.Alice, team.Bob]);
        var past = await App.CreatePastInterviewAsync(applicationId, [team.Alice]);
        Assert.Single((await App.SendAsync(new GetMyInterviews.Query(), team.Bob)).MyUpcoming);

        await App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = RejectionReason.ExperienceLevel,
        }, team.Recruiter);

        Assert.Equal(InterviewStatus.Cancelled, (await App.FindAsync<Interview>(ahead))!.Status);
        Assert.Equal(InterviewStatus.Scheduled, (await App.FindAsync<Interview>(past))!.Status);
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Bob)).MyUpcoming);
        var emails = await EmailsAsync();
        Assert.Equal(3, emails.Count);
        Assert.All(emails, e => Assert.StartsWith("Interview cancelled", e.Subject, StringComparison.Ordinal));
        Assert.Equivalent(new[] { team.Alice.Email, team.Bob.Email, (await App.FindAsync<Candidate>(candidateId))!.Email },
            emails.Select(e => e.To).ToArray());
        var timeline = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().Where(e => e.ApplicationId == applicationId).ToListAsync());
        Assert.Single(timeline, e => e.Kind == ActivityKind.Rejected);
        Assert.Single(timeline, e => e.Kind == ActivityKind.InterviewCancelled);
    }

    [Fact]
    public async Task Should_cancel_the_interviews_ahead_when_the_candidate_withdraws_through_their_link()
    {
        var recruiter = await App.CreateUserAsync("Status Recruiter", Roles.Recruiter);
        var manager = await App.CreateUserAsync("Status Manager", Roles.HiringManager, Roles.Interviewer);
        var posting = await App.CreatePostingAsync(recruiter, manager);
        var result = await App.SendAsync(await App.ApplicationAsync(posting.Id, "Sofia Almeida", "sofia@example.com"), null);
        var token = LinkPattern().Match(await App.WithDbAsync(db => db.OutboxEmails.Select(e => e.TextBody).SingleAsync())).Groups[1].Value;
        var interviewId = await App.CreateInterviewAsync(result.ApplicationId!.Value, [manager]);
        await App.WithDbAsync(db => db.OutboxEmails.ExecuteDeleteAsync());

        await App.SendAsync(new WithdrawMyApplication.Command(token), null);

        var interview = (await App.FindAsync<Interview>(interviewId))!;
        Assert.Equal(InterviewStatus.Cancelled, interview.Status);
        var emails = await EmailsAsync();
        Assert.Contains(emails, e => e.To == manager.Email && e.Subject.StartsWith("Interview cancelled", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.To == "sofia@example.com" && e.Subject.StartsWith("Interview cancelled", StringComparison.Ordinal));
        Assert.Contains(emails, e => e.To == "sofia@example.com" && e.Subject.StartsWith("You withdrew", StringComparison.Ordinal));
        var withdrawn = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().SingleAsync(e => e.ApplicationId == result.ApplicationId && e.Kind == ActivityKind.Withdrawn));
        Assert.Null(withdrawn.ActorId);
        Assert.NotNull((await App.FindAsync<Candidate>((await App.FindAsync<JobApplication>(result.ApplicationId!.Value))!.CandidateId))!.LastApplicationClosedAt);
    }

    [Fact]
    public async Task Should_not_remind_or_list_feedback_as_overdue_for_a_closed_application()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Wes Withdrawn", InterviewTestData.SystemDesign);
        await App.CreatePastInterviewAsync(applicationId, [team.Bob]);
        await App.SendAsync(new WithdrawApplication.Command { ApplicationId = applicationId, Version = await VersionOf(applicationId) }, team.Recruiter);

        App.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Bob)).MyFeedbackDue);
        Assert.Empty((await App.SendAsync(new GetMyInterviews.Query(), team.Recruiter)).TeamOverdue);
        Assert.Equal(0, await App.SendAsync(new SendFeedbackReminders.Command(), null));
        Assert.DoesNotContain(await EmailsAsync(), e => e.Subject.StartsWith("Feedback overdue", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_withdraw_the_open_offer_when_rejected_so_it_cannot_be_approved_or_sent()
    {
        var team = await App.CreateTeamAsync();
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Owen Offer", "Debrief");
        await App.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Hire.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, team.Manager);
        var offerId = await App.WithDbAsync(db => db.Offers.Where(o => o.ApplicationId == applicationId).Select(o => o.Id).SingleAsync());

        await App.SendAsync(new RejectApplication.Command
        {
            ApplicationId = applicationId, Version = await VersionOf(applicationId), Reason = RejectionReason.Compensation, Note = "Asked far above the band.",
        }, team.Recruiter);

        Assert.Equal(OfferStatus.Withdrawn, (await App.FindAsync<Offer>(offerId))!.Status);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager));
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new SendOffer.Command { OfferId = offerId }, team.Recruiter));
        Assert.DoesNotContain(await EmailsAsync(), e => e.CandidateId == candidateId && e.Subject.StartsWith("Your offer", StringComparison.Ordinal));
        Assert.True(await App.WithDbAsync(db => db.ActivityEvents.AnyAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.OfferWithdrawn)));
    }

    [Fact]
    public async Task Should_refuse_to_approve_or_send_an_offer_left_open_on_a_closed_application()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Olga Older", "Debrief");
        await App.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Hire.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, team.Manager);
        var offerId = await App.WithDbAsync(db => db.Offers.Where(o => o.ApplicationId == applicationId).Select(o => o.Id).SingleAsync());
        // Data from before closing withdrew offers: a rejected application with its draft still open.
        await App.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApplicationStatus.Rejected)));

        var error = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager));
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.Equal(OfferStatus.Draft, (await App.FindAsync<Offer>(offerId))!.Status);
    }

    [Fact]
    public async Task Should_carry_a_debrief_rejection_to_the_same_consequences_as_the_boards()
    {
        var team = await App.CreateTeamAsync();
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, "Dora Debrief", InterviewTestData.SystemDesign);
        var ahead = await App.CreateInterviewAsync(applicationId, [team.Alice]);

        await App.SendAsync(new RecordDecision.Command
        {
            ApplicationId = applicationId, Kind = DecisionKind.Reject, RejectionReason = RejectionReason.ExperienceLevel, Rationale = "Not yet senior.",
        }, team.Manager);

        Assert.Equal(InterviewStatus.Cancelled, (await App.FindAsync<Interview>(ahead))!.Status);
        Assert.NotNull((await App.FindAsync<Candidate>(candidateId))!.LastApplicationClosedAt);
        var rejected = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().SingleAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Rejected));
        Assert.StartsWith("Rejected: Experience level", rejected.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_debrief_rejection_whose_rationale_does_not_fit_the_rejection_note_with_a_message()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Len Long", "Debrief");
        var command = new RecordDecision.Command
        {
            ApplicationId = applicationId, Kind = DecisionKind.Reject, RejectionReason = RejectionReason.Other,
            Rationale = new string('r', JobApplication.MaxRejectionNoteLength + 1),
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, team.Manager));
        Assert.Contains(nameof(RecordDecision.Command.Rationale), error.Errors.Keys);

        await App.SendAsync(command with { Rationale = new string('r', JobApplication.MaxRejectionNoteLength) }, team.Manager);
        Assert.Equal(ApplicationStatus.Rejected, (await App.FindAsync<JobApplication>(applicationId))!.Status);
    }

    [Fact]
    public async Task Should_write_one_timeline_row_per_move()
    {
        var team = await App.CreateTeamAsync();
        var (_, applicationId) = await App.CreateApplicantAsync(team.Posting, "Mo Mover");
        var to = team.Posting.Stage(InterviewTestData.SystemDesign).Id;
        await App.SendAsync(new MoveApplication.Command { ApplicationId = applicationId, ToStageId = to, Version = await VersionOf(applicationId) }, team.Recruiter);

        var moved = await App.WithDbAsync(db => db.ActivityEvents.AsNoTracking().SingleAsync(e => e.ApplicationId == applicationId && e.Kind == ActivityKind.Moved));
        Assert.Equal($"Moved from {team.Posting.First.Name} to {InterviewTestData.SystemDesign} · Senior Backend Engineer", moved.Summary);
        Assert.Equal(team.Recruiter.Id, moved.ActorId);
    }
}
