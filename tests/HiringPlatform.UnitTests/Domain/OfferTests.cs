using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.UnitTests.Domain;

public sealed class OfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly SalaryBand Band = new() { Min = 150_000, Max = 220_000, Currency = "USD" };

    private static JobApplication NewApplication() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), CandidateSource.CareersSite, null, Now);

    private static Offer NewOffer(JobApplication application, decimal salary = 180_000, string currency = "USD") =>
        new(application.Id, salary, currency, new DateOnly(2027, 1, 4), "Remote", Guid.NewGuid());

    [Theory]
    [InlineData(150_000.0, "USD", false)]
    [InlineData(220_000.0, "USD", false)]
    [InlineData(220_000.0, "usd", false)]
    [InlineData(149_999.99, "USD", true)]
    [InlineData(220_000.01, "USD", true)]
    [InlineData(180_000.0, "EUR", true)]
    public void Should_be_outside_the_band_below_its_minimum_above_its_maximum_or_in_another_currency(double salary, string currency, bool outside)
    {
        var offer = NewOffer(NewApplication(), (decimal)salary, currency);
        Assert.Equal(outside, offer.IsOutside(Band));
        offer.CheckBand(Band);
        Assert.Equal(outside, offer.OutsideBand);
    }

    [Fact]
    public void Should_treat_a_missing_end_of_the_band_as_open()
    {
        var offer = NewOffer(NewApplication(), 1_000_000);
        Assert.False(offer.IsOutside(new SalaryBand { Min = 150_000 }));
        Assert.False(NewOffer(NewApplication(), 1).IsOutside(new SalaryBand { Max = 220_000 }));
        Assert.True(offer.IsOutside(new SalaryBand { Max = 220_000 }));
    }

    [Fact]
    public void Should_change_only_a_draft_and_drop_an_exception_granted_for_the_old_terms()
    {
        var application = NewApplication();
        var offer = NewOffer(application, 240_000);
        offer.CheckBand(Band);
        offer.ApproveException(Guid.NewGuid(), "Competing offer");

        offer.Update(230_000, "EUR", new DateOnly(2027, 2, 1), "Hybrid");

        Assert.Equal((230_000m, "EUR", new DateOnly(2027, 2, 1), "Hybrid"), (offer.Salary, offer.Currency, offer.StartDate, offer.Notes));
        Assert.Null(offer.ExceptionApprovedBy);
        Assert.Null(offer.ExceptionReason);

        offer.CheckBand(Band);
        offer.ApproveException(Guid.NewGuid(), "Competing offer");
        offer.Approve(application, Band with { Currency = "EUR", Max = 240_000 }, Guid.NewGuid(), Now);
        Assert.Equal("Only a draft offer can be changed.",
            Assert.Throws<DomainException>(() => offer.Update(1, "USD", new DateOnly(2027, 2, 1), null)).Message);
        Assert.Equal(230_000m, offer.Salary);
    }

    [Fact]
    public void Should_grant_a_band_exception_only_outside_the_band_and_with_a_reason()
    {
        var inside = NewOffer(NewApplication());
        inside.CheckBand(Band);
        Assert.Equal("This offer is inside the salary band; no exception is needed.",
            Assert.Throws<DomainException>(() => inside.ApproveException(Guid.NewGuid(), "Because")).Message);

        var outside = NewOffer(NewApplication(), 240_000);
        outside.CheckBand(Band);
        Assert.Equal("Give the reason for the exception.",
            Assert.Throws<DomainException>(() => outside.ApproveException(Guid.NewGuid(), "  ")).Message);
        Assert.Null(outside.ExceptionApprovedBy);

        var admin = Guid.NewGuid();
        outside.ApproveException(admin, "  Competing offer  ");
        Assert.Equal(admin, outside.ExceptionApprovedBy);
        Assert.Equal("Competing offer", outside.ExceptionReason);
    }

    [Fact]
    public void Should_record_each_step_from_draft_to_accepted()
    {
        var application = NewApplication();
        var offer = NewOffer(application);
        var manager = Guid.NewGuid();
        Assert.True(offer.IsOpen);

        offer.Approve(application, Band, manager, Now);
        Assert.Equal((OfferStatus.Approved, manager, Now), (offer.Status, offer.ApprovedBy!.Value, offer.ApprovedAt!.Value));
        Assert.True(offer.IsOpen);
        Assert.Equal("Only a draft offer can be approved.",
            Assert.Throws<DomainException>(() => offer.Approve(application, Band, manager, Now)).Message);
        Assert.Equal("Only a sent offer can be accepted.", Assert.Throws<DomainException>(() => offer.Accept(Now)).Message);

        offer.MarkSent(application, Now.AddHours(1));
        Assert.Equal((OfferStatus.Sent, Now.AddHours(1)), (offer.Status, offer.SentAt!.Value));
        Assert.True(offer.IsOpen);
        Assert.Equal("Only an approved offer can be sent.",
            Assert.Throws<DomainException>(() => offer.MarkSent(application, Now)).Message);

        offer.Accept(Now.AddDays(1));
        Assert.Equal((OfferStatus.Accepted, Now.AddDays(1)), (offer.Status, offer.RespondedAt!.Value));
        Assert.False(offer.IsOpen);
        Assert.Equal("This offer is accepted, so it cannot be withdrawn.", Assert.Throws<DomainException>(() => offer.Withdraw(Now)).Message);
    }

    [Fact]
    public void Should_let_the_candidate_decline_only_a_sent_offer()
    {
        var application = NewApplication();
        var offer = NewOffer(application);
        Assert.Equal("Only a sent offer can be declined.", Assert.Throws<DomainException>(() => offer.Decline(Now)).Message);
        offer.Approve(application, Band, Guid.NewGuid(), Now);
        offer.MarkSent(application, Now);
        offer.Decline(Now.AddDays(2));
        Assert.Equal((OfferStatus.Declined, Now.AddDays(2)), (offer.Status, offer.RespondedAt!.Value));
        Assert.False(offer.IsOpen);
        Assert.Throws<DomainException>(() => offer.Withdraw(Now));
    }

    [Fact]
    public void Should_withdraw_an_open_offer_from_any_of_its_open_steps_once()
    {
        var application = NewApplication();
        var draft = NewOffer(application);
        draft.Withdraw(Now);
        Assert.Equal((OfferStatus.Withdrawn, Now), (draft.Status, draft.RespondedAt!.Value));
        Assert.False(draft.IsOpen);
        Assert.Equal("This offer is withdrawn, so it cannot be withdrawn.", Assert.Throws<DomainException>(() => draft.Withdraw(Now)).Message);

        var sent = NewOffer(application);
        sent.Approve(application, Band, Guid.NewGuid(), Now);
        sent.MarkSent(application, Now);
        sent.Withdraw(Now.AddHours(2));
        Assert.Equal(OfferStatus.Withdrawn, sent.Status);
    }

    [Fact]
    public void Should_refuse_an_application_the_offer_does_not_belong_to()
    {
        var offer = NewOffer(NewApplication());
        Assert.Throws<InvalidOperationException>(() => offer.Approve(NewApplication(), Band, Guid.NewGuid(), Now));
        Assert.Equal(OfferStatus.Draft, offer.Status);
    }

    [Fact]
    public void Should_say_why_an_offer_of_a_closed_application_cannot_be_approved()
    {
        var application = NewApplication();
        var offer = NewOffer(application);
        application.Withdraw(Now, WithdrawnBy.Candidate);
        Assert.Equal("The application is withdrawn, so this offer cannot be approved.",
            Assert.Throws<DomainException>(() => offer.Approve(application, Band, Guid.NewGuid(), Now)).Message);
        Assert.Null(offer.ApprovedBy);
    }
}
