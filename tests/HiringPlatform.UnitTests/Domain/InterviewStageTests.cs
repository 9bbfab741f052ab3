using HiringPlatform.Application.Domain.Interviews;

namespace HiringPlatform.UnitTests.Domain;

public sealed class InterviewStageTests
{
    private static InterviewStage NewStage(StageKind kind = StageKind.Interview) => new(Guid.NewGuid(), 0, "Technical", kind, 60);

    [Theory]
    [InlineData(StageKind.Review, false)]
    [InlineData(StageKind.Screen, true)]
    [InlineData(StageKind.Interview, true)]
    [InlineData(StageKind.Debrief, false)]
    [InlineData(StageKind.Offer, false)]
    public void Should_take_scorecards_only_in_screens_and_interviews(StageKind kind, bool scored) =>
        Assert.Equal(scored, NewStage(kind).IsScored);

    [Fact]
    public void Should_focus_on_each_competency_once_and_drop_the_ones_left_out()
    {
        var stage = NewStage();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        stage.SetFocus([a, b, a]);
        var kept = stage.Focus[0];

        stage.SetFocus([c, a]);

        Assert.Equal([a, c], stage.Focus.Select(f => f.CompetencyId));
        Assert.Same(kept, stage.Focus[0]);
        Assert.All(stage.Focus, f => Assert.Equal(stage.Id, f.StageId));
    }

    [Fact]
    public void Should_ask_the_questions_in_the_order_given_once_each()
    {
        var stage = NewStage();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        stage.SetQuestions([a, b]);
        stage.SetQuestions([c, a, c]);
        Assert.Equal([(c, 0), (a, 1)], stage.Questions.Select(q => (q.QuestionId, q.Order)));
        Assert.All(stage.Questions, q => Assert.Equal(stage.Id, q.StageId));
    }

    [Fact]
    public void Should_keep_default_interviewers_once_each_and_drop_the_ones_left_out()
    {
        var stage = NewStage();
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        stage.SetDefaultInterviewers([a, b, b]);
        var kept = stage.DefaultInterviewers[0];

        stage.SetDefaultInterviewers([a, c]);

        Assert.Equal([a, c], stage.DefaultInterviewers.Select(i => i.UserId));
        Assert.Same(kept, stage.DefaultInterviewers[0]);
        Assert.All(stage.DefaultInterviewers, i => Assert.Equal(stage.Id, i.StageId));
    }
}
