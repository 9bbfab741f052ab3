using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.JobPostings;

namespace HiringPlatform.Application.Domain.Interviews;

public enum Recommendation { StrongNo = 1, No = 2, Yes = 3, StrongYes = 4 }

public enum ScorecardStatus { Draft, Submitted }

public sealed class Scorecard : AuditableEntity, IConcurrencyChecked
{
    private readonly List<ScorecardRating> _ratings = [];
    private readonly List<ScorecardRedFlag> _redFlags = [];
    private readonly List<ScorecardAmendment> _amendments = [];

    private Scorecard() { }

    public Scorecard(Guid interviewId, Guid applicationId, Guid interviewerId)
    {
        InterviewId = interviewId;
        ApplicationId = applicationId;
        InterviewerId = interviewerId;
    }

    public Guid InterviewId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid InterviewerId { get; private set; }
    public ScorecardStatus Status { get; private set; } = ScorecardStatus.Draft;
    public Recommendation? Recommendation { get; private set; }
    public JobLevel? SupportedLevel { get; private set; }

    // Seen by the hiring manager only.
    public string? PrivateNote { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public uint Version { get; private set; }

    public IReadOnlyList<ScorecardRating> Ratings => _ratings;
    public IReadOnlyList<ScorecardRedFlag> RedFlags => _redFlags;
    public IReadOnlyList<ScorecardAmendment> Amendments => _amendments;

    public void SaveDraft(IEnumerable<ScorecardRatingInput> ratings, IEnumerable<Guid> redFlagIds,
        Recommendation? recommendation, JobLevel? supportedLevel, string? privateNote)
    {
        if (Status == ScorecardStatus.Submitted)
            throw new DomainException("This scorecard is submitted and locked; amend it instead.");
        Apply(ratings, redFlagIds, recommendation, supportedLevel, privateNote);
    }

    public void Submit(DateTimeOffset at)
    {
        if (Status == ScorecardStatus.Submitted) throw new DomainException("This scorecard is already submitted.");
        if (Recommendation is null) throw new DomainException("Choose an overall recommendation before submitting.");
        if (_ratings.Count == 0 || _ratings.Any(r => r.Rating is null))
            throw new DomainException("Rate every focus competency before submitting.");
        if (_ratings.Any(r => string.IsNullOrWhiteSpace(r.Evidence)))
            throw new DomainException("Every rating needs evidence: what the candidate said or did.");
        Status = ScorecardStatus.Submitted;
        SubmittedAt = at;
    }

    // A submitted scorecard is never rewritten silently: the amendment records who changed what, and from what.
    public void Amend(Guid byUserId, DateTimeOffset at, string reason, IEnumerable<ScorecardRatingInput> ratings,
        IEnumerable<Guid> redFlagIds, Recommendation recommendation, JobLevel? supportedLevel, string? privateNote)
    {
        if (Status != ScorecardStatus.Submitted) throw new DomainException("Only a submitted scorecard can be amended.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Say why the scorecard is being amended.");
        var changes = new List<string>();
        var newRatings = ratings.ToList();
        foreach (var r in newRatings)
        {
            var old = _ratings.SingleOrDefault(x => x.CompetencyId == r.CompetencyId);
            if (old is null) continue;
            if (old.Rating != r.Rating) changes.Add($"{old.CompetencyName}: rating {old.Rating} → {r.Rating}");
            if (old.Evidence != r.Evidence) changes.Add($"{old.CompetencyName}: evidence changed (was: {old.Evidence})");
        }
        if (Recommendation != recommendation) changes.Add($"Recommendation: {Recommendation} → {recommendation}");
        if (SupportedLevel != supportedLevel) changes.Add($"Supported level: {SupportedLevel} → {supportedLevel}");
        var oldFlags = _redFlags.Select(f => f.RedFlagId).Order().ToList();
        var newFlags = redFlagIds.Distinct().Order().ToList();
        if (!oldFlags.SequenceEqual(newFlags)) changes.Add("Red flags changed");
        if (PrivateNote != privateNote) changes.Add("Private note changed");
        if (changes.Count == 0) throw new DomainException("Nothing was changed.");
        Apply(newRatings, newFlags, recommendation, supportedLevel, privateNote);
        _amendments.Add(new ScorecardAmendment(Id, byUserId, at, reason, string.Join("\n", changes)));
    }

    private void Apply(IEnumerable<ScorecardRatingInput> ratings, IEnumerable<Guid> redFlagIds,
        Recommendation? recommendation, JobLevel? supportedLevel, string? privateNote)
    {
        foreach (var input in ratings)
        {
            if (input.Rating is < 1 or > 4) throw new DomainException("Ratings go from 1 (strong no) to 4 (strong yes).");
            var rating = _ratings.SingleOrDefault(r => r.CompetencyId == input.CompetencyId);
            if (rating is null)
            {
                rating = new ScorecardRating(Id, input.CompetencyId, input.CompetencyVersionId, input.CompetencyName);
                _ratings.Add(rating);
            }
            rating.Rating = input.Rating;
            rating.Evidence = input.Evidence?.Trim();
        }
        var flags = redFlagIds.Distinct().ToList();
        _redFlags.RemoveAll(f => !flags.Contains(f.RedFlagId));
        foreach (var id in flags.Where(id => _redFlags.All(f => f.RedFlagId != id)))
            _redFlags.Add(new ScorecardRedFlag(Id, id));
        Recommendation = recommendation;
        SupportedLevel = supportedLevel;
        PrivateNote = string.IsNullOrWhiteSpace(privateNote) ? null : privateNote.Trim();
    }
}

public sealed record ScorecardRatingInput(Guid CompetencyId, Guid CompetencyVersionId, string CompetencyName, int? Rating, string? Evidence);

public sealed class ScorecardRating
{
    private ScorecardRating() { }

    public ScorecardRating(Guid scorecardId, Guid competencyId, Guid competencyVersionId, string competencyName)
    {
        ScorecardId = scorecardId;
        CompetencyId = competencyId;
        CompetencyVersionId = competencyVersionId;
        CompetencyName = competencyName;
    }

    public Guid ScorecardId { get; private set; }
    public Guid CompetencyId { get; private set; }

    // The exact wording the interviewer rated against; later edits of the competency make new versions.
    public Guid CompetencyVersionId { get; private set; }
    public string CompetencyName { get; private set; } = "";
    public int? Rating { get; set; }
    public string? Evidence { get; set; }
}

public sealed class ScorecardRedFlag
{
    private ScorecardRedFlag() { }
    public ScorecardRedFlag(Guid scorecardId, Guid redFlagId) { ScorecardId = scorecardId; RedFlagId = redFlagId; }
    public Guid ScorecardId { get; private set; }
    public Guid RedFlagId { get; private set; }
}

public sealed class ScorecardAmendment : Entity
{
    private ScorecardAmendment() { }

    public ScorecardAmendment(Guid scorecardId, Guid byUserId, DateTimeOffset at, string reason, string changes)
    {
        ScorecardId = scorecardId;
        ByUserId = byUserId;
        At = at;
        Reason = reason;
        Changes = changes;
    }

    public Guid ScorecardId { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Reason { get; private set; } = "";
    public string Changes { get; private set; } = "";
}
