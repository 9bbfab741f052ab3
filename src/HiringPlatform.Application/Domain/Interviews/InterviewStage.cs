using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Interviews;

public enum StageKind { Review, Screen, Interview, Debrief, Offer }

// One step of a posting's interview plan. Applications sit in a stage.
public sealed class InterviewStage : Entity, IConcurrencyChecked
{
    private readonly List<StageFocus> _focus = [];
    private readonly List<StageQuestion> _questions = [];
    private readonly List<StageInterviewer> _interviewers = [];

    private InterviewStage() { }

    public InterviewStage(Guid postingId, int order, string name, StageKind kind, int durationMinutes)
    {
        PostingId = postingId;
        Order = order;
        Name = name;
        Kind = kind;
        DurationMinutes = durationMinutes;
    }

    public Guid PostingId { get; private set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public StageKind Kind { get; set; }
    public int DurationMinutes { get; set; }
    public uint Version { get; private set; }

    public IReadOnlyList<StageFocus> Focus => _focus;
    public IReadOnlyList<StageQuestion> Questions => _questions;
    public IReadOnlyList<StageInterviewer> DefaultInterviewers => _interviewers;

    public bool IsScored => Kind is StageKind.Interview or StageKind.Screen;

    public void SetFocus(IEnumerable<Guid> competencyIds)
    {
        var wanted = competencyIds.Distinct().ToList();
        _focus.RemoveAll(f => !wanted.Contains(f.CompetencyId));
        foreach (var id in wanted.Where(id => _focus.All(f => f.CompetencyId != id)))
            _focus.Add(new StageFocus(Id, id));
    }

    public void SetQuestions(IEnumerable<Guid> questionIds)
    {
        var wanted = questionIds.Distinct().ToList();
        _questions.Clear();
        for (var i = 0; i < wanted.Count; i++) _questions.Add(new StageQuestion(Id, wanted[i], i));
    }

    public void SetDefaultInterviewers(IEnumerable<Guid> userIds)
    {
        var wanted = userIds.Distinct().ToList();
        _interviewers.RemoveAll(i => !wanted.Contains(i.UserId));
        foreach (var id in wanted.Where(id => _interviewers.All(i => i.UserId != id)))
            _interviewers.Add(new StageInterviewer(Id, id));
    }
}

public sealed class StageFocus
{
    private StageFocus() { }
    public StageFocus(Guid stageId, Guid competencyId) { StageId = stageId; CompetencyId = competencyId; }
    public Guid StageId { get; private set; }
    public Guid CompetencyId { get; private set; }
}

public sealed class StageQuestion
{
    private StageQuestion() { }
    public StageQuestion(Guid stageId, Guid questionId, int order) { StageId = stageId; QuestionId = questionId; Order = order; }
    public Guid StageId { get; private set; }
    public Guid QuestionId { get; private set; }
    public int Order { get; private set; }
}

public sealed class StageInterviewer
{
    private StageInterviewer() { }
    public StageInterviewer(Guid stageId, Guid userId) { StageId = stageId; UserId = userId; }
    public Guid StageId { get; private set; }
    public Guid UserId { get; private set; }
}
