using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.JobPostings;
using HiringPlatform.Application.Domain.Users;
using HiringPlatform.Application.Features.Decisions;
using HiringPlatform.IntegrationTests.Interviews;
using HiringPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace HiringPlatform.IntegrationTests.Decisions;

public sealed class OfferTests(IntegrationFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(Team Team, Guid CandidateId, Guid ApplicationId, Guid OfferId)> OfferAsync(Team? existing = null, string name = "Owen Offer")
    {
        var team = existing ?? await App.CreateTeamAsync();
        var (candidateId, applicationId) = await App.CreateApplicantAsync(team.Posting, name, "Debrief");
        await App.SendAsync(new RecordDecision.Command { ApplicationId = applicationId, Kind = DecisionKind.Offer, Rationale = "Hire.", CoverageOverrideReason = "No scorecards in this test: the offer goes ahead on the hiring manager's word." }, team.Manager);
        var offerId = await App.WithDbAsync(db => db.Offers.Where(o => o.ApplicationId == applicationId).Select(o => o.Id).SingleAsync());
        return (team, candidateId, applicationId, offerId);
    }

    private DateOnly InAMonth => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(30);

    [Fact]
    public async Task Should_need_an_admins_exception_with_a_reason_before_approving_an_offer_outside_the_band()
    {
        var (team, _, applicationId, offerId) = await OfferAsync();
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 240_000m, Currency = "usd", StartDate = InAMonth, Notes = "Sign-on bonus 10k" }, team.Recruiter);
        var offer = await App.FindAsync<Offer>(offerId);
        Assert.True(offer!.OutsideBand);
        Assert.Equal("USD", offer.Currency);

        var refused = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager));
        Assert.Contains("outside the posting's band", refused.Message);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            App.SendAsync(new ApproveOfferException.Command { OfferId = offerId, ExceptionReason = "Competing offer" }, team.Manager));

        var admin = await App.CreateUserAsync("Ada Admin", Roles.Admin);
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ApproveOfferException.Command { OfferId = offerId }, admin));
        Assert.Contains("ExceptionReason", noReason.Errors.Keys);
        await App.SendAsync(new ApproveOfferException.Command { OfferId = offerId, ExceptionReason = "Competing offer from a larger company; rare database depth." }, admin);

        // Changing the terms afterwards needs a fresh exception.
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 245_000m, Currency = "USD", StartDate = InAMonth }, team.Recruiter);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager));
        await App.SendAsync(new ApproveOfferException.Command { OfferId = offerId, ExceptionReason = "Same reason, new figure." }, admin);

        await App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager);
        offer = await App.FindAsync<Offer>(offerId);
        Assert.Equal(OfferStatus.Approved, offer!.Status);
        Assert.Equal(admin.Id, offer.ExceptionApprovedBy);
        Assert.Equal(team.Manager.Id, offer.ApprovedBy);
    }

    [Fact]
    public async Task Should_approve_inside_the_band_without_an_exception_but_only_by_the_hiring_manager()
    {
        var (team, _, applicationId, offerId) = await OfferAsync();
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 200_000m, Currency = "USD", StartDate = InAMonth }, team.Recruiter);
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Recruiter));
        await App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager);
        Assert.Equal(OfferStatus.Approved, (await App.FindAsync<Offer>(offerId))!.Status);
        // Approved terms are frozen.
        await Assert.ThrowsAsync<DomainException>(() =>
            App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 210_000m, Currency = "USD", StartDate = InAMonth }, team.Recruiter));
    }

    [Fact]
    public async Task Should_tell_the_second_of_two_people_editing_the_draft_instead_of_overwriting_the_first()
    {
        var (team, _, applicationId, offerId) = await OfferAsync();
        var seen = (await App.FindAsync<Offer>(offerId))!.Version;
        // Both opened the draft; the hiring manager saves first.
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 201_000m, Currency = "USD", StartDate = InAMonth, Version = seen }, team.Manager);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(
            new SaveOffer.Command { ApplicationId = applicationId, Salary = 199_000m, Currency = "USD", StartDate = InAMonth, Version = seen }, team.Recruiter));
        Assert.Equal(201_000m, (await App.FindAsync<Offer>(offerId))!.Salary);
        // A form filled when there was no offer yet (version 0) does not overwrite one drafted since.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(
            new SaveOffer.Command { ApplicationId = applicationId, Salary = 150_000m, Currency = "USD", StartDate = InAMonth, Version = 0 }, team.Recruiter));
        Assert.Equal(201_000m, (await App.FindAsync<Offer>(offerId))!.Salary);
    }

    [Fact]
    public async Task Should_email_the_candidate_the_offers_terms_when_sent()
    {
        var (team, candidateId, applicationId, offerId) = await OfferAsync();
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 192_500m, Currency = "USD", StartDate = new DateOnly(2031, 3, 2), Notes = "Includes a $5,000 home-office budget." }, team.Recruiter);
        await App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager);
        await App.SendAsync(new SendOffer.Command { OfferId = offerId }, team.Recruiter);

        var email = await App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().SingleAsync(e => e.CandidateId == candidateId));
        var candidate = await App.FindAsync<Candidate>(candidateId);
        Assert.Equal(candidate!.Email, email.To);
        Assert.Equal("Your offer: Senior Backend Engineer", email.Subject);
        Assert.Contains("USD 192,500", email.TextBody);
        Assert.Contains("2 March 2031", email.TextBody);
        Assert.Contains("home-office budget", email.TextBody);
        Assert.Equal(OfferStatus.Sent, (await App.FindAsync<Offer>(offerId))!.Status);
    }

    [Fact]
    public async Task Should_hire_fill_the_posting_and_close_it_at_headcount_leaving_other_applications_open()
    {
        var (team, candidateId, applicationId, offerId) = await OfferAsync();
        var (_, otherApplication) = await App.CreateApplicantAsync(team.Posting, "Still Waiting", InterviewTestData.SystemDesign);
        await App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager);
        await App.SendAsync(new SendOffer.Command { OfferId = offerId }, team.Recruiter);
        await App.SendAsync(new RecordOfferResponse.Command { OfferId = offerId, Accepted = true }, team.Recruiter);

        Assert.Equal(OfferStatus.Accepted, (await App.FindAsync<Offer>(offerId))!.Status);
        Assert.Equal(ApplicationStatus.Hired, (await App.FindAsync<JobApplication>(applicationId))!.Status);
        Assert.NotNull((await App.FindAsync<Candidate>(candidateId))!.LastApplicationClosedAt);
        var posting = await App.FindAsync<JobPosting>(team.Posting.Id);
        Assert.Equal(1, posting!.FilledCount);
        Assert.Equal(PostingStatus.Closed, posting.Status);
        Assert.Equal(ClosedReason.Filled, posting.ClosedReason);
        Assert.Equal(ApplicationStatus.Active, (await App.FindAsync<JobApplication>(otherApplication))!.Status);
        var page = await App.SendAsync(new GetOffer.Query { ApplicationId = applicationId }, team.Recruiter);
        Assert.Equal(PostingStatus.Closed, page.PostingStatus);
        Assert.False(page.CanRecordResponse);
    }

    [Fact]
    public async Task Should_keep_the_posting_open_until_the_headcount_is_reached()
    {
        var team = await App.CreateTeamAsync(headcount: 2);
        var (_, _, first, firstOffer) = await OfferAsync(team, "First Hire");
        await App.SendAsync(new ApproveOffer.Command { OfferId = firstOffer }, team.Manager);
        await App.SendAsync(new SendOffer.Command { OfferId = firstOffer }, team.Recruiter);
        await App.SendAsync(new RecordOfferResponse.Command { OfferId = firstOffer, Accepted = true }, team.Recruiter);
        var posting = await App.FindAsync<JobPosting>(team.Posting.Id);
        Assert.Equal(1, posting!.FilledCount);
        Assert.Equal(PostingStatus.Open, posting.Status);

        var (_, _, second, secondOffer) = await OfferAsync(team, "Second Hire");
        await App.SendAsync(new ApproveOffer.Command { OfferId = secondOffer }, team.Manager);
        await App.SendAsync(new SendOffer.Command { OfferId = secondOffer }, team.Recruiter);
        await App.SendAsync(new RecordOfferResponse.Command { OfferId = secondOffer, Accepted = true }, team.Recruiter);
        posting = await App.FindAsync<JobPosting>(team.Posting.Id);
        Assert.Equal(2, posting!.FilledCount);
        Assert.Equal(PostingStatus.Closed, posting.Status);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Should_record_a_decline_and_allow_a_new_draft()
    {
        var (team, _, applicationId, offerId) = await OfferAsync();
        await App.SendAsync(new ApproveOffer.Command { OfferId = offerId }, team.Manager);
        await App.SendAsync(new SendOffer.Command { OfferId = offerId }, team.Recruiter);
        await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new SendOffer.Command { OfferId = offerId }, team.Recruiter));
        await App.SendAsync(new RecordOfferResponse.Command { OfferId = offerId, Accepted = false }, team.Recruiter);
        Assert.Equal(OfferStatus.Declined, (await App.FindAsync<Offer>(offerId))!.Status);
        Assert.Equal(ApplicationStatus.Active, (await App.FindAsync<JobApplication>(applicationId))!.Status);

        var page = await App.SendAsync(new GetOffer.Query { ApplicationId = applicationId }, team.Recruiter);
        Assert.Null(page.Current);
        Assert.True(page.CanEdit);
        Assert.Single(page.Earlier);
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 210_000m, Currency = "USD", StartDate = InAMonth }, team.Recruiter);
        Assert.Equal(2, await App.WithDbAsync(db => db.Offers.CountAsync(o => o.ApplicationId == applicationId)));
    }

    [Fact]
    public async Task Should_refuse_an_action_on_an_offer_version_the_user_has_not_seen()
    {
        var (team, _, applicationId, offerId) = await OfferAsync();
        var seen = (await App.SendAsync(new GetOffer.Query { ApplicationId = applicationId }, team.Manager)).Current!.Version;
        await App.SendAsync(new SaveOffer.Command { ApplicationId = applicationId, Salary = 199_000m, Currency = "USD", StartDate = InAMonth }, team.Recruiter);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => App.SendAsync(new ApproveOffer.Command { OfferId = offerId, Version = seen }, team.Manager));
    }
}
