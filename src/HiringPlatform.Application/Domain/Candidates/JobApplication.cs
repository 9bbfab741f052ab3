using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Candidates;

public enum ApplicationStatus { Active, Rejected, Withdrawn, Hired }

public enum RejectionReason { SkillsGap, ExperienceLevel, Compensation, LocationOrTimeZone, PositionFilled, CandidateWithdrew, Other }

// "Application" would clash with the HiringPlatform.Application namespace.
public sealed class JobApplication : AuditableEntity, IConcurrencyChecked
{
    // The column's size; the rejection forms and the debrief (whose rationale becomes the note) check it first.
    public const int MaxRejectionNoteLength = 2000;

    private readonly List<ScreeningAnswer> _answers = [];

    private JobApplication() { }

    public JobApplication(Guid candidateId, Guid postingId, Guid firstStageId, CandidateSource source, string? sourceDetail, DateTimeOffset at)
    {
        CandidateId = candidateId;
        PostingId = postingId;
        StageId = firstStageId;
        Source = source;
        SourceDetail = sourceDetail;
        AppliedAt = at;
        StageEnteredAt = at;
    }

    public Guid CandidateId { get; set; }
    public Guid PostingId { get; private set; }
    public Guid StageId { get; private set; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Active;
    public CandidateSource Source { get; private set; }
    public string? SourceDetail { get; set; }
    public DateTimeOffset AppliedAt { get; private set; }
    public DateTimeOffset StageEnteredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public RejectionReason? RejectionReason { get; private set; }
    public Guid? RejectionCompetencyId { get; private set; }
    public string? RejectionNote { get; private set; }

    // What the candidate wrote when applying.
    public string? CoverNote { get; set; }
    public DateTimeOffset? ConsentedAt { get; set; }
    public int? ConsentRetentionMonths { get; set; }

    // Weighted score (1–4) kept up to date when scorecards are submitted; shown on board cards and ranked on.
    public decimal? WeightedScore { get; set; }
    public uint Version { get; private set; }

    public IReadOnlyList<ScreeningAnswer> Answers => _answers;

    public bool IsActive => Status == ApplicationStatus.Active;

    public void AddAnswer(Guid questionId, string questionText, string answer) =>
        _answers.Add(new ScreeningAnswer(Id, questionId, questionText, answer));

    public void MoveTo(Guid stageId, DateTimeOffset at)
    {
        EnsureActive("moved");
        if (stageId == StageId) throw new DomainException("The application is already in that stage.");
        var from = StageId;
        StageId = stageId;
        StageEnteredAt = at;
        Raise(new ApplicationMoved(this, from, stageId, at));
    }

    public void Reject(RejectionReason reason, Guid? competencyId, string? note, DateTimeOffset at)
    {
        EnsureActive("rejected");
        if (reason == Candidates.RejectionReason.SkillsGap && competencyId is null)
            throw new DomainException("Name the competency that is missing.");
        if (reason == Candidates.RejectionReason.Other && string.IsNullOrWhiteSpace(note))
            throw new DomainException("Add a note explaining the reason.");
        if (note?.Trim().Length > MaxRejectionNoteLength)
            throw new DomainException($"A rejection note holds at most {MaxRejectionNoteLength:N0} characters.");
        Status = ApplicationStatus.Rejected;
        RejectionReason = reason;
        RejectionCompetencyId = reason == Candidates.RejectionReason.SkillsGap ? competencyId : null;
        RejectionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ClosedAt = at;
        Raise(new ApplicationRejected(this, at));
    }

    public void Withdraw(DateTimeOffset at, WithdrawnBy by)
    {
        EnsureActive("withdrawn");
        Status = ApplicationStatus.Withdrawn;
        ClosedAt = at;
        Raise(new ApplicationWithdrawn(this, by, at));
    }

    public void Reopen(DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Rejected) throw new DomainException("Only a rejected application can be reopened.");
        // Days in stage go on from where they stopped: the time spent rejected does not count, the time before it does.
        if (ClosedAt is { } closedAt && closedAt >= StageEnteredAt && at >= closedAt) StageEnteredAt = at - (closedAt - StageEnteredAt);
        else StageEnteredAt = at;
        Status = ApplicationStatus.Active;
        RejectionReason = null;
        RejectionCompetencyId = null;
        RejectionNote = null;
        ClosedAt = null;
    }

    public void Hire(DateTimeOffset at)
    {
        EnsureActive("hired");
        Status = ApplicationStatus.Hired;
        ClosedAt = at;
        Raise(new CandidateHired(this, at));
    }

    // Merge: the absorbed application's history moves onto this one.
    public void ReassignCandidate(Guid candidateId) => CandidateId = candidateId;

    // Merge: which of one person's two applications to a posting stays. A hire is the outcome and always stays; then
    // one still active beats a closed one, so nobody drops out of the pipeline; then the later stage; then the
    // earlier application. stageOrder gives each stage's position in the posting's plan.
    public static (JobApplication Keep, JobApplication Drop) ChooseKept(JobApplication a, JobApplication b, Func<Guid, int> stageOrder)
    {
        if (a.PostingId != b.PostingId) throw new DomainException("Only applications to the same posting can be combined.");
        static int Standing(JobApplication x) => x.Status switch { ApplicationStatus.Hired => 2, ApplicationStatus.Active => 1, _ => 0 };
        var order = Standing(a).CompareTo(Standing(b));
        if (order == 0) order = stageOrder(a.StageId).CompareTo(stageOrder(b.StageId));
        if (order == 0) order = b.AppliedAt.CompareTo(a.AppliedAt);
        return order >= 0 ? (a, b) : (b, a);
    }

    // Merge: the other application of the same person to this posting is combined into this one before it is deleted.
    // Answers to questions this one has not answered are copied over, and its cover note if this one has none. What
    // cannot be combined — a different answer to a question this one answered — is returned, for the caller to keep
    // where people can read it. Raises ApplicationCombined once the other's interviews, scorecards and offers are here.
    public IReadOnlyList<ScreeningAnswer> Combine(JobApplication other, DateTimeOffset at)
    {
        if (other.Id == Id) throw new DomainException("An application cannot be combined with itself.");
        if (other.PostingId != PostingId) throw new DomainException("Only applications to the same posting can be combined.");
        CoverNote ??= other.CoverNote;
        var differing = new List<ScreeningAnswer>();
        foreach (var answer in other._answers)
        {
            var mine = _answers.FirstOrDefault(a => a.QuestionId == answer.QuestionId);
            if (mine is null) AddAnswer(answer.QuestionId, answer.QuestionText, answer.Answer);
            else if (mine.Answer.Trim() != answer.Answer.Trim()) differing.Add(answer);
        }
        Raise(new ApplicationCombined(this, other.Id, at));
        return differing;
    }

    public void EraseAnswers()
    {
        foreach (var a in _answers) a.Erase();
        CoverNote = null;
        SourceDetail = null;
        RejectionNote = null;
    }

    private void EnsureActive(string verb)
    {
        if (Status != ApplicationStatus.Active)
            throw new DomainException($"This application is {Status.ToString().ToLowerInvariant()}, so it cannot be {verb}.");
    }
}

public sealed class ScreeningAnswer : Entity
{
    private ScreeningAnswer() { }

    public ScreeningAnswer(Guid applicationId, Guid questionId, string questionText, string answer)
    {
        ApplicationId = applicationId;
        QuestionId = questionId;
        QuestionText = questionText;
        Answer = answer;
    }

    public Guid ApplicationId { get; set; }
    public Guid QuestionId { get; private set; }

    // The wording the candidate answered, kept even if the posting's question is edited later.
    public string QuestionText { get; private set; } = "";
    public string Answer { get; private set; } = "";

    internal void Erase() => Answer = "";
}
