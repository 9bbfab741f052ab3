using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Interviews;

// Rules for a posting's stages taken together: orders run 0..n-1 without gaps (the board and "first stage"
// read them), and a plan always keeps at least one stage, where new applications start.
public static class InterviewPlan
{
    public static IReadOnlyList<InterviewStage> Ordered(IEnumerable<InterviewStage> stages) =>
        stages.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();

    // offset -1 moves the stage one place earlier, +1 one place later.
    public static void Move(IEnumerable<InterviewStage> stages, Guid stageId, int offset)
    {
        var ordered = Ordered(stages).ToList();
        var index = ordered.FindIndex(s => s.Id == stageId);
        if (index < 0) throw new DomainException("That stage is not part of this plan.");
        var target = index + offset;
        if (target < 0) throw new DomainException($"\"{ordered[index].Name}\" is already the first stage.");
        if (target >= ordered.Count) throw new DomainException($"\"{ordered[index].Name}\" is already the last stage.");
        var stage = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, stage);
        Renumber(ordered);
    }

    // afterStageId: null puts the stage last; Guid.Empty puts it first.
    public static void Insert(IEnumerable<InterviewStage> stages, InterviewStage stage, Guid? afterStageId)
    {
        var ordered = Ordered(stages).ToList();
        int position;
        if (afterStageId is null) position = ordered.Count;
        else if (afterStageId == Guid.Empty) position = 0;
        else
        {
            var index = ordered.FindIndex(s => s.Id == afterStageId);
            if (index < 0) throw new DomainException("The stage to insert after is not part of this plan.");
            position = index + 1;
        }
        ordered.Insert(position, stage);
        Renumber(ordered);
    }

    // Returns the remaining stages, renumbered. Whether applications still sit in the stage is checked by the caller,
    // which can count them.
    public static IReadOnlyList<InterviewStage> Remove(IEnumerable<InterviewStage> stages, Guid stageId)
    {
        var ordered = Ordered(stages).ToList();
        var stage = ordered.SingleOrDefault(s => s.Id == stageId) ?? throw new DomainException("That stage is not part of this plan.");
        if (ordered.Count == 1) throw new DomainException("A plan needs at least one stage: new applications start in the first one.");
        ordered.Remove(stage);
        Renumber(ordered);
        return ordered;
    }

    private static void Renumber(IReadOnlyList<InterviewStage> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Order != i) ordered[i].Order = i;
        }
    }
}
