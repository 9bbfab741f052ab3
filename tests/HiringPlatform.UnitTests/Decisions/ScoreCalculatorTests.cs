using HiringPlatform.Application.Domain.Decisions;

namespace HiringPlatform.UnitTests.Decisions;

public sealed class ScoreCalculatorTests
{
    private static readonly Guid Design = Guid.NewGuid(), Api = Guid.NewGuid(), Data = Guid.NewGuid(), Cloud = Guid.NewGuid(), Extra = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid(), Bob = Guid.NewGuid(), Carol = Guid.NewGuid();

    private static readonly RubricWeight[] Rubric =
    [
        new(Design, 15m, true),
        new(Api, 10m, true),
        new(Data, 5m, false),
        new(Cloud, 20m, false),
    ];

    [Fact]
    public void Should_average_each_competency_then_weight_average_over_rated_competencies_only()
    {
        var result = ScoreCalculator.Calculate(Rubric,
        [
            new(Design, Alice, 4), new(Design, Bob, 3),
            new(Api, Alice, 2),
            new(Data, Bob, 1), new(Data, Carol, 2),
        ]);

        // Means 3.5, 2, 1.5; Cloud unrated and left out: (15·3.5 + 10·2 + 5·1.5) / 30 = 80 / 30.
        Assert.Equal(2.67m, result.WeightedScore);
        Assert.Equal(3.5m, result.Competencies.Single(c => c.CompetencyId == Design).Mean);
        Assert.Equal(1.5m, result.Competencies.Single(c => c.CompetencyId == Data).Mean);
        var cloud = Assert.Single(result.Gaps);
        Assert.Equal(Cloud, cloud.CompetencyId);
        Assert.Null(cloud.Mean);
    }

    [Fact]
    public void Should_give_no_score_without_ratings_and_the_plain_mean_with_equal_weights()
    {
        Assert.Null(ScoreCalculator.Calculate(Rubric, []).WeightedScore);
        Assert.Equal(4, ScoreCalculator.Calculate(Rubric, []).Gaps.Count());
        var equal = ScoreCalculator.Calculate([new(Design, 1m, false), new(Api, 1m, false)], [new(Design, Alice, 4), new(Api, Alice, 1)]);
        Assert.Equal(2.5m, equal.WeightedScore);
    }

    [Fact]
    public void Should_let_a_heavy_weight_dominate()
    {
        var result = ScoreCalculator.Calculate([new(Design, 9m, true), new(Api, 1m, true)], [new(Design, Alice, 4), new(Api, Alice, 1)]);
        Assert.Equal(3.7m, result.WeightedScore);
    }

    [Fact]
    public void Should_show_competencies_outside_the_rubric_without_weighting_them()
    {
        var result = ScoreCalculator.Calculate(Rubric, [new(Design, Alice, 3), new(Extra, Alice, 1)]);
        Assert.Equal(3m, result.WeightedScore);
        var extra = result.Competencies.Single(c => c.CompetencyId == Extra);
        Assert.False(extra.InRubric);
        Assert.Equal(1m, extra.Mean);
        Assert.DoesNotContain(extra, result.Gaps);
    }

    [Fact]
    public void Should_flag_must_haves_below_three_and_ratings_two_or_more_apart()
    {
        var result = ScoreCalculator.Calculate(Rubric,
        [
            new(Design, Alice, 4), new(Design, Bob, 2),
            new(Api, Alice, 3), new(Api, Bob, 2),
            new(Data, Alice, 1), new(Data, Bob, 2),
        ]);
        var design = result.Competencies.Single(c => c.CompetencyId == Design);
        Assert.True(design.StrongDisagreement);
        Assert.False(design.MustHaveBelowBar);
        var api = result.Competencies.Single(c => c.CompetencyId == Api);
        Assert.False(api.StrongDisagreement);
        Assert.True(api.MustHaveBelowBar);
        // Not a must-have: low, but not flagged as one.
        Assert.False(result.Competencies.Single(c => c.CompetencyId == Data).MustHaveBelowBar);
        Assert.Equal([Design], result.Disagreements.Select(c => c.CompetencyId));
        Assert.Equal([Api], result.MustHavesBelowBar.Select(c => c.CompetencyId));
    }

    [Fact]
    public void Should_require_two_different_interviewers_on_each_must_have_for_coverage()
    {
        var result = ScoreCalculator.Calculate(Rubric,
        [
            new(Design, Alice, 3), new(Design, Alice, 4),
            new(Api, Alice, 3), new(Api, Bob, 3),
        ]);
        Assert.Equal([Design], result.MissingCoverage.Select(c => c.CompetencyId));
        Assert.Equal(2, result.Competencies.Single(c => c.CompetencyId == Design).RatingCount);
        Assert.Equal(1, result.Competencies.Single(c => c.CompetencyId == Design).InterviewerCount);
    }

    [Fact]
    public void Should_ignore_ratings_off_the_scale()
    {
        var result = ScoreCalculator.Calculate(Rubric, [new(Design, Alice, 0), new(Design, Bob, 5), new(Design, Carol, 2)]);
        Assert.Equal(2m, result.WeightedScore);
    }
}
