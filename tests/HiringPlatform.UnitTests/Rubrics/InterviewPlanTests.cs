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

    [Fact]
    public void Should_move_a_stage_one_place_later_and_name_it_when_it_cannot_move()
    {
        var stages = Plan("A", "B", "C");
        InterviewPlan.Move(stages, stages[0].Id, 1);
        Assert.Equal(["B", "A", "C"], Names(stages));
        Assert.Equal([0, 1, 2], InterviewPlan.Ordered(stages).Select(s => s.Order));

        Assert.Equal("\"B\" is already the first stage.", Assert.Throws<DomainException>(() => InterviewPlan.Move(stages, stages[1].Id, -1)).Message);
        Assert.Equal("\"C\" is already the last stage.", Assert.Throws<DomainException>(() => InterviewPlan.Move(stages, stages[2].Id, 1)).Message);
        Assert.Equal("That stage is not part of this plan.", Assert.Throws<DomainException>(() => InterviewPlan.Move(stages, Guid.NewGuid(), 1)).Message);
        Assert.Equal(["B", "A", "C"], Names(stages));
    }

    [Fact]
    public void Should_insert_after_the_last_stage_and_refuse_a_stage_outside_the_plan()
    {
        var stages = Plan("A", "B");
        var after = new InterviewStage(stages[0].PostingId, 0, "After B", StageKind.Debrief, 30);
        InterviewPlan.Insert(stages, after, stages[1].Id);
        stages.Add(after);
        Assert.Equal(["A", "B", "After B"], Names(stages));
        Assert.Equal([0, 1, 2], InterviewPlan.Ordered(stages).Select(s => s.Order));

        var stray = new InterviewStage(stages[0].PostingId, 0, "Stray", StageKind.Debrief, 30);
        Assert.Equal("The stage to insert after is not part of this plan.",
            Assert.Throws<DomainException>(() => InterviewPlan.Insert(stages, stray, Guid.NewGuid())).Message);
        Assert.Equal("That stage is not part of this plan.", Assert.Throws<DomainException>(() => InterviewPlan.Remove(stages, stray.Id)).Message);
        var one = Plan("Only");
        Assert.Equal("A plan needs at least one stage: new applications start in the first one.",
            Assert.Throws<DomainException>(() => InterviewPlan.Remove(one, one[0].Id)).Message);
    }

    [Fact]
    public void Should_order_stages_with_the_same_number_by_id()
    {
        var posting = Guid.CreateVersion7();
        var tied = new[] { new InterviewStage(posting, 1, "X", StageKind.Review, 15), new InterviewStage(posting, 1, "Y", StageKind.Review, 15) };
        var (low, high) = tied[0].Id.CompareTo(tied[1].Id) < 0 ? (tied[0], tied[1]) : (tied[1], tied[0]);
        var zero = new InterviewStage(posting, 0, "Zero", StageKind.Review, 15);
        Assert.Equal([zero, low, high], InterviewPlan.Ordered([high, low, zero]));
        Assert.Equal([zero, low, high], InterviewPlan.Ordered([low, high, zero]));
        var rest = InterviewPlan.Remove([high, zero, low], zero.Id);
        Assert.Equal([(low, 0), (high, 1)], rest.Select(s => (s, s.Order)));
    }
}
