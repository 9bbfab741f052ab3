using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.UnitTests.Domain;

public sealed class ApplicationAndOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static JobApplication NewApplication() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CandidateSource.CareersSite, null, Now);

    [Fact]
    public void Should_require_the_missing_competency_for_a_skills_gap_rejection()
    {
        var application = NewApplication();
        Assert.Throws<DomainException>(() => application.Reject(RejectionReason.SkillsGap, null, null, Now));
        var competency = Guid.NewGuid();
        application.Reject(RejectionReason.SkillsGap, competency, null, Now);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal(competency, application.RejectionCompetencyId);
    }

    [Fact]
    public void Should_not_move_a_closed_application_and_should_reopen_a_rejected_one()
    {
        var application = NewApplication();
        application.Reject(RejectionReason.ExperienceLevel, null, null, Now);
        var error = Assert.Throws<DomainException>(() => application.MoveTo(Guid.NewGuid(), Now));
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        application.Reopen(Now.AddDays(1));
        Assert.True(application.IsActive);
        Assert.Null(application.RejectionReason);
        Assert.Null(application.ClosedAt);
    }

    [Fact]
    public void Should_carry_on_the_days_in_stage_after_a_reopen_without_the_time_spent_rejected()
    {
        var application = NewApplication();
        application.Reject(RejectionReason.ExperienceLevel, null, null, Now.AddDays(10));

        application.Reopen(Now.AddDays(40));

        // Ten days in the stage before the rejection; the thirty rejected days do not count.
        Assert.Equal(Now.AddDays(30), application.StageEnteredAt);
    }

    [Fact]
    public void Should_not_reopen_a_withdrawn_application()
    {
        var application = NewApplication();
        application.Withdraw(Now, WithdrawnBy.HiringTeam);
        Assert.Throws<DomainException>(() => application.Reopen(Now));
    }

    [Fact]
    public void Should_need_an_admin_exception_before_approving_an_offer_outside_the_band()
    {
        var band = new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" };
        var application = NewApplication();
        var offer = new Offer(application.Id, 240_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        offer.CheckBand(band);
        Assert.True(offer.OutsideBand);
        Assert.Throws<DomainException>(() => offer.Approve(application, band, Guid.NewGuid(), Now));
        offer.ApproveException(Guid.NewGuid(), "Competing offer from a larger company");
        offer.Approve(application, band, Guid.NewGuid(), Now);
        Assert.Equal(OfferStatus.Approved, offer.Status);
    }

    [Fact]
    public void Should_check_the_band_as_it_is_when_the_offer_is_approved()
    {
        var application = NewApplication();
        var offer = new Offer(application.Id, 200_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        offer.CheckBand(new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" });
        Assert.False(offer.OutsideBand);

        // The posting's band was lowered after the draft.
        var lowered = new SalaryBand { Min = 140_000, Max = 180_000, Currency = "USD" };
        var error = Assert.Throws<DomainException>(() => offer.Approve(application, lowered, Guid.NewGuid(), Now));
        Assert.Contains("outside the posting's band", error.Message, StringComparison.Ordinal);
        Assert.True(offer.OutsideBand);
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void Should_treat_another_currency_as_outside_the_band()
    {
        var offer = new Offer(Guid.NewGuid(), 160_000, "EUR", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        offer.CheckBand(new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" });
        Assert.True(offer.OutsideBand);
    }

    [Fact]
    public void Should_follow_draft_approved_sent_accepted()
    {
        var application = NewApplication();
        var offer = new Offer(application.Id, 180_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        var band = new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" };
        offer.CheckBand(band);
        Assert.Throws<DomainException>(() => offer.MarkSent(application, Now));
        offer.Approve(application, band, Guid.NewGuid(), Now);
        offer.MarkSent(application, Now);
        offer.Accept(Now);
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Throws<DomainException>(() => offer.Decline(Now));
        Assert.Throws<DomainException>(() => offer.Withdraw(Now));
    }

    [Fact]
    public void Should_refuse_to_approve_or_send_an_offer_of_a_closed_application()
    {
        var application = NewApplication();
        var offer = new Offer(application.Id, 180_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        var band = new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" };
        offer.CheckBand(band);
        offer.Approve(application, band, Guid.NewGuid(), Now);
        application.Reject(RejectionReason.ExperienceLevel, null, null, Now);
        var error = Assert.Throws<DomainException>(() => offer.MarkSent(application, Now));
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        offer.Withdraw(Now);
        Assert.Equal(OfferStatus.Withdrawn, offer.Status);
    }

    [Fact]
    public void Should_raise_one_event_per_move_and_close()
    {
        var application = NewApplication();
        var (first, second) = (application.StageId, Guid.NewGuid());
        application.MoveTo(second, Now);
        application.Reject(RejectionReason.ExperienceLevel, null, null, Now.AddHours(1));
        application.Reopen(Now.AddHours(2));
        application.Withdraw(Now.AddHours(3), WithdrawnBy.Candidate);
        Assert.Collection(application.DomainEvents,
            e => Assert.Equal(new ApplicationMoved(application, first, second, Now), e),
            e => Assert.Equal(new ApplicationRejected(application, Now.AddHours(1)), e),
            e => Assert.Equal(new ApplicationWithdrawn(application, WithdrawnBy.Candidate, Now.AddHours(3)), e));
        application.ClearDomainEvents();
        Assert.Empty(application.DomainEvents);
        Assert.Throws<DomainException>(() => application.Withdraw(Now, WithdrawnBy.HiringTeam));
        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void Should_raise_candidate_hired_as_a_close()
    {
        var application = NewApplication();
        application.Hire(Now);
        Assert.IsAssignableFrom<ApplicationClosed>(Assert.IsType<CandidateHired>(Assert.Single(application.DomainEvents)));
    }

    [Fact]
    public void Should_refuse_a_rejection_note_longer_than_its_column()
    {
        var application = NewApplication();
        Assert.Throws<DomainException>(() => application.Reject(RejectionReason.Other, null, new string('x', JobApplication.MaxRejectionNoteLength + 1), Now));
        application.Reject(RejectionReason.Other, null, new string('x', JobApplication.MaxRejectionNoteLength), Now);
        Assert.Equal(JobApplication.MaxRejectionNoteLength, application.RejectionNote!.Length);
    }

    [Fact]
    public void Should_refuse_an_offer_decision_without_two_interviewers_on_every_must_have_unless_a_reason_is_given()
    {
        var (mustHave, other) = (Guid.NewGuid(), Guid.NewGuid());
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        RubricWeight[] rubric = [new(mustHave, 10, true), new(other, 10, false)];
        var thin = ScoreCalculator.Calculate(rubric, [new(mustHave, alice, 4), new(other, bob, 3)]);
        var covered = ScoreCalculator.Calculate(rubric, [new(mustHave, alice, 4), new(mustHave, bob, 3)]);
        Assert.False(thin.ReadyForDebrief);
        Assert.True(covered.ReadyForDebrief);
        Assert.False(ScoreCalculator.Calculate(rubric, []).ReadyForDebrief);

        Assert.Throws<DomainException>(() => Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", thin, " ", Now));
        Assert.Equal("Known from a previous role.", Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", thin, " Known from a previous role. ", Now).CoverageOverrideReason);
        Assert.Null(Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", covered, "ignored", Now).CoverageOverrideReason);
    }
}
