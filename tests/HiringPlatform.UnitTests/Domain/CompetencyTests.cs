using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Rubrics;

namespace HiringPlatform.UnitTests.Domain;

public sealed class CompetencyTests
{
    private static Competency NewCompetency() => new("system-design", "System design", "Shapes services", "one", "two", "three", "four");

    [Fact]
    public void Should_start_with_its_wording_as_version_one()
    {
        var competency = NewCompetency();
        var version = Assert.Single(competency.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(competency.Id, version.CompetencyId);
        Assert.Same(version, competency.CurrentVersion);
        Assert.Equal(version.Id, competency.CurrentVersionId);
        Assert.Equal("System design", competency.Name);
        Assert.Equal("system-design", competency.Key);
        Assert.True(version.HasWording("System design", "Shapes services", "one", "two", "three", "four"));
    }

    [Fact]
    public void Should_rewrite_the_current_version_while_no_submitted_scorecard_used_it()
    {
        var competency = NewCompetency();
        var version = competency.CurrentVersion;

        competency.Edit("Architecture", "Designs systems", "1", "2", "3", "4", currentVersionUsed: false);

        Assert.Same(version, Assert.Single(competency.Versions));
        Assert.Equal("Architecture", competency.Name);
        Assert.True(version.HasWording("Architecture", "Designs systems", "1", "2", "3", "4"));
    }

    [Fact]
    public void Should_keep_a_used_version_and_write_the_next_one()
    {
        var competency = NewCompetency();
        var first = competency.CurrentVersion;

        competency.Edit("Architecture", "Designs systems", "1", "2", "3", "4", currentVersionUsed: true);
        competency.Edit("Architecture 3", "Designs systems", "1", "2", "3", "4", currentVersionUsed: true);

        Assert.Equal([1, 2, 3], competency.Versions.Select(v => v.Number));
        Assert.Equal(3, competency.CurrentVersion.Number);
        Assert.Equal("Architecture 3", competency.CurrentVersion.Name);
        Assert.Equal("Architecture 3", competency.Name);
        Assert.True(first.HasWording("System design", "Shapes services", "one", "two", "three", "four"));
        Assert.All(competency.Versions, v => Assert.Equal(competency.Id, v.CompetencyId));
    }

    [Fact]
    public void Should_refuse_to_edit_a_retired_competency_until_it_is_restored()
    {
        var competency = NewCompetency();
        competency.Retire();
        Assert.True(competency.IsRetired);
        Assert.Equal("A retired competency cannot be edited; restore it first.",
            Assert.Throws<DomainException>(() => competency.Edit("X", "d", "1", "2", "3", "4", false)).Message);
        Assert.Equal("System design", competency.Name);

        competency.Restore();
        Assert.False(competency.IsRetired);
        competency.Edit("X", "d", "1", "2", "3", "4", false);
        Assert.Equal("X", competency.Name);
    }

    [Fact]
    public void Should_describe_each_level_of_the_scale_and_nothing_outside_it()
    {
        var version = NewCompetency().CurrentVersion;
        Assert.Equal(["one", "two", "three", "four"], new[] { 1, 2, 3, 4 }.Select(version.Descriptor));
        Assert.Throws<ArgumentOutOfRangeException>(() => version.Descriptor(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => version.Descriptor(5));
    }

    [Fact]
    public void Should_tell_a_change_in_any_one_part_of_the_wording()
    {
        var version = NewCompetency().CurrentVersion;
        Assert.False(version.HasWording("Other", "Shapes services", "one", "two", "three", "four"));
        Assert.False(version.HasWording("System design", "Other", "one", "two", "three", "four"));
        Assert.False(version.HasWording("System design", "Shapes services", "Other", "two", "three", "four"));
        Assert.False(version.HasWording("System design", "Shapes services", "one", "Other", "three", "four"));
        Assert.False(version.HasWording("System design", "Shapes services", "one", "two", "Other", "four"));
        Assert.False(version.HasWording("System design", "Shapes services", "one", "two", "three", "Other"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Should_refuse_a_rubric_weight_that_is_not_positive(int weight)
    {
        Assert.Equal("A weight must be a positive number.",
            Assert.Throws<DomainException>(() => new RubricItem(Guid.NewGuid(), Guid.NewGuid(), weight, true, 0)).Message);
        Assert.Equal(0.01m, new RubricItem(Guid.NewGuid(), Guid.NewGuid(), 0.01m, false, 0).Weight);
    }

    [Fact]
    public void Should_link_a_question_to_each_competency_once_and_drop_the_ones_left_out()
    {
        var question = new Question("q", "Tell me about a design", "Trade-offs", "Hand-waving");
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        question.SetCompetencies([a, b, b]);
        var kept = question.Competencies[0];

        question.SetCompetencies([a, c]);

        Assert.Equal([a, c], question.Competencies.Select(x => x.CompetencyId));
        Assert.Same(kept, question.Competencies[0]);
        Assert.All(question.Competencies, x => Assert.Equal(question.Id, x.QuestionId));
    }
}
