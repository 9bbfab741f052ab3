namespace HiringPlatform.Application.Domain.Decisions;

public sealed record RubricWeight(Guid CompetencyId, decimal Weight, bool IsMustHave);

// One submitted rating: who rated which competency how.
public sealed record SubmittedRating(Guid CompetencyId, Guid InterviewerId, int Rating);

public sealed record CompetencyResult(
    Guid CompetencyId,
    decimal Weight,
    bool IsMustHave,
    bool InRubric,
    int RatingCount,
    int InterviewerCount,
    decimal? Mean,
    int? Lowest,
    int? Highest)
{
    public bool IsGap => RatingCount == 0;

    // Two ratings two or more points apart on one competency: the panel saw different things, talk about it.
    public bool StrongDisagreement => Lowest is not null && Highest - Lowest >= ScoreCalculator.DisagreementSpread;

    // A must-have whose mean falls under "yes" (3) is a concern, however good the rest looks.
    public bool MustHaveBelowBar => IsMustHave && Mean is not null && Mean < ScoreCalculator.Bar;

    public bool LacksCoverage => IsMustHave && InterviewerCount < ScoreCalculator.CoverageNeeded;
}

public sealed record ScoreResult(decimal? WeightedScore, IReadOnlyList<CompetencyResult> Competencies)
{
    public IEnumerable<CompetencyResult> Gaps => Competencies.Where(c => c.InRubric && c.IsGap);
    public IEnumerable<CompetencyResult> MustHavesBelowBar => Competencies.Where(c => c.MustHaveBelowBar);
    public IEnumerable<CompetencyResult> Disagreements => Competencies.Where(c => c.StrongDisagreement);
    public IEnumerable<CompetencyResult> MissingCoverage => Competencies.Where(c => c.LacksCoverage);

    // The debrief gate (the score page's "ready for the debrief"): some feedback is in, and every must-have competency was
    // rated by at least two interviewers. An offer needs it, or the hiring manager's written override (Decision.ForOffer).
    public bool ReadyForDebrief => Competencies.Any(c => c.RatingCount > 0) && !MissingCoverage.Any();
}

// The scoring arithmetic, kept pure so it is unit-tested on its own and identical on every page:
// per competency, the mean of the submitted ratings; the weighted score is the weight-averaged mean over the
// rubric competencies that have ratings (on the 1–4 scale). Unrated competencies are left out, not counted as
// zero, and reported as gaps. Competencies rated but not in the rubric are shown and carry no weight.
public static class ScoreCalculator
{
    public const decimal Bar = 3m;
    public const int DisagreementSpread = 2;
    public const int CoverageNeeded = 2;

    public static ScoreResult Calculate(IEnumerable<RubricWeight> rubric, IEnumerable<SubmittedRating> ratings)
    {
        var rubricList = rubric.ToList();
        var byCompetency = ratings.Where(r => r.Rating is >= 1 and <= 4).ToLookup(r => r.CompetencyId);
        var results = new List<CompetencyResult>();
        foreach (var item in rubricList)
            results.Add(Result(item.CompetencyId, item.Weight, item.IsMustHave, true, byCompetency[item.CompetencyId].ToList()));
        var inRubric = rubricList.Select(r => r.CompetencyId).ToHashSet();
        foreach (var extra in byCompetency.Where(g => !inRubric.Contains(g.Key)))
            results.Add(Result(extra.Key, 0m, false, false, extra.ToList()));

        var weighted = results.Where(r => r.InRubric && r.Mean is not null && r.Weight > 0).ToList();
        var totalWeight = weighted.Sum(r => r.Weight);
        decimal? score = totalWeight == 0 ? null : Math.Round(weighted.Sum(r => r.Weight * r.Mean!.Value) / totalWeight, 2, MidpointRounding.AwayFromZero);
        return new ScoreResult(score, results);
    }

    private static CompetencyResult Result(Guid competencyId, decimal weight, bool mustHave, bool inRubric, IReadOnlyList<SubmittedRating> ratings) =>
        new(competencyId, weight, mustHave, inRubric,
            ratings.Count,
            ratings.Select(r => r.InterviewerId).Distinct().Count(),
            ratings.Count == 0 ? null : (decimal)ratings.Sum(r => r.Rating) / ratings.Count,
            ratings.Count == 0 ? null : ratings.Min(r => r.Rating),
            ratings.Count == 0 ? null : ratings.Max(r => r.Rating));
}
