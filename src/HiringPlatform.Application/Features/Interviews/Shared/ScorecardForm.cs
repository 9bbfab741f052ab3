using FluentValidation;
using HiringPlatform.Application.Common.Exceptions;
using HiringPlatform.Application.Data;
using HiringPlatform.Application.Domain.Common;
using HiringPlatform.Application.Domain.Interviews;
using HiringPlatform.Application.Domain.JobPostings;
using Microsoft.EntityFrameworkCore;
using ValidationException = HiringPlatform.Application.Common.Exceptions.ValidationException;

namespace HiringPlatform.Application.Features.Interviews.Shared;

public sealed record RatingField
{
    public Guid CompetencyId { get; init; }
    public int? Rating { get; init; }
    public string? Evidence { get; init; }
}

// The fields a scorecard form posts, shared by "save / submit" and "amend" (one form partial renders both).
public interface IScorecardForm
{
    Guid InterviewId { get; }
    List<RatingField> Ratings { get; }
    List<Guid> RedFlagIds { get; }
    Recommendation? Recommendation { get; }
    JobLevel? SupportedLevel { get; }
    string? PrivateNote { get; }
}

public static class ScorecardText
{
    public static string Display(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongNo => "Strong no",
        Recommendation.No => "No",
        Recommendation.Yes => "Yes",
        _ => "Strong yes",
    };

    public static string RatingLabel(int rating) => rating switch
    {
        1 => "Strong no",
        2 => "No",
        3 => "Yes",
        _ => "Strong yes",
    };

    // The levels a scorecard can name: the ladder up to staff (principal is beyond what one panel can judge).
    public static readonly IReadOnlyList<JobLevel> Levels = [JobLevel.Mid, JobLevel.Senior, JobLevel.Lead, JobLevel.Staff];
}

public sealed record CompetencyToRate(Guid CompetencyId, Guid VersionId, string Name, string Definition,
    string Level1, string Level2, string Level3, string Level4, bool IsMustHave)
{
    public string Descriptor(int rating) => rating switch { 1 => Level1, 2 => Level2, 3 => Level3, _ => Level4 };
}

// Which competencies a scorecard rates: the stage's focus competencies (or, for a stage without any, the posting's
// rubric), plus any the scorecard already rated. Each with the wording it was (or will be) rated against.
internal static class ScorecardCompetencies
{
    public static async Task<(List<CompetencyToRate> Items, bool FromRubric)> ForAsync(AppDbContext db, Guid stageId, Guid postingId,
        Scorecard? existing, CancellationToken ct)
    {
        var focus = await db.Set<StageFocus>().AsNoTracking().Where(f => f.StageId == stageId).Select(f => f.CompetencyId).ToListAsync(ct);
        var rubric = await db.RubricItems.AsNoTracking().Where(r => r.PostingId == postingId).OrderBy(r => r.Order)
            .Select(r => new { r.CompetencyId, r.IsMustHave, r.Order }).ToListAsync(ct);
        var fromRubric = focus.Count == 0;
        var ids = (fromRubric ? rubric.Select(r => r.CompetencyId) : focus).ToList();
        var rated = existing?.Ratings.ToDictionary(r => r.CompetencyId, r => r.CompetencyVersionId) ?? [];
        ids.AddRange(rated.Keys.Where(k => !ids.Contains(k)));

        var current = await db.Competencies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CurrentVersionId }).ToDictionaryAsync(c => c.Id, c => c.CurrentVersionId, ct);
        var versionIds = ids.Where(current.ContainsKey).Select(id => rated.TryGetValue(id, out var v) ? v : current[id]).ToList();
        var versions = await db.CompetencyVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.CompetencyId, ct);

        var order = rubric.Select((r, i) => (r.CompetencyId, i)).ToDictionary(x => x.CompetencyId, x => x.i);
        var items = ids.Where(versions.ContainsKey)
            .OrderBy(id => order.TryGetValue(id, out var o) ? o : int.MaxValue)
            .Select(id =>
            {
                var v = versions[id];
                return new CompetencyToRate(id, v.Id, v.Name, v.Definition, v.Level1, v.Level2, v.Level3, v.Level4,
                    rubric.Any(r => r.CompetencyId == id && r.IsMustHave));
            }).ToList();
        return (items, fromRubric);
    }

    public static List<ScorecardRatingInput> Inputs(IReadOnlyList<CompetencyToRate> allowed, IEnumerable<RatingField> fields)
    {
        var inputs = new List<ScorecardRatingInput>();
        foreach (var (field, index) in fields.Select((f, i) => (f, i)))
        {
            var competency = allowed.FirstOrDefault(c => c.CompetencyId == field.CompetencyId)
                ?? throw new ValidationException($"Ratings[{index}].Rating", "This competency is not rated at this stage.");
            inputs.Add(new ScorecardRatingInput(competency.CompetencyId, competency.VersionId, competency.Name, field.Rating,
                string.IsNullOrWhiteSpace(field.Evidence) ? null : field.Evidence));
        }
        return inputs;
    }
}

// The rules a scorecard's form follows, and who may write one: shared by SaveScorecard and AmendScorecard.
internal static class ScorecardRules
{
    public static void Apply<T>(AbstractValidator<T> v, AppDbContext db, Func<T, bool> complete) where T : IScorecardForm
    {
        v.RuleForEach(c => c.Ratings).ChildRules(r =>
        {
            r.RuleFor(x => x.Rating).InclusiveBetween(1, 4).When(x => x.Rating is not null).WithMessage("Ratings go from 1 to 4.");
            r.RuleFor(x => x.Evidence).MaximumLength(8000);
        });
        v.RuleForEach(c => c.Ratings).ChildRules(r =>
        {
            r.RuleFor(x => x.Rating).NotNull().WithMessage("Choose a rating.");
            r.RuleFor(x => x.Evidence).NotEmpty().WithMessage("Write the evidence: what the candidate said or did that supports this rating.");
        }).When(complete);
        v.RuleFor(c => c.Recommendation).NotNull().When(complete).WithMessage("Choose an overall recommendation.");
        v.RuleFor(c => c.Recommendation).IsInEnum();
        v.RuleFor(c => c.SupportedLevel).Must(l => l is null || ScorecardText.Levels.Contains(l.Value)).WithMessage("Choose one of the listed levels.");
        v.RuleFor(c => c.PrivateNote).MaximumLength(4000);
        v.RuleFor(c => c.RedFlagIds).MustAsync(async (ids, ct) =>
                ids.Count == 0 || await db.RedFlags.CountAsync(f => ids.Contains(f.Id), ct) == ids.Distinct().Count())
            .WithMessage("One of the red flags no longer exists; reload the page.");
    }

    // Only the interview's own participants write scorecards for it; anyone else is told it does not exist.
    public static async Task<(Interview Interview, Guid PostingId, Guid CandidateId)> LoadMyInterviewAsync(AppDbContext db, Guid interviewId, Guid me, CancellationToken ct)
    {
        var interview = await db.Interviews.AsNoTracking().Include(i => i.Participants).SingleOrDefaultAsync(i => i.Id == interviewId, ct);
        if (interview is null || interview.Participants.All(p => p.InterviewerId != me)) throw new NotFoundException("Interview");
        if (interview.Status == InterviewStatus.Cancelled) throw new DomainException("This interview was cancelled, so it takes no feedback.");
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == interview.ApplicationId)
            .Select(a => new { a.PostingId, a.CandidateId }).SingleAsync(ct);
        return (interview, application.PostingId, application.CandidateId);
    }
}
