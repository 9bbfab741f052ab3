using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.UnitTests.Domain;

public sealed class ScorecardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Design = Guid.NewGuid();
    private static readonly Guid DesignV1 = Guid.NewGuid();
    private static readonly Guid Security = Guid.NewGuid();
    private static readonly Guid SecurityV1 = Guid.NewGuid();
    private static readonly Guid Flag1 = Guid.NewGuid();
    private static readonly Guid Flag2 = Guid.NewGuid();

    private static ScorecardRatingInput DesignRating(int? rating, string? evidence = "Drew a sound design") =>
        new(Design, DesignV1, "System design", rating, evidence);

    private static ScorecardRatingInput SecurityRating(int? rating, string? evidence = "Raised authorization unprompted") =>
        new(Security, SecurityV1, "Security", rating, evidence);

    private static Scorecard Submitted()
    {
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        card.SaveDraft([DesignRating(3), SecurityRating(2)], [Flag1], Recommendation.Yes, JobLevel.Senior, "Seemed tired");
        card.Submit(Now);
        return card;
    }

    [Fact]
    public void Should_save_a_draft_with_trimmed_evidence_and_note_and_update_it_in_place()
    {
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        card.SaveDraft([DesignRating(2, "  First pass  ")], [Flag1, Flag1, Flag2], null, null, "  private  ");

        var rating = Assert.Single(card.Ratings);
        Assert.Equal((card.Id, Design, DesignV1, "System design", (int?)2, "First pass"),
            (rating.ScorecardId, rating.CompetencyId, rating.CompetencyVersionId, rating.CompetencyName, rating.Rating, rating.Evidence));
        Assert.Equal([Flag1, Flag2], card.RedFlags.Select(f => f.RedFlagId));
        Assert.All(card.RedFlags, f => Assert.Equal(card.Id, f.ScorecardId));
        Assert.Equal("private", card.PrivateNote);
        Assert.Equal(ScorecardStatus.Draft, card.Status);

        card.SaveDraft([DesignRating(3, null), SecurityRating(null)], [Flag2], Recommendation.No, JobLevel.Mid, " ");

        Assert.Same(rating, card.Ratings[0]);
        Assert.Equal(3, rating.Rating);
        Assert.Null(rating.Evidence);
        Assert.Equal(2, card.Ratings.Count);
        Assert.Equal([Flag2], card.RedFlags.Select(f => f.RedFlagId));
        Assert.Equal(Recommendation.No, card.Recommendation);
        Assert.Equal(JobLevel.Mid, card.SupportedLevel);
        Assert.Null(card.PrivateNote);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Should_refuse_a_rating_off_the_one_to_four_scale(int rating)
    {
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("Ratings go from 1 (strong no) to 4 (strong yes).",
            Assert.Throws<DomainException>(() => card.SaveDraft([DesignRating(rating)], [], null, null, null)).Message);
        Assert.Empty(card.Ratings);
    }

    [Fact]
    public void Should_accept_both_ends_of_the_scale()
    {
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        card.SaveDraft([DesignRating(1), SecurityRating(4)], [], Recommendation.StrongNo, null, null);
        Assert.Equal([1, 4], card.Ratings.Select(r => r.Rating!.Value));
    }

    [Fact]
    public void Should_submit_only_with_a_recommendation_and_every_rating_with_evidence()
    {
        var card = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("Choose an overall recommendation before submitting.", Assert.Throws<DomainException>(() => card.Submit(Now)).Message);

        card.SaveDraft([], [], Recommendation.Yes, null, null);
        Assert.Equal("Rate every focus competency before submitting.", Assert.Throws<DomainException>(() => card.Submit(Now)).Message);

        card.SaveDraft([DesignRating(3), SecurityRating(null)], [], Recommendation.Yes, null, null);
        Assert.Equal("Rate every focus competency before submitting.", Assert.Throws<DomainException>(() => card.Submit(Now)).Message);

        card.SaveDraft([SecurityRating(2, "   ")], [], Recommendation.Yes, null, null);
        Assert.Equal("Every rating needs evidence: what the candidate said or did.", Assert.Throws<DomainException>(() => card.Submit(Now)).Message);
        Assert.Equal(ScorecardStatus.Draft, card.Status);
        Assert.Null(card.SubmittedAt);

        card.SaveDraft([SecurityRating(2)], [], Recommendation.Yes, null, null);
        card.Submit(Now);

        Assert.Equal(ScorecardStatus.Submitted, card.Status);
        Assert.Equal(Now, card.SubmittedAt);
        Assert.Equal("This scorecard is already submitted.", Assert.Throws<DomainException>(() => card.Submit(Now)).Message);
        Assert.Equal("This scorecard is submitted and locked; amend it instead.",
            Assert.Throws<DomainException>(() => card.SaveDraft([DesignRating(1)], [], Recommendation.No, null, null)).Message);
        Assert.Equal(3, card.Ratings[0].Rating);
    }

    [Fact]
    public void Should_amend_only_a_submitted_scorecard_and_only_with_a_reason()
    {
        var draft = new Scorecard(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("Only a submitted scorecard can be amended.",
            Assert.Throws<DomainException>(() => draft.Amend(Guid.NewGuid(), Now, "typo", [], [], Recommendation.Yes, null, null)).Message);

        var card = Submitted();
        Assert.Equal("Say why the scorecard is being amended.",
            Assert.Throws<DomainException>(() => card.Amend(Guid.NewGuid(), Now, "  ", [DesignRating(4)], [Flag1], Recommendation.Yes, JobLevel.Senior, "Seemed tired")).Message);
        Assert.Empty(card.Amendments);
    }

    [Fact]
    public void Should_refuse_an_amendment_that_changes_nothing()
    {
        var card = Submitted();
        Assert.Equal("Nothing was changed.", Assert.Throws<DomainException>(() =>
            card.Amend(Guid.NewGuid(), Now, "Re-read my notes", [DesignRating(3), SecurityRating(2)], [Flag1, Flag1],
                Recommendation.Yes, JobLevel.Senior, "Seemed tired")).Message);
        // A competency the scorecard never rated is no change to an existing rating.
        Assert.Throws<DomainException>(() => card.Amend(Guid.NewGuid(), Now, "Re-read my notes",
            [new ScorecardRatingInput(Guid.NewGuid(), Guid.NewGuid(), "Other", 4, "x")], [Flag1], Recommendation.Yes, JobLevel.Senior, "Seemed tired"));
        Assert.Empty(card.Amendments);
    }

    [Fact]
    public void Should_record_who_changed_what_and_from_what()
    {
        var card = Submitted();
        var by = Guid.NewGuid();

        card.Amend(by, Now.AddHours(1), "Mixed up two candidates", [DesignRating(4), SecurityRating(2, "Asked about tokens")],
            [Flag2], Recommendation.StrongYes, JobLevel.Lead, "Other note");

        var amendment = Assert.Single(card.Amendments);
        Assert.Equal((card.Id, by, Now.AddHours(1), "Mixed up two candidates"),
            (amendment.ScorecardId, amendment.ByUserId, amendment.At, amendment.Reason));
        Assert.Equal(
            "System design: rating 3 → 4\n" +
            "Security: evidence changed (was: Raised authorization unprompted)\n" +
            "Recommendation: Yes → StrongYes\n" +
            "Supported level: Senior → Lead\n" +
            "Red flags changed\n" +
            "Private note changed",
            amendment.Changes);
        Assert.Equal(4, card.Ratings[0].Rating);
        Assert.Equal("Asked about tokens", card.Ratings[1].Evidence);
        Assert.Equal([Flag2], card.RedFlags.Select(f => f.RedFlagId));
        Assert.Equal(Recommendation.StrongYes, card.Recommendation);
        Assert.Equal(JobLevel.Lead, card.SupportedLevel);
        Assert.Equal("Other note", card.PrivateNote);
        Assert.Equal(ScorecardStatus.Submitted, card.Status);
    }

    [Fact]
    public void Should_count_each_kind_of_change_on_its_own()
    {
        (string Reason, Action<Scorecard> Amend, string Changes)[] cases =
        [
            ("rating", c => c.Amend(Guid.NewGuid(), Now, "r", [DesignRating(2)], [Flag1], Recommendation.Yes, JobLevel.Senior, "Seemed tired"), "System design: rating 3 → 2"),
            ("evidence", c => c.Amend(Guid.NewGuid(), Now, "r", [DesignRating(3, "New")], [Flag1], Recommendation.Yes, JobLevel.Senior, "Seemed tired"), "System design: evidence changed (was: Drew a sound design)"),
            ("recommendation", c => c.Amend(Guid.NewGuid(), Now, "r", [], [Flag1], Recommendation.No, JobLevel.Senior, "Seemed tired"), "Recommendation: Yes → No"),
            ("level", c => c.Amend(Guid.NewGuid(), Now, "r", [], [Flag1], Recommendation.Yes, null, "Seemed tired"), "Supported level: Senior → "),
            ("flags", c => c.Amend(Guid.NewGuid(), Now, "r", [], [Flag1, Flag2], Recommendation.Yes, JobLevel.Senior, "Seemed tired"), "Red flags changed"),
            ("note", c => c.Amend(Guid.NewGuid(), Now, "r", [], [Flag1], Recommendation.Yes, JobLevel.Senior, null), "Private note changed"),
        ];
        foreach (var (reason, amend, changes) in cases)
        {
            var card = Submitted();
            amend(card);
            Assert.True(changes == card.Amendments.Single().Changes, $"{reason}: {card.Amendments.Single().Changes}");
        }
    }
}
