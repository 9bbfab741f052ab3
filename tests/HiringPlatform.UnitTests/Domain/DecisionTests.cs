using HiringPlatform.Application.Domain.Candidates;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Decisions;

namespace HiringPlatform.UnitTests.Domain;

public sealed class DecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid MustHave = Guid.NewGuid();

    private static ScoreResult Thin() =>
        ScoreCalculator.Calculate([new RubricWeight(MustHave, 1, true)], [new SubmittedRating(MustHave, Guid.NewGuid(), 3)]);

    [Fact]
    public void Should_need_a_written_rationale_kept_trimmed()
    {
        Assert.Equal("Write down the rationale for the decision.", Assert.Throws<DomainException>(() =>
            new Decision(Guid.NewGuid(), Guid.NewGuid(), DecisionKind.Reject, "  ", RejectionReason.Other, Now)).Message);
        var (application, manager) = (Guid.NewGuid(), Guid.NewGuid());
        var decision = new Decision(application, manager, DecisionKind.Reject, "  Not senior enough. ", RejectionReason.ExperienceLevel, Now);
        Assert.Equal((application, manager, DecisionKind.Reject, "Not senior enough.", (RejectionReason?)RejectionReason.ExperienceLevel, Now),
            (decision.ApplicationId, decision.DecidedBy, decision.Kind, decision.Rationale, decision.RejectionReason, decision.At));
    }

    [Fact]
    public void Should_make_an_offer_decision_without_the_coverage_only_with_a_reason_of_at_most_2000_characters()
    {
        var thin = Thin();
        Assert.False(thin.ReadyForDebrief);
        Assert.Equal(Decision.CoverageRefusal, Assert.Throws<DomainException>(() =>
            Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", thin, null, Now)).Message);
        Assert.Equal("The reason for going ahead holds at most 2,000 characters.", Assert.Throws<DomainException>(() =>
            Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", thin, new string('x', Decision.MaxOverrideReasonLength + 1), Now)).Message);

        var decision = Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), "Strong.", thin, " " + new string('x', Decision.MaxOverrideReasonLength) + " ", Now);
        Assert.Equal(Decision.MaxOverrideReasonLength, decision.CoverageOverrideReason!.Length);
        Assert.Equal(DecisionKind.Offer, decision.Kind);
        Assert.Null(decision.RejectionReason);
    }

    [Fact]
    public void Should_still_need_a_rationale_for_an_offer_decision()
    {
        Assert.Throws<DomainException>(() => Decision.ForOffer(Guid.NewGuid(), Guid.NewGuid(), " ", Thin(), "reason", Now));
    }
}
