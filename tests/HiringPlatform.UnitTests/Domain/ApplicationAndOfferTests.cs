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
    public void Should_not_reopen_a_withdrawn_application()
    {
        var application = NewApplication();
        application.Withdraw(Now);
        Assert.Throws<DomainException>(() => application.Reopen(Now));
    }

    [Fact]
    public void Should_need_an_admin_exception_before_approving_an_offer_outside_the_band()
    {
        var band = new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" };
        var offer = new Offer(Guid.NewGuid(), 240_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        offer.CheckBand(band);
        Assert.True(offer.OutsideBand);
        Assert.Throws<DomainException>(() => offer.Approve(Guid.NewGuid(), Now));
        offer.ApproveException(Guid.NewGuid(), "Competing offer from a larger company");
        offer.Approve(Guid.NewGuid(), Now);
        Assert.Equal(OfferStatus.Approved, offer.Status);
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
        var offer = new Offer(Guid.NewGuid(), 180_000, "USD", new DateOnly(2027, 1, 4), null, Guid.NewGuid());
        offer.CheckBand(new SalaryBand { Min = 150_000, Max = 220_000, Currency = "USD" });
        Assert.Throws<DomainException>(() => offer.MarkSent(Now));
        offer.Approve(Guid.NewGuid(), Now);
        offer.MarkSent(Now);
        offer.Accept(Now);
        Assert.Equal(OfferStatus.Accepted, offer.Status);
        Assert.Throws<DomainException>(() => offer.Decline(Now));
    }
}
