using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.JobPostings;

public sealed class JobPosting : AuditableEntity, IConcurrencyChecked
{
    private readonly List<PostingTeamMember> _team = [];
    private readonly List<PostingEvent> _history = [];
    private readonly List<ScreeningQuestion> _screeningQuestions = [];

    public string Title { get; set; } = "";
    public JobLevel Level { get; set; } = JobLevel.Senior;
    public string Team { get; set; } = "";
    public LocationType LocationType { get; set; }
    public string? Location { get; set; }

    // Acceptable time zones for remote hires, as UTC offsets in hours (e.g. -5 .. +3).
    public int? TimeZoneMinOffset { get; set; }
    public int? TimeZoneMaxOffset { get; set; }

    public EmploymentType EmploymentType { get; set; }
    public SalaryBand Salary { get; set; } = new();
    public int Headcount { get; set; } = 1;
    public int FilledCount { get; private set; }

    public string DescriptionMarkdown { get; set; } = "";
    public string ResponsibilitiesMarkdown { get; set; } = "";
    public string QualificationsMarkdown { get; set; } = "";
    public string PerksMarkdown { get; set; } = "";

    public PostingStatus Status { get; private set; } = PostingStatus.Draft;
    public ClosedReason? ClosedReason { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    // Which template the posting was made from, if any (e.g. "Senior Backend Engineer").
    public string? TemplateName { get; set; }

    public uint Version { get; private set; }

    public IReadOnlyList<PostingTeamMember> TeamMembers => _team;
    public IReadOnlyList<PostingEvent> History => _history;
    public IReadOnlyList<ScreeningQuestion> ScreeningQuestions => _screeningQuestions;

    public bool IsPublic => Status == PostingStatus.Open;

    public void SetTeam(IEnumerable<(Guid UserId, TeamRole Role)> members)
    {
        var wanted = members.Distinct().ToList();
        if (wanted.Count(m => m.Role == TeamRole.HiringManager) != 1)
            throw new DomainException("A posting needs exactly one hiring manager.");
        if (!wanted.Any(m => m.Role == TeamRole.Recruiter))
            throw new DomainException("A posting needs at least one recruiter.");
        _team.RemoveAll(m => !wanted.Contains((m.UserId, m.Role)));
        foreach (var m in wanted.Where(w => !_team.Any(t => t.UserId == w.UserId && t.Role == w.Role)))
            _team.Add(new PostingTeamMember(Id, m.UserId, m.Role));
    }

    public Guid? HiringManagerId => _team.FirstOrDefault(m => m.Role == TeamRole.HiringManager)?.UserId;


    public void AddScreeningQuestion(string key, string text, ScreeningAnswerKind kind, bool required) =>
        _screeningQuestions.Add(new ScreeningQuestion(Id, _screeningQuestions.Count, key, text, kind, required));

    public void ReplaceScreeningQuestions(IEnumerable<ScreeningQuestion> questions)
    {
        _screeningQuestions.Clear();
        _screeningQuestions.AddRange(questions);
    }

    // Closed postings are history (their applications and decisions refer to them); a new opening is a clone.
    public void EnsureEditable()
    {
        if (Status == PostingStatus.Closed)
            throw new DomainException("This posting is closed, so it can no longer be edited. Clone it to open the role again.");
    }

    public void SubmitForApproval(Guid by, DateTimeOffset at) =>
        Transition(PostingStatus.AwaitingApproval, by, at, null, PostingStatus.Draft);

    public void Approve(Guid by, DateTimeOffset at, string? comment)
    {
        Transition(PostingStatus.Open, by, at, comment, PostingStatus.AwaitingApproval);
        PublishedAt ??= at;
    }

    public void SendBack(Guid by, DateTimeOffset at, string comment) =>
        Transition(PostingStatus.Draft, by, at, comment, PostingStatus.AwaitingApproval);

    public void Pause(Guid by, DateTimeOffset at, string? comment) =>
        Transition(PostingStatus.Paused, by, at, comment, PostingStatus.Open);

    public void Resume(Guid by, DateTimeOffset at, string? comment) =>
        Transition(PostingStatus.Open, by, at, comment, PostingStatus.Paused);

    public void Close(ClosedReason reason, Guid? by, DateTimeOffset at, string? comment)
    {
        Transition(PostingStatus.Closed, by, at, comment,
            PostingStatus.Draft, PostingStatus.AwaitingApproval, PostingStatus.Open, PostingStatus.Paused);
        ClosedReason = reason;
        ClosedAt = at;
    }

    // An accepted offer fills one opening; the posting closes as filled when the headcount is reached.
    public void RecordHire(Guid? by, DateTimeOffset at)
    {
        if (Status is not (PostingStatus.Open or PostingStatus.Paused))
            throw new DomainException($"A hire cannot be recorded on a posting that is {Status.Display().ToLowerInvariant()}.");
        FilledCount++;
        if (FilledCount >= Headcount)
            Close(JobPostings.ClosedReason.Filled, by, at, $"Headcount of {Headcount} reached.");
    }

    private void Transition(PostingStatus to, Guid? by, DateTimeOffset at, string? comment, params PostingStatus[] allowedFrom)
    {
        if (!allowedFrom.Contains(Status))
            throw new DomainException(
                $"This posting is {Status.Display().ToLowerInvariant()}, so it cannot move to {to.Display().ToLowerInvariant()}.");
        _history.Add(new PostingEvent(Id, at, by, Status, to, comment));
        Status = to;
    }

    // Used by the clone use case and the template: a copy always starts as a draft.
    public JobPosting CloneAsDraft()
    {
        var copy = new JobPosting
        {
            Title = Title, Level = Level, Team = Team, LocationType = LocationType, Location = Location,
            TimeZoneMinOffset = TimeZoneMinOffset, TimeZoneMaxOffset = TimeZoneMaxOffset,
            EmploymentType = EmploymentType, Salary = Salary with { }, Headcount = Headcount,
            DescriptionMarkdown = DescriptionMarkdown, ResponsibilitiesMarkdown = ResponsibilitiesMarkdown,
            QualificationsMarkdown = QualificationsMarkdown, PerksMarkdown = PerksMarkdown, TemplateName = TemplateName,
        };
        foreach (var m in _team) copy._team.Add(new PostingTeamMember(copy.Id, m.UserId, m.Role));
        foreach (var q in _screeningQuestions)
            copy._screeningQuestions.Add(new ScreeningQuestion(copy.Id, q.Order, q.Key, q.Text, q.Kind, q.Required));
        return copy;
    }
}

public sealed record SalaryBand
{
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public string Currency { get; init; } = "USD";
    public bool IsPublic { get; init; }

    public bool Contains(decimal amount) => (Min is null || amount >= Min) && (Max is null || amount <= Max);
}

public sealed class PostingTeamMember
{
    private PostingTeamMember() { }

    public PostingTeamMember(Guid postingId, Guid userId, TeamRole role)
    {
        PostingId = postingId;
        UserId = userId;
        Role = role;
    }

    public Guid PostingId { get; private set; }
    public Guid UserId { get; private set; }
    public TeamRole Role { get; private set; }
}

public sealed class PostingEvent : Entity
{
    private PostingEvent() { }

    public PostingEvent(Guid postingId, DateTimeOffset at, Guid? byUserId, PostingStatus from, PostingStatus to, string? comment)
    {
        PostingId = postingId;
        At = at;
        ByUserId = byUserId;
        FromStatus = from;
        ToStatus = to;
        Comment = comment;
    }

    public Guid PostingId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ByUserId { get; private set; }
    public PostingStatus FromStatus { get; private set; }
    public PostingStatus ToStatus { get; private set; }
    public string? Comment { get; private set; }
}

public sealed class ScreeningQuestion : Entity
{
    private ScreeningQuestion() { }

    public ScreeningQuestion(Guid postingId, int order, string key, string text, ScreeningAnswerKind kind, bool required)
    {
        PostingId = postingId;
        Order = order;
        Key = key;
        Text = text;
        Kind = kind;
        Required = required;
    }

    public Guid PostingId { get; private set; }
    public int Order { get; set; }
    public string Key { get; private set; } = "";
    public string Text { get; set; } = "";
    public ScreeningAnswerKind Kind { get; set; }
    public bool Required { get; set; }
}
