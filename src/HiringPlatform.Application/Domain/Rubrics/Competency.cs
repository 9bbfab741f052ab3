using HiringPlatform.Application.Domain.Common;

namespace HiringPlatform.Application.Domain.Rubrics;

// A competency in the library. Its wording lives in versions: once a submitted scorecard has used a
// version, editing makes a new one, so old scorecards keep the text they were scored against.
public sealed class Competency : AuditableEntity, IConcurrencyChecked
{
    private readonly List<CompetencyVersion> _versions = [];

    private Competency() { }

    public Competency(string key, string name, string definition, string level1, string level2, string level3, string level4)
    {
        Key = key;
        var first = new CompetencyVersion(Id, 1, name, definition, level1, level2, level3, level4);
        _versions.Add(first);
        CurrentVersionId = first.Id;
        Name = name;
    }

    // Stable identifier for templates and seeds ("system-design"); never shown.
    public string Key { get; private set; } = "";

    // Denormalised from the current version for lists and sorting.
    public string Name { get; private set; } = "";
    public Guid CurrentVersionId { get; private set; }
    public bool IsRetired { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<CompetencyVersion> Versions => _versions;

    public CompetencyVersion CurrentVersion => _versions.Single(v => v.Id == CurrentVersionId);

    // currentVersionUsed: whether a submitted scorecard rated against the current version (asked by the handler).
    public void Edit(string name, string definition, string level1, string level2, string level3, string level4, bool currentVersionUsed)
    {
        if (IsRetired) throw new DomainException("A retired competency cannot be edited; restore it first.");
        var current = CurrentVersion;
        if (currentVersionUsed)
        {
            var next = new CompetencyVersion(Id, _versions.Max(v => v.Number) + 1, name, definition, level1, level2, level3, level4);
            _versions.Add(next);
            CurrentVersionId = next.Id;
        }
        else
        {
            current.Rewrite(name, definition, level1, level2, level3, level4);
        }
        Name = name;
    }

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;
}

// Auditable so the history page can say when each version was written.
public sealed class CompetencyVersion : AuditableEntity
{
    private CompetencyVersion() { }

    internal CompetencyVersion(Guid competencyId, int number, string name, string definition,
        string level1, string level2, string level3, string level4)
    {
        CompetencyId = competencyId;
        Number = number;
        Rewrite(name, definition, level1, level2, level3, level4);
    }

    public Guid CompetencyId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public string Definition { get; private set; } = "";
    public string Level1 { get; private set; } = "";
    public string Level2 { get; private set; } = "";
    public string Level3 { get; private set; } = "";
    public string Level4 { get; private set; } = "";

    public string Descriptor(int rating) => rating switch
    {
        1 => Level1,
        2 => Level2,
        3 => Level3,
        4 => Level4,
        _ => throw new ArgumentOutOfRangeException(nameof(rating)),
    };

    public bool HasWording(string name, string definition, string level1, string level2, string level3, string level4) =>
        Name == name && Definition == definition && Level1 == level1 && Level2 == level2 && Level3 == level3 && Level4 == level4;

    internal void Rewrite(string name, string definition, string level1, string level2, string level3, string level4)
    {
        Name = name;
        Definition = definition;
        Level1 = level1;
        Level2 = level2;
        Level3 = level3;
        Level4 = level4;
    }
}

// One competency in a posting's rubric. Weights are relative: the page shows each one's share of the total.
public sealed class RubricItem
{
    private RubricItem() { }

    public RubricItem(Guid postingId, Guid competencyId, decimal weight, bool isMustHave, int order)
    {
        if (weight <= 0) throw new DomainException("A weight must be a positive number.");
        PostingId = postingId;
        CompetencyId = competencyId;
        Weight = weight;
        IsMustHave = isMustHave;
        Order = order;
    }

    public Guid PostingId { get; private set; }
    public Guid CompetencyId { get; private set; }
    public decimal Weight { get; set; }
    public bool IsMustHave { get; set; }
    public int Order { get; set; }
}

public sealed class Question : AuditableEntity, IConcurrencyChecked
{
    private readonly List<QuestionCompetency> _competencies = [];

    private Question() { }

    public Question(string key, string text, string goodLooksLike, string redFlags)
    {
        Key = key;
        Text = text;
        GoodLooksLike = goodLooksLike;
        RedFlags = redFlags;
    }

    public string Key { get; private set; } = "";
    public string Text { get; set; } = "";
    public string GoodLooksLike { get; set; } = "";
    public string RedFlags { get; set; } = "";
    public bool IsRetired { get; set; }
    public uint Version { get; private set; }

    public IReadOnlyList<QuestionCompetency> Competencies => _competencies;

    public void SetCompetencies(IEnumerable<Guid> competencyIds)
    {
        var wanted = competencyIds.Distinct().ToList();
        _competencies.RemoveAll(c => !wanted.Contains(c.CompetencyId));
        foreach (var id in wanted.Where(id => _competencies.All(c => c.CompetencyId != id)))
            _competencies.Add(new QuestionCompetency(Id, id));
    }
}

public sealed class QuestionCompetency
{
    private QuestionCompetency() { }

    public QuestionCompetency(Guid questionId, Guid competencyId)
    {
        QuestionId = questionId;
        CompetencyId = competencyId;
    }

    public Guid QuestionId { get; private set; }
    public Guid CompetencyId { get; private set; }
}

// An item of the red-flag checklist an interviewer can tick on a scorecard.
public sealed class RedFlag : Entity
{
    private RedFlag() { }

    public RedFlag(string key, string text)
    {
        Key = key;
        Text = text;
    }

    public string Key { get; private set; } = "";
    public string Text { get; set; } = "";
    public bool IsRetired { get; set; }
}
