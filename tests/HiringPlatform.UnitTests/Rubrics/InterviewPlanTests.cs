using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;

namespace HiringPlatform.UnitTests.Rubrics;

public sealed class InterviewPlanTests
{
    private static List<InterviewStage> Plan(params string[] names)
    {
        var posting = Guid.CreateVersion7();
        return names.Select((n, i) => new InterviewStage(posting, i, n, StageKind.Interview, 30)).ToList();
    }

    private static string[] Names(IEnumerable<InterviewStage> stages) => InterviewPlan.Ordered(stages).Select(s => s.Name).ToArray();

    [Fact]
    public void Should_swap_a_stage_with_its_neighbour_and_keep_orders_contiguous()
    {
        var stages = Plan("A", "B", "C");
        InterviewPlan.Move(stages, stages[2].Id, -1);
        Assert.Equal(["A", "C", "B"], Names(stages));
        Assert.Equal([0, 1, 2], InterviewPlan.Ordered(stages).Select(s => s.Order));
    }

    [Fact]
    public void Should_refuse_to_move_past_either_end()
    {
        var stages = Plan("A", "B");
        Assert.Throws<DomainException>(() => InterviewPlan.Move(stages, stages[0].Id, -1));
        Assert.Throws<DomainException>(() => InterviewPlan.Move(stages, stages[1].Id, 1));
    }

    [Fact]
    public void Should_insert_first_after_a_stage_or_last()
    {
        var stages = Plan("A", "B");
        var posting = stages[0].PostingId;
        var first = new InterviewStage(posting, 0, "First", StageKind.Review, 15);
        InterviewPlan.Insert(stages, first, Guid.Empty);
        stages.Add(first);
        var middle = new InterviewStage(posting, 0, "Middle", StageKind.Screen, 15);
        InterviewPlan.Insert(stages, middle, stages[0].Id);
        stages.Add(middle);
        var last = new InterviewStage(posting, 0, "Last", StageKind.Offer, 15);
        InterviewPlan.Insert(stages, last, null);
        stages.Add(last);
        Assert.Equal(["First", "A", "Middle", "B", "Last"], Names(stages));
    }

    [Fact]
    public void Should_close_the_gap_on_removal_and_keep_at_least_one_stage()
    {
        var stages = Plan("A", "B", "C");
        var rest = InterviewPlan.Remove(stages, stages[1].Id);
        Assert.Equal([0, 1], rest.Select(s => s.Order));
        var single = Plan("Only");
        Assert.Throws<DomainException>(() => InterviewPlan.Remove(single, single[0].Id));
    }
}
